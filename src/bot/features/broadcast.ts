import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { broadcastFromMessage } from "../../broadcast/content.js";
import { sendBroadcast } from "../../broadcast/send.js";
import type { BroadcastRow } from "../../db/repos/broadcasts.js";
import type { BotContext } from "../context.js";
import { captionCommand } from "../filters/caption-command.js";
import { decodeCallback, encodeCallback, idArgAt } from "../keyboards/callback-data.js";
import { clampText } from "../../telegram/limits.js";
import { cutText } from "../../tickets/names.js";
import { editOrReply } from "../replies.js";

/**
 * /broadcast (SPEC §6): text, media with the caption /broadcast, or a reply.
 * The admin first sees exactly what participants will get, then confirms;
 * the delivery engine does the rest (rate limit, retries, progress, resume).
 */
export const broadcastFeature = new Composer<BotContext>();

broadcastFeature.command("broadcast", (ctx) => draftBroadcast(ctx, ctx.message!));
broadcastFeature.filter(captionCommand("broadcast"), (ctx) => draftBroadcast(ctx, ctx.message));

const REFUSALS = {
  empty: "broadcast-usage",
  too_long_text: "broadcast-too-long-text",
  too_long_caption: "broadcast-too-long-caption",
} as const;

async function draftBroadcast(ctx: BotContext, message: Message): Promise<unknown> {
  const source = broadcastFromMessage(message);
  if (!source.ok) return ctx.reply(ctx.t(REFUSALS[source.reason]));
  const { repos } = ctx.deps;
  const draft = repos.broadcasts.createDraft({ by: ctx.from!.id, chatId: ctx.chat!.id, summary: cutText(source.summary, 500), content: source.content });
  try {
    await sendBroadcast(ctx.api, draft, ctx.chat!.id);
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    repos.broadcasts.transition(draft.id, "draft", "cancelled");
    return ctx.reply(ctx.t("broadcast-cannot-copy", { reason: clampText(error.description, 300) }));
  }
  const control = await ctx.reply(controlText(ctx, draft), { reply_markup: controlKeyboard(ctx, draft) });
  repos.broadcasts.setControlMessage(draft.id, control.message_id);
  return undefined;
}

/** Who would receive it now: participants, and the admins if chosen. */
function recipients(ctx: BotContext, includeAdmins: boolean): { participants: number; admins: number[] } {
  const { services } = ctx.deps;
  return { participants: services.recipientCount(), admins: includeAdmins ? services.staff() : [] };
}

function controlText(ctx: BotContext, draft: BroadcastRow): string {
  const { participants, admins } = recipients(ctx, draft.include_admins === 1);
  return ctx.t(admins.length > 0 ? "broadcast-preview-with-admins" : "broadcast-preview", { participants, admins: admins.length });
}

function controlKeyboard(ctx: BotContext, draft: BroadcastRow): InlineKeyboard {
  const { participants, admins } = recipients(ctx, draft.include_admins === 1);
  return new InlineKeyboard()
    .text(ctx.t("broadcast-button-send", { count: participants + admins.length }), encodeCallback("bc", "send", draft.id))
    .row()
    .text(ctx.t(draft.include_admins ? "broadcast-button-admins-on" : "broadcast-button-admins-off"), encodeCallback("bc", "admins", draft.id))
    .text(ctx.t("broadcast-button-cancel"), encodeCallback("bc", "cancel", draft.id));
}

broadcastFeature.callbackQuery(/^bc:(send|admins|cancel):/, async (ctx) => {
  const decoded = decodeCallback(ctx.callbackQuery.data);
  const id = idArgAt(decoded);
  const { repos, services } = ctx.deps;
  const draft = id === undefined ? undefined : repos.broadcasts.byId(id);
  if (!draft || draft.chat_id !== ctx.chat?.id || draft.status !== "draft") {
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-not-draft") });
    return editOrReply(ctx, ctx.t("broadcast-not-draft"));
  }
  await ctx.answerCallbackQuery();
  if (decoded.action === "cancel") {
    repos.broadcasts.transition(draft.id, "draft", "cancelled");
    return editOrReply(ctx, ctx.t("broadcast-cancelled"));
  }
  if (decoded.action === "admins") {
    repos.broadcasts.toggleAdmins(draft.id);
    const updated = repos.broadcasts.byId(draft.id)!;
    return editOrReply(ctx, controlText(ctx, updated), controlKeyboard(ctx, updated));
  }
  const { participants, admins } = recipients(ctx, draft.include_admins === 1);
  const total = participants + admins.length;
  if (total === 0) return editOrReply(ctx, ctx.t("broadcast-nobody"));
  const busy = services.engine.isBusy();
  const job = repos.transaction(() => {
    const created = repos.jobs.create({ kind: "broadcast", refId: draft.id, startedBy: ctx.from.id, chatId: ctx.chat!.id, locale: ctx.locale, total });
    if (!repos.broadcasts.attachJob(draft.id, created.id)) throw new Error(`broadcast ${draft.id} is no longer a draft`);
    // Admins are queued with the job; the engine sends pending rows first.
    for (const adminId of admins) repos.jobs.addDelivery({ jobId: created.id, userId: adminId, itemId: null, status: "pending" });
    return created;
  });
  repos.records.audit({ actorId: ctx.from.id, action: "broadcast", args: `#${draft.id} ${cutText(draft.summary, 100)}`, result: `job ${job.id}, ${total} recipients` });
  await editOrReply(ctx, ctx.t(busy ? "broadcast-queued" : "broadcast-started", { id: draft.id, count: total }));
  services.engine.kick();
  return undefined;
});
