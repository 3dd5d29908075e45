import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { Recipients } from "../../broadcast/operations.js";
import { hasPlaceholders } from "../../broadcast/personalize.js";
import { parseScheduleTime } from "../../broadcast/schedule-time.js";
import { sendBroadcast } from "../../broadcast/send.js";
import { announcementTitle } from "../../broadcast/title.js";
import { AUDIENCES, type BroadcastRow } from "../../db/repos/broadcasts.js";
import { clampText, fitList } from "../../telegram/limits.js";
import { formatDateTime } from "../../time.js";
import type { BaseContext, BotContext, PrivateContext } from "../context.js";
import { captionCommand } from "../filters/caption-command.js";
import { isAdminRole } from "../filters/roles.js";
import { bcButtons } from "../keyboards/broadcast.js";
import { recordRefusal } from "../middlewares/authorization.js";
import { editOrReply } from "../replies.js";

/**
 * /broadcast (SPEC §6, issue 16): text, media with the caption /broadcast, or
 * a reply. The admin first sees exactly what participants will get, chooses
 * who receives it, and sends it now or at a chosen moment; the delivery
 * engine does the rest (rate limit, retries, progress, resume). /scheduled
 * lists what waits, with a cancel button each.
 */
export const broadcastFeature = new Composer<BotContext>();
const inPrivate = broadcastFeature.chatType("private");

inPrivate.command("broadcast", (ctx) => draftBroadcast(ctx, ctx.msg));
inPrivate.filter(captionCommand("broadcast"), (ctx) => draftBroadcast(ctx, ctx.message));
inPrivate.command("scheduled", (ctx) => showScheduled(ctx));

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
    // The preview is sent by the same function as every delivery: exactly what participants get ({name} filled in for the admin).
    await sendBroadcast(ctx.api, draft, ctx.chat.id, { person: { first_name: ctx.from.first_name, username: ctx.from.username ?? null } });
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    broadcasts.discard(draft.id);
    return ctx.reply(ctx.t("broadcast-cannot-copy", { reason: clampText(error.description, 300) }));
  }
  const control = await ctx.reply(controlText(ctx, draft), { reply_markup: controlKeyboard(ctx, draft) });
  broadcasts.setControlMessage(draft.id, control.message_id);
  return undefined;
}

/** "Everyone: 120 participants and 3 organisers. 4 more blocked the bot: they are left out." */
function recipientsText(ctx: BaseContext, draft: BroadcastRow, recipients: Recipients): string {
  const lines = [
    ctx.t("broadcast-audience-line", {
      audience: ctx.t(`broadcast-audience-${draft.audience}`),
      participants: recipients.reachable,
      organisers: recipients.organisers.length,
    }),
  ];
  if (recipients.blocked > 0) lines.push(ctx.t("broadcast-blocked", { count: recipients.blocked }));
  return lines.join("\n");
}

function controlText(ctx: BaseContext, draft: BroadcastRow): string {
  const recipients = ctx.deps.ops.broadcasts.recipients(draft);
  const lines = [ctx.t("broadcast-preview"), recipientsText(ctx, draft, recipients)];
  if (hasPlaceholders(`${draft.text ?? ""}${draft.caption ?? ""}`)) lines.push(ctx.t("broadcast-placeholders"));
  lines.push(ctx.t("broadcast-preview-question"));
  return lines.join("\n");
}

function controlKeyboard(ctx: BaseContext, draft: BroadcastRow): InlineKeyboard {
  const { reachable, organisers } = ctx.deps.ops.broadcasts.recipients(draft);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("broadcast-button-send", { count: reachable + organisers.length }), bcButtons.data("send", draft.id))
    .text(ctx.t("broadcast-button-later"), bcButtons.data("later", draft.id))
    .row();
  for (const [index, audience] of AUDIENCES.entries()) {
    const label = ctx.t(`broadcast-audience-${audience}`);
    keyboard.text(audience === draft.audience ? `✓ ${label}` : label, bcButtons.data("audience", draft.id, audience));
    if (index % 2 === 1) keyboard.row();
  }
  return keyboard
    .row()
    .text(ctx.t(draft.include_admins ? "broadcast-button-admins-on" : "broadcast-button-admins-off"), bcButtons.data("admins", draft.id))
    .text(ctx.t("broadcast-button-cancel"), bcButtons.data("cancel", draft.id));
}

inPrivate.callbackQuery(bcButtons.pattern, async (ctx) => {
  const { broadcasts } = ctx.deps.ops;
  const press = bcButtons.parse(ctx.callbackQuery.data);
  if (press?.action === "unschedule") return unschedule(ctx, press.args[0]);
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
      const updated = broadcasts.toggleOrganisers(draft);
      return editOrReply(ctx, controlText(ctx, updated), controlKeyboard(ctx, updated));
    }
    case "audience": {
      const updated = broadcasts.chooseAudience(draft, press.args[1]);
      return editOrReply(ctx, controlText(ctx, updated), controlKeyboard(ctx, updated));
    }
    case "later":
      return ctx.conversation.enter("schedule-announcement", draft.id);
    case "send": {
      const result = broadcasts.confirm({ draft, by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
      if (!result.ok) return editOrReply(ctx, ctx.t("broadcast-nobody"));
      await editOrReply(ctx, ctx.t(result.queued ? "broadcast-queued" : "broadcast-started", { job: result.job.id, count: result.total }));
      result.launch();
      return undefined;
    }
  }
});

/**
 * "When should it go?": waits for a time in TIME_ZONE (18:30, 01.12 18:30,
 * 01.12.2026 18:30), asks again after a wrong or past one, /cancel leaves the
 * draft as it is; another command ends the dialog and runs.
 */
async function scheduleAnnouncement(conversation: Conversation<BotContext, BaseContext>, ctx: BaseContext, draftId: number): Promise<void> {
  const zone = ctx.deps.config.TIME_ZONE;
  await ctx.reply(ctx.t("schedule-ask", { zone }));
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text?.trim() ?? "";
    if (/^\/cancel(@\w+)?$/i.test(text)) {
      await next.reply(ctx.t("schedule-kept"));
      return;
    }
    if (next.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) || next.callbackQuery) {
      await conversation.halt({ next: true });
    }
    if (!next.from || !next.chat) continue;
    // The right is checked again now: the person may have lost it meanwhile.
    if (!isAdminRole(next.role)) {
      await conversation.external(() => recordRefusal(next, "/broadcast"));
      await next.reply(next.t("not-allowed"));
      return;
    }
    const now = await conversation.now();
    const parsed = parseScheduleTime(text, zone, now);
    if (!parsed.ok) {
      await next.reply(ctx.t(`schedule-refused-${parsed.reason}`, { zone, now: formatDateTime(now, zone) }));
      continue;
    }
    const by = next.from.id;
    const chatId = next.chat.id;
    const locale = ctx.locale;
    const result = await conversation.external((c) => c.deps.ops.broadcasts.schedule({ draftId, chatId, at: parsed.ms, by, locale }, now));
    if (!result.ok) {
      await next.reply(ctx.t(result.reason === "past" ? "schedule-refused-past" : "broadcast-not-draft", { zone, now: formatDateTime(now, zone) }));
      if (result.reason === "past") continue;
      return;
    }
    const { draft, recipients } = result;
    const title = announcementTitle(draft.summary, ctx.t);
    await next.reply(
      [ctx.t("schedule-done", { title, at: formatDateTime(parsed.ms, zone), zone }), recipientsText(next, draft, recipients), ctx.t("schedule-hint")].join("\n"),
    );
    if (draft.control_message_id !== null) {
      await next.api.editMessageText(chatId, draft.control_message_id, ctx.t("schedule-control", { at: formatDateTime(parsed.ms, zone), zone })).catch(() => undefined);
    }
    return;
  }
}

export const scheduleConversation = createConversation<BotContext, BaseContext>(scheduleAnnouncement, "schedule-announcement");

/** /scheduled: what waits for its moment, soonest first, with a cancel button each (also the menu's 🕒 button). */
export async function showScheduled(ctx: PrivateContext, edit = false): Promise<unknown> {
  const zone = ctx.deps.config.TIME_ZONE;
  const waiting = ctx.deps.ops.broadcasts.scheduled();
  if (waiting.length === 0) return edit ? editOrReply(ctx, ctx.t("scheduled-none")) : ctx.reply(ctx.t("scheduled-none"));
  const lines = waiting.map(({ broadcast, recipients }) =>
    ctx.t("scheduled-line", {
      at: formatDateTime(broadcast.scheduled_at!, zone),
      title: announcementTitle(broadcast.summary, ctx.t),
      audience: ctx.t(`broadcast-audience-${broadcast.audience}`),
      count: recipients.reachable + recipients.organisers.length,
    }),
  );
  const fitted = fitList({ head: ctx.t("scheduled-header", { count: waiting.length, zone }), lines, more: (count) => ctx.t("list-and-more", { count }) });
  // A button for each announcement shown (Telegram allows 100 buttons; a long list shows the soonest).
  const keyboard = new InlineKeyboard();
  for (const { broadcast } of waiting.slice(0, Math.min(waiting.length - fitted.omitted, 50))) {
    const label = ctx.t("scheduled-button-cancel", { at: formatDateTime(broadcast.scheduled_at!, zone) });
    keyboard.text(label, bcButtons.data("unschedule", broadcast.id)).row();
  }
  return edit ? editOrReply(ctx, fitted.text, keyboard) : ctx.reply(fitted.text, { reply_markup: keyboard });
}

async function unschedule(ctx: PrivateContext, id: number): Promise<unknown> {
  const result = ctx.deps.ops.broadcasts.unschedule({ id, by: ctx.from.id });
  const title = result.broadcast ? announcementTitle(result.broadcast.summary, ctx.t) : "";
  if (result.ok) await ctx.answerCallbackQuery({ text: ctx.t("scheduled-cancelled", { title }) });
  else {
    const started = result.broadcast?.status === "sending" || result.broadcast?.status === "sent" || result.broadcast?.status === "stopped";
    await ctx.answerCallbackQuery({ text: ctx.t(started ? "scheduled-already-started" : "scheduled-already-cancelled", { title }), show_alert: true });
  }
  return showScheduled(ctx, true);
}
