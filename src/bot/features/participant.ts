import { Composer } from "grammy";
import { localeFor } from "../../i18n.js";
import type { PersonalData } from "../../people/operations.js";
import { showUser } from "../../people/user-ref.js";
import { chatLineFormatter, singleLine, writeTextFile } from "../../reports/text.js";
import { shownName } from "../../tickets/names.js";
import { formatTime } from "../../time.js";
import type { BotContext, PrivateContext } from "../context.js";
import { leaveButtons, pressedPrompt, promptKeyboard } from "../keyboards/prompts.js";
import { editOrReply, fileStamp, replyWithFile } from "../replies.js";
import { agreementVersionText, chatLogText } from "../../reports/markers.js";

/**
 * The participant's rights (issue 15; 152-FZ art. 9 and 14, GDPR art. 7(3),
 * 15, 17): /mydata — everything the bot stores about them, as a file;
 * /leave — consent withdrawn and everything erased, as /delete_user erases.
 */
export const participantFeature = new Composer<BotContext>();
const inPrivate = participantFeature.chatType("private");

inPrivate.command("leave", (ctx) => {
  const result = ctx.deps.ops.people.requestLeave({ userId: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(ctx.t("leave-organiser"));
  return ctx.reply(ctx.t("leave-confirm"), { reply_markup: promptKeyboard(ctx, leaveButtons, "confirm", result.promptId, ctx.t("leave-button-confirm")) });
});

inPrivate.callbackQuery(leaveButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, leaveButtons, ["leave"]);
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  const { people, prompts } = ctx.deps.ops;
  if (pressed.action === "keep") return editOrReply(ctx, ctx.t(prompts.keep(pressed.prompt) ? "leave-kept" : "button-expired"));
  const result = people.confirmLeave({ prompt: pressed.prompt, by: ctx.from.id });
  if (!result.ok) {
    if (result.reason === "answered") return editOrReply(ctx, ctx.t(result.kept ? "leave-kept" : "button-expired"));
    return editOrReply(ctx, ctx.t(result.reason === "stale" ? "button-expired" : "leave-organiser"));
  }
  ctx.log.info({ left: result.userId }, "participant left and was erased");
  // The last message they get: nothing of theirs is kept any more, not even this line of the chat log.
  await editOrReply(ctx, ctx.t("leave-done"));
  await tellAdmins(ctx, result.userId);
  return undefined;
});

/** Owners and admins hear it in one line, by id only (the name is what was just erased). */
async function tellAdmins(ctx: PrivateContext, userId: number): Promise<void> {
  const { people } = ctx.deps.ops;
  for (const adminId of people.adminIds()) {
    const locale = localeFor(people.byId(adminId)?.language_code, ctx.deps.config.DEFAULT_LOCALE);
    await ctx.api
      .sendMessage(adminId, ctx.deps.i18n.t(locale, "leave-admin-notice", { id: String(userId) }))
      .catch((error: unknown) => ctx.log.info({ err: error, admin: adminId }, "an admin was not told of a /leave"));
  }
}

inPrivate.command("mydata", async (ctx) => {
  const data = ctx.deps.ops.people.dataOf(ctx.from.id);
  // An owner or admin who never registered: the bot keeps their profile and chat log only (/chatlog shows it).
  if (!data) return ctx.reply(ctx.t("mydata-admin"));
  await replyWithFile(
    ctx,
    `my-data-${fileStamp(ctx.deps.config.TIME_ZONE)}.txt`,
    (path) => writeTextFile(path, personalDataText(ctx, data)),
    () => ctx.t("mydata-caption"),
  );
  return undefined;
});

/**
 * Everything stored about the person, readable, in their language, times in
 * TIME_ZONE with the zone named: profile, consent, invite, tickets with
 * their delivery times, check-ins, the waiting list, questions, chat log.
 */
function* personalDataText(ctx: PrivateContext, data: PersonalData): Generator<string> {
  const zone = ctx.deps.config.TIME_ZONE;
  const when = (ms: number | null | undefined) => (ms == null ? "—" : `${formatTime(ms, zone)}`);
  const { person } = data;
  const field = (key: string, value: string) => `  ${ctx.t(key)}: ${singleLine(value)}\n`;
  yield `${ctx.t("mydata-title", { bot: `@${ctx.deps.botUsername()}`, time: formatTime(Date.now(), zone), zone })}\n\n`;

  yield `${ctx.t("mydata-profile")}\n`;
  yield field("mydata-id", String(person.id));
  yield field("mydata-username", person.username ? `@${person.username}` : "—");
  yield field("mydata-first-name", person.first_name ?? "—");
  yield field("mydata-last-name", person.last_name ?? "—");
  yield field("mydata-language", person.language_code ?? "—");
  yield field("mydata-first-seen", when(person.first_seen_at));
  yield field("mydata-registered", when(person.registered_at));
  yield field("mydata-blocked", person.blocked_at === null ? ctx.t("mydata-no") : when(person.blocked_at));
  yield "\n";

  yield `${ctx.t("mydata-consent")}\n`;
  yield field("mydata-agreement", agreementVersionText(person.agreement_version, data.agreementSince, ctx.t, zone) ?? "—");
  yield field("mydata-consent-at", when(person.consent_at));
  yield "\n";

  yield `${ctx.t("mydata-invite")}\n`;
  yield field("mydata-invite-code", person.invite_code ?? "—");
  if (data.invite) yield field("mydata-invite-used", when(data.invite.used_at));
  yield "\n";

  yield `${ctx.t("mydata-tickets")}\n`;
  if (data.tickets.length === 0) yield `  ${ctx.t("mydata-none")}\n`;
  for (const { ticket, wave } of data.tickets) {
    yield `  ${ctx.t("mydata-ticket", {
      wave: singleLine(wave.name),
      file: singleLine(shownName(ticket.file_name)),
      status: ctx.t(`ticket-status-${ticket.status}`),
      assigned: when(ticket.assigned_at),
      sent: when(ticket.sent_at),
    })}\n`;
  }
  if (data.waiting) yield `  ${ctx.t("mydata-waiting", { since: when(data.waiting.since) })}\n`;
  yield "\n";

  yield `${ctx.t("mydata-checkins")}\n`;
  if (data.checkins.length === 0) yield `  ${ctx.t("mydata-none")}\n`;
  for (const checkin of data.checkins) {
    yield `  ${ctx.t(checkin.undone_at === null ? "mydata-checkin" : "mydata-checkin-undone", { time: when(checkin.at), undone: when(checkin.undone_at) })}\n`;
  }
  yield "\n";

  yield `${ctx.t("mydata-questions")}\n`;
  if (data.questions.length === 0) yield `  ${ctx.t("mydata-none")}\n`;
  for (const question of data.questions) {
    const answered = question.answered_at !== null && question.answered_at >= question.at ? ctx.t("mydata-answered", { time: when(question.answered_at) }) : ctx.t("mydata-not-answered");
    yield `  ${when(question.at)} ${singleLine(chatLogText(question, ctx.t))} — ${answered}\n`;
  }
  yield "\n";

  yield `${ctx.t("mydata-chatlog", { lines: data.chatLines })}\n`;
  const format = chatLineFormatter({ timeZone: zone, labels: { in: ctx.t("mydata-chatlog-in"), out: ctx.t("mydata-chatlog-out") } });
  for (const entry of data.chatLog()) yield format({ at: entry.at, direction: entry.direction, content: chatLogText(entry, ctx.t) });
  yield `\n${ctx.t("mydata-footer", { user: showUser(person) })}\n`;
}
