import { Composer } from "grammy";
import type { BotContext, PrivateContext } from "../context.js";
import { waveRefusalText } from "./waves.js";

/**
 * /send_tickets (SPEC §8): queues the delivery of the confirmed wave to every
 * participant without a ticket and answers at once; progress and a summary
 * follow from the delivery engine (src/delivery/engine.ts).
 */
export const sendTicketsFeature = new Composer<BotContext>();
sendTicketsFeature.chatType("private").command("send_tickets", (ctx) => sendTickets(ctx));

export async function sendTickets(ctx: PrivateContext): Promise<unknown> {
  const result = ctx.deps.ops.waves.sendTickets({ by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
  if (!result.ok) {
    if (result.reason === "not_confirmed") return ctx.reply(ctx.t("send-not-confirmed", { wave: result.wave.name }));
    if (result.reason === "nobody_waiting") return ctx.reply(ctx.t("send-nobody", { wave: result.wave.name }));
    return ctx.reply(waveRefusalText(ctx, result));
  }
  await ctx.reply(ctx.t(result.queued ? "send-queued" : "send-started", { job: result.job.id, wave: result.wave.name, count: result.waiting }));
  result.launch();
  return undefined;
}
