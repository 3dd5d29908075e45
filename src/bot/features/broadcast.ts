import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { sendBroadcast } from "../../broadcast/send.js";
import type { BroadcastRow } from "../../db/repos/broadcasts.js";
import { clampText } from "../../telegram/limits.js";
import type { BotContext, PrivateContext } from "../context.js";
import { captionCommand } from "../filters/caption-command.js";
import { bcButtons } from "../keyboards/broadcast.js";
import { editOrReply } from "../replies.js";

/**
 * /broadcast (SPEC §6): text, media with the caption /broadcast, or a reply.
 * The admin first sees exactly what participants will get, then confirms;
 * the delivery engine does the rest (rate limit, retries, progress, resume).
 */
export const broadcastFeature = new Composer<BotContext>();
const inPrivate = broadcastFeature.chatType("private");

inPrivate.command("broadcast", (ctx) => draftBroadcast(ctx, ctx.msg));
inPrivate.filter(captionCommand("broadcast"), (ctx) => draftBroadcast(ctx, ctx.message));

const REFUSALS = {
  empty: "broadcast-usage",
  too_long_text: "broadcast-too-long-text",
  too_long_caption: "broadcast-too-long-caption",
} as const;

async function draftBroadcast(ctx: PrivateContext, message: Message): Promise<unknown> {
  const { broadcasts } = ctx.deps.ops;
  const result = broadcasts.draft({ message, by: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(ctx.t(REFUSALS[result.reason]));
  const { draft } = result;
  try {
    // The preview is sent by the same function as every delivery: exactly what participants get.
    await sendBroadcast(ctx.api, draft, ctx.chat.id);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    broadcasts.discard(draft.id);
    return ctx.reply(ctx.t("broadcast-cannot-copy", { reason: clampText(error.description, 300) }));
  }
  const control = await ctx.reply(controlText(ctx, draft), { reply_markup: controlKeyboard(ctx, draft) });
  broadcasts.setControlMessage(draft.id, control.message_id);
  return undefined;
}

function controlText(ctx: PrivateContext, draft: BroadcastRow): string {
  const { participants, admins } = ctx.deps.ops.broadcasts.audience(draft);
  return ctx.t(admins.length > 0 ? "broadcast-preview-with-admins" : "broadcast-preview", { participants, admins: admins.length });
}

function controlKeyboard(ctx: PrivateContext, draft: BroadcastRow): InlineKeyboard {
  const { participants, admins } = ctx.deps.ops.broadcasts.audience(draft);
  return new InlineKeyboard()
    .text(ctx.t("broadcast-button-send", { count: participants + admins.length }), bcButtons.data("send", draft.id))
    .row()
    .text(ctx.t(draft.include_admins ? "broadcast-button-admins-on" : "broadcast-button-admins-off"), bcButtons.data("admins", draft.id))
    .text(ctx.t("broadcast-button-cancel"), bcButtons.data("cancel", draft.id));
}

inPrivate.callbackQuery(bcButtons.pattern, async (ctx) => {
  const { broadcasts } = ctx.deps.ops;
  const press = bcButtons.parse(ctx.callbackQuery.data);
  const draft = press && broadcasts.waiting(press.args[0], ctx.chat.id);
  if (!press || !draft) {
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-not-draft") });
    return editOrReply(ctx, ctx.t("broadcast-not-draft"));
  }
  await ctx.answerCallbackQuery();
  switch (press.action) {
    case "cancel":
      broadcasts.cancel(draft);
      return editOrReply(ctx, ctx.t("broadcast-cancelled"));
    case "admins": {
      const updated = broadcasts.toggleAdmins(draft);
      return editOrReply(ctx, controlText(ctx, updated), controlKeyboard(ctx, updated));
    }
    case "send": {
      const result = broadcasts.confirm({ draft, by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
      if (!result.ok) return editOrReply(ctx, ctx.t("broadcast-nobody"));
      await editOrReply(ctx, ctx.t(result.queued ? "broadcast-queued" : "broadcast-started", { job: result.job.id, count: result.total }));
      result.launch();
      return undefined;
    }
  }
});
