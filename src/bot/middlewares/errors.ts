import { GrammyError, HttpError, type BotError } from "grammy";
import { findButtonLabel } from "../../telegram/describe.js";
import type { BotContext } from "../context.js";
import { commandOf } from "./authorization.js";

/**
 * The error boundary (grammY's default handler would stop the bot). The error
 * is logged with the update it came from, founders are told, and the person
 * gets a short answer instead of silence; the bot keeps running.
 */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error;
  const logger = ctx.log ?? ctx.deps?.logger;
  const summary = {
    update_id: ctx.update.update_id,
    kind: Object.keys(ctx.update).filter((k) => k !== "update_id"),
    user_id: ctx.from?.id,
    chat_id: ctx.chat?.id,
  };
  logger?.error({ err: cause, update: summary }, "error while handling an update");
  if (!ctx.deps) return;
  ctx.deps.alerts.push({ kind: "error", userId: ctx.from?.id ?? null, username: ctx.from?.username ?? null, action: actionOf(ctx), at: Date.now() });
  if (ctx.chat && ctx.chat.type !== "private") return;
  // If Telegram itself is what failed, a reply would most likely fail too.
  if (cause instanceof HttpError) return;
  const text = ctx.t ? ctx.t("error-generic") : "Error";
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat) await ctx.reply(text);
  } catch (replyError) {
    if (!(replyError instanceof GrammyError)) logger?.warn({ err: replyError }, "could not report the error to the user");
  }
}

/** What the person was doing, as the security log stores it: "/command", "button <label>" or "message" (never their words). */
function actionOf(ctx: BotContext): string {
  const command = commandOf(ctx);
  if (command !== undefined) return `/${command}`.slice(0, 64);
  const query = ctx.callbackQuery;
  if (query) {
    const label = findButtonLabel(query.message && "reply_markup" in query.message ? query.message.reply_markup : undefined, query.data);
    return `button ${(label ?? query.data ?? "?").slice(0, 64)}`;
  }
  return "message";
}
