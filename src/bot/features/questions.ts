import { Composer, GrammyError, type NextFunction } from "grammy";
import { relayButtons } from "../../questions/buttons.js";
import { showUser } from "../../people/user-ref.js";
import { describeMessage } from "../../telegram/describe.js";
import { clampText } from "../../telegram/limits.js";
import type { BotContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";
import { authorize, commandOf } from "../middlewares/authorization.js";
import { showCard } from "./find.js";

/**
 * Questions to the organisers (issue 15): whatever a registered participant
 * sends that is not a command is relayed to the organisers (src/questions);
 * an owner's or admin's Telegram reply to a relayed question goes back to
 * the participant. Strangers still get the short fallback answer.
 */
export const questionsFeature = new Composer<BotContext>();
const inPrivate = questionsFeature.chatType("private");

inPrivate.on("message", async (ctx, next) => {
  if (commandOf(ctx) !== undefined) return next();
  if (ctx.role === "participant") {
    const described = describeMessage(ctx.message);
    if (described.kind === "other") return next();
    const result = await ctx.deps.ops.questions.receive({ userId: ctx.from.id, messageId: ctx.message.message_id, ...described });
    if (!result.ok) return next();
    ctx.log.info({ relay_id: result.relayId, relayed: result.relayed }, "question for the organisers");
    // Told at most once a minute: a participant writing five lines gets one answer, not five.
    if (result.acknowledge) return ctx.reply(ctx.t("question-relayed"));
    return undefined;
  }
  if (isAdminRole(ctx.role) && ctx.message.reply_to_message) return answer(ctx, next, true);
  return next();
});

/** An organiser's reply to a relayed question, in a private chat or the support group. */
async function answer(ctx: BotContext, next: NextFunction, inPrivateChat: boolean): Promise<unknown> {
  const message = ctx.message!;
  const result = await ctx.deps.ops.questions.answer({ chatId: ctx.chat!.id, replyTo: message.reply_to_message!.message_id, by: ctx.from!.id, message });
  if (!result.ok && (result.reason === "not_a_question" || result.reason === "not_admin")) return inPrivateChat ? next() : undefined;
  const reply = { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } };
  if (result.ok) {
    ctx.log.info({ participant: result.user.id }, "question answered");
    // In the support group the edited question says it was answered; a private chat also gets a line.
    return inPrivateChat ? ctx.reply(ctx.t("answer-sent", { user: showUser(result.user) }), reply) : undefined;
  }
  if (result.reason === "gone") return ctx.reply(ctx.t("answer-gone", { id: String(result.userId) }), reply);
  return ctx.reply(ctx.t("answer-undelivered", { user: showUser(result.user), reason: clampText(result.description, 200) }), reply);
}

/** The buttons under a relayed question: the person card, a batch's files. */
async function pressRelayButton(ctx: BotContext & { callbackQuery: { data?: string; from: { id: number } } }, inPrivateChat: boolean): Promise<unknown> {
  const press = relayButtons.parse(ctx.callbackQuery.data);
  if (!press) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  if (press.action === "files") {
    const result = await ctx.deps.ops.questions.showFiles({ relayId: press.args[0], chatId: ctx.chat!.id });
    return ctx.answerCallbackQuery({ text: result.ok ? ctx.t("relay-files-shown", { count: result.count }) : ctx.t("relay-files-gone") });
  }
  const [userId] = press.args;
  if (inPrivateChat) {
    await ctx.answerCallbackQuery();
    return showCard(ctx, userId);
  }
  // From the support group: the card goes to the admin's private chat, not to everyone in the group.
  try {
    await showCard(ctx, userId, ctx.callbackQuery.from.id);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code >= 500) throw error;
    return ctx.answerCallbackQuery({ text: ctx.t("relay-card-private-first"), show_alert: true });
  }
  return ctx.answerCallbackQuery({ text: ctx.t("relay-card-sent-privately") });
}

inPrivate.callbackQuery(relayButtons.pattern, (ctx) => pressRelayButton(ctx, true));

/**
 * The support group (SUPPORT_CHAT_ID): owners' and admins' replies to
 * relayed questions and the buttons under them; everything else there —
 * commands, chatter, anyone else's replies — is ignored without a word.
 */
export const supportChatFeature = new Composer<BotContext>();
supportChatFeature.filter((ctx) => commandOf(ctx) !== undefined, () => undefined);
supportChatFeature.use(authorize);
supportChatFeature.on("message", async (ctx, next) => {
  if (isAdminRole(ctx.role) && ctx.message.reply_to_message) return answer(ctx, next, false);
  return undefined;
});
supportChatFeature.callbackQuery(relayButtons.pattern, (ctx) => pressRelayButton(ctx, false));
supportChatFeature.use(() => undefined);
