import { Composer } from "grammy";
import type { Started } from "../../waves/operations.js";
import type { BotContext, PrivateContext } from "../context.js";
import { pressedPrompt, sendButtons } from "../keyboards/prompts.js";
import { sendKeyboard, sendQuestionLines } from "../render/send-question.js";
import { dropButtons } from "../replies.js";
import { waveRefusalText } from "./waves.js";

/**
 * /send_tickets (SPEC §8): queues the delivery of the wave to every
 * participant without a ticket and answers at once; progress and a summary
 * follow from the delivery engine (src/delivery/engine.ts).
 *
 * A confirmed wave starts at once. A wave not confirmed yet is asked about
 * first, "Send N tickets to M people?", and the button confirms it and
 * starts the delivery in one step: the question is the check /confirm_wave
 * would show. The answer to /confirm_wave asks the same question.
 */
export const sendTicketsFeature = new Composer<BotContext>();
const inPrivate = sendTicketsFeature.chatType("private");
inPrivate.command("send_tickets", (ctx) => sendTickets(ctx));

/** /send_tickets, also from the admin menu. */
export async function sendTickets(ctx: PrivateContext): Promise<unknown> {
  const result = ctx.deps.ops.waves.requestSend({ by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
  if (!result.ok) {
    if (result.reason === "no_tickets") return ctx.reply(ctx.t("confirm-no-tickets", { wave: result.wave.name }));
    if (result.reason === "nobody_waiting") return ctx.reply(ctx.t("send-nobody", { wave: result.wave.name }));
    return ctx.reply(waveRefusalText(ctx, result));
  }
  if ("ask" in result) {
    const { ask } = result;
    return ctx.reply([ctx.t("send-ask-unconfirmed", { wave: ask.wave.name }), ...sendQuestionLines(ctx, ask)].join("\n"), {
      reply_markup: sendKeyboard(ctx, ask),
    });
  }
  return started(ctx, result);
}

/** "Delivery #N: tickets of wave X for M participants", then the engine starts it (its progress follows this answer). */
async function started(ctx: PrivateContext, result: Started): Promise<void> {
  await ctx.reply(ctx.t(result.queued ? "send-queued" : "send-started", { job: result.job.id, wave: result.wave.name, count: result.waiting }));
  result.launch();
}

/**
 * The question answered: its buttons go, the answer follows below it. Acts
 * once (the prompt is answered in the transaction that queues the job) and
 * only on the wave and numbers the question showed; otherwise asks again.
 */
inPrivate.callbackQuery(sendButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, sendButtons, ["send_tickets"]);
  await dropButtons(ctx);
  if (!pressed) return ctx.reply(ctx.t("button-expired"));
  const { waves, prompts } = ctx.deps.ops;
  if (pressed.action === "keep") return ctx.reply(ctx.t(prompts.keep(pressed.prompt) ? "send-kept" : "button-expired"));
  const result = waves.confirmSend({ prompt: pressed.prompt, by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
  if (result.ok) return started(ctx, result);
  switch (result.reason) {
    case "answered":
      if (result.job) return ctx.reply(ctx.t("send-answered", { job: result.job.id }));
      return ctx.reply(ctx.t(result.kept ? "send-kept" : "button-expired"));
    case "changed":
      return ctx.reply([ctx.t("send-changed"), ...sendQuestionLines(ctx, result.ask)].join("\n"), { reply_markup: sendKeyboard(ctx, result.ask) });
    case "busy_sending":
      return ctx.reply(ctx.t("wave-busy-sending", { wave: result.wave.name }));
    case "nobody_waiting":
      return ctx.reply(ctx.t("send-nobody", { wave: result.wave.name }));
    case "stale":
      return ctx.reply(ctx.t("button-expired"));
  }
});
