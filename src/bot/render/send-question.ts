import type { InlineKeyboard } from "grammy";
import type { SendQuestion } from "../../waves/operations.js";
import type { PrivateContext } from "../context.js";
import { promptKeyboard, sendButtons } from "../keyboards/prompts.js";

/**
 * "Send N tickets to M people?" (after /confirm_wave, or Send on a wave not
 * confirmed yet): "⚠️ not enough tickets …" when some will go without, the
 * question, and how many of them blocked the bot.
 */
export function sendQuestionLines(ctx: PrivateContext, ask: SendQuestion): string[] {
  return [
    ...(ask.tickets < ask.people ? [ctx.t("confirm-short", { missing: ask.people - ask.tickets })] : []),
    ctx.t("send-ask", { tickets: ask.tickets, people: ask.people }),
    ...(ask.blocked > 0 ? [ctx.t("send-ask-blocked", { blocked: ask.blocked })] : []),
  ];
}

/** 📤 Send and Cancel, for the question's own prompt. */
export function sendKeyboard(ctx: PrivateContext, ask: SendQuestion): InlineKeyboard {
  return promptKeyboard(ctx, sendButtons, "go", ask.promptId, ctx.t("send-button"));
}
