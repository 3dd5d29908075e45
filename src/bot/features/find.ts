import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { localeFor } from "../../i18n.js";
import type { PersonCard } from "../../people/operations.js";
import { parseUserRef, showPerson, showRef, showUser } from "../../people/user-ref.js";
import { clampText, MAX_TEXT } from "../../telegram/limits.js";
import { ticketCaption } from "../../tickets/caption.js";
import { shownName } from "../../tickets/names.js";
import { agreementVersionText } from "../../reports/markers.js";
import { formatClock, formatTime } from "../../time.js";
import type { BotContext, PrivateContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";
import { cardButtons } from "../keyboards/door.js";
import { passButtons } from "../../door/buttons.js";
import { askReissue } from "./reissue.js";
import { sendChatlog } from "./reports.js";

/**
 * /find @username|id|ticket file: the person card (the "event day" issue) —
 * registration, agreement, language, every ticket with its state and times,
 * the latest delivery that did not arrive, whether they blocked the bot, and
 * whether they came in. Admins get buttons: the ticket again, the chat log,
 * a reissue. Door staff see the card without them.
 */
export const findFeature = new Composer<BotContext>();
const inPrivate = findFeature.chatType("private");

inPrivate.command("find", async (ctx) => {
  const argument = ctx.match.trim();
  if (argument === "") return ctx.reply(ctx.t("find-usage"));
  const { people } = ctx.deps.ops;
  const ref = parseUserRef(argument);
  const person = ref ? people.find(ref) : undefined;
  if (person) return showCard(ctx, person.id);
  const owners = people.ownersOfFile(argument);
  if (owners.length === 1) return showCard(ctx, owners[0]!.id);
  if (owners.length > 1) return ctx.reply(ctx.t("find-ambiguous", { people: owners.map((o) => showUser(o)).join(", ") }));
  return ctx.reply(ctx.t("find-unknown", { what: ref ? showRef(ref) : argument }));
});

/**
 * The person card, in this chat or in `chatId` (an admin pressing the card
 * button under a question in the support group gets it in their private
 * chat).
 */
export async function showCard(ctx: BotContext, userId: number, chatId = ctx.chat!.id): Promise<unknown> {
  const card = ctx.deps.ops.people.card(userId);
  if (!card) return ctx.api.sendMessage(chatId, ctx.t("user-unknown", { user: String(userId) }));
  const text = clampText(renderCard(ctx, card), MAX_TEXT);
  if (!isAdminRole(ctx.role) || card.person.registered_at === null) return ctx.api.sendMessage(chatId, text);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("card-button-resend"), cardButtons.data("resend", userId))
    .text(ctx.t("card-button-chatlog"), cardButtons.data("chatlog", userId))
    .row()
    .text(ctx.t("card-button-reissue"), cardButtons.data("reissue", userId));
  return ctx.api.sendMessage(chatId, text, { reply_markup: keyboard });
}

function renderCard(ctx: BotContext, card: PersonCard): string {
  const zone = ctx.deps.config.TIME_ZONE;
  const { person } = card;
  const when = (ms: number | null) => (ms === null ? "—" : formatTime(ms, zone));
  const lines = [ctx.t("card-title", { person: showPerson(person, ctx.t("deleted-user", { id: String(person.id) })) }), ctx.t(`role-${card.role}`)];
  if (person.deleted_at !== null) lines.push(ctx.t("card-deleted", { date: when(person.deleted_at) }));
  if (person.registered_at !== null) {
    lines.push(ctx.t("card-registered", { date: when(person.registered_at), zone, language: person.language_code ?? "—", agreement: agreementVersionText(person.agreement_version, card.agreementSince, ctx.t, zone) ?? "—" }));
  }
  lines.push("", ctx.t(card.tickets.length > 0 ? "card-tickets" : "card-no-tickets"));
  for (const { ticket, wave } of card.tickets) {
    lines.push(
      ctx.t("card-ticket", {
        wave: wave.name,
        file: shownName(ticket.file_name),
        status: ctx.t(`ticket-status-${ticket.status}`),
        sent: when(ticket.sent_at),
        attempts: ticket.attempts,
      }),
    );
  }
  if (card.lastFailure) {
    lines.push(ctx.t("card-last-failure", { date: when(card.lastFailure.updated_at), reason: ctx.t(`failure-${card.lastFailure.error_kind ?? "internal"}`) }));
  }
  lines.push(ctx.t(person.blocked_at === null ? "card-not-blocked" : "card-blocked", { date: when(person.blocked_at) }));
  const inside = ctx.deps.ops.door.inside(person.id);
  lines.push(
    inside
      ? ctx.t("card-inside", { time: formatClock(inside.checkin.at, zone), by: inside.by ? showUser(inside.by) : String(inside.checkin.by) })
      : ctx.t("card-not-inside"),
  );
  return lines.join("\n");
}

inPrivate.callbackQuery(cardButtons.pattern, async (ctx) => {
  const press = cardButtons.parse(ctx.callbackQuery.data);
  if (!press) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  const [userId] = press.args;
  switch (press.action) {
    case "chatlog":
      await ctx.answerCallbackQuery();
      return sendChatlog(ctx, userId);
    case "reissue":
      await ctx.answerCallbackQuery();
      return askReissue(ctx, userId, undefined);
    case "resend":
      return resendTicket(ctx, userId);
  }
});

/** The person's tickets again, in their chat, by file_id (no upload), each with its pass button. */
async function resendTicket(ctx: PrivateContext, userId: number): Promise<unknown> {
  const person = ctx.deps.ops.people.byId(userId);
  const tickets = person?.registered_at ? ctx.deps.ops.tickets.ofParticipant(userId) : [];
  if (!person || tickets.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("card-resend-none"), show_alert: true });
  const locale = localeFor(person.language_code, ctx.deps.config.DEFAULT_LOCALE);
  const t = (key: string, vars?: Record<string, string | number | Date>) => ctx.deps.i18n.t(locale, key, vars);
  const event = ctx.deps.ops.event.details();
  try {
    for (const { ticket, wave } of tickets) {
      if (!ticket.file_id) continue;
      await ctx.api.sendDocument(userId, ticket.file_id, {
        caption: ticketCaption(t, { event, wave: wave.name, timeZone: ctx.deps.config.TIME_ZONE }),
        reply_markup: new InlineKeyboard().text(t("pass-button"), passButtons.data("show", ticket.id)),
        ...(ctx.deps.config.PROTECT_TICKETS ? { protect_content: true } : {}),
      });
    }
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    return ctx.answerCallbackQuery({ text: ctx.t("card-resend-failed", { reason: clampText(error.description, 150) }), show_alert: true });
  }
  ctx.deps.ops.reports.recordExport({ by: ctx.from.id, action: "resend_ticket", args: String(userId), result: `${tickets.length} sent` });
  return ctx.answerCallbackQuery({ text: ctx.t("card-resend-done", { user: showUser(person) }) });
}

