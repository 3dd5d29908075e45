import type { MiddlewareFn } from "grammy";
import { findButtonLabel } from "../../telegram/describe.js";
import { CALLBACK_PREFIXES, callbackPrefix, findCommand, mayUse, type Audience } from "../commands.js";
import type { BaseContext, BotContext } from "../context.js";

/** The command an update carries ("/cmd" or "/cmd@thisbot" at offset 0), in text or caption. */
export function commandOf(ctx: BotContext): string | undefined {
  const message = ctx.message ?? ctx.editedMessage;
  if (!message) return undefined;
  const text = message.text ?? message.caption;
  const entities = message.entities ?? message.caption_entities;
  const entity = entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!text || !entity) return undefined;
  const [name, target] = text.slice(1, entity.length).split("@");
  if (target && ctx.me.username && target.toLowerCase() !== ctx.me.username.toLowerCase()) return undefined;
  return name?.toLowerCase();
}

/**
 * The one guard in front of every feature. Each command and button is looked
 * up in the registry (bot/commands.ts) and checked against the sender's role
 * as it is now. Admin-only use without the right is refused with a neutral
 * message and written to the security log; commands not in the registry are
 * answered as unknown, so no feature handler can be reached unguarded.
 */
export const authorize: MiddlewareFn<BotContext> = async (ctx, next) => {
  const command = commandOf(ctx);
  if (command !== undefined) {
    if (ctx.editedMessage) return; // an edited command is not a new request
    const spec = findCommand(command);
    if (!spec) return ctx.reply(ctx.t("unknown-command"));
    if (mayUse(ctx.role, spec.audience)) {
      normalizeCommand(ctx);
      return next();
    }
    return refuse(ctx, spec.audience, `/${spec.name}`);
  }
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    const audience = CALLBACK_PREFIXES[callbackPrefix(data)];
    if (!audience) {
      return ctx.answerCallbackQuery({ text: ctx.t("button-expired") }).catch(() => undefined);
    }
    if (mayUse(ctx.role, audience)) return next();
    // The log names the button as the person saw it; a forged press has no label, only its data.
    const message = ctx.callbackQuery?.message;
    const label = findButtonLabel(message && "reply_markup" in message ? message.reply_markup : undefined, data);
    return refuse(ctx, audience, `button ${(label ?? data).slice(0, 64)}`);
  }
  return next();
};

/**
 * Commands are case-insensitive, as the guard reads them: "/Start CODE" is
 * "/start CODE" for every handler (grammY's command filter compares exactly).
 * Only the command itself is lowered; its arguments (an invite code) are not.
 */
function normalizeCommand(ctx: BotContext): void {
  const message = ctx.message;
  if (!message) return;
  const field = message.text !== undefined ? "text" : "caption";
  const text = message[field];
  const entity = (message.entities ?? message.caption_entities)?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (text === undefined || !entity) return;
  const typed = text.slice(0, entity.length);
  if (typed !== typed.toLowerCase() && typed.toLowerCase().length === typed.length) message[field] = typed.toLowerCase() + text.slice(entity.length);
}

async function refuse(ctx: BotContext, audience: Audience, action: string): Promise<void> {
  const isButton = ctx.callbackQuery !== undefined;
  if (audience === "participant") {
    const text = ctx.t("participants-only");
    if (isButton) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
    return;
  }
  recordRefusal(ctx, action);
  const text = ctx.t("not-allowed");
  if (isButton) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

/**
 * Writes an unauthorized attempt to the security log and queues the founders'
 * alert. Also used where a right is checked again later than the guard, e.g.
 * a dialog an admin opened before losing the right.
 */
export function recordRefusal(ctx: BaseContext, action: string): void {
  const event = ctx.deps.ops.people.refused({ userId: ctx.from?.id ?? null, username: ctx.from?.username ?? null, action });
  ctx.deps.alerts.push({ kind: "unauthorized", userId: event.user_id, username: event.username, action, at: event.at });
  ctx.log.warn({ action }, "unauthorized attempt refused");
}
