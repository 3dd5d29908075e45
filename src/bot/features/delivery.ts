import { Composer } from "grammy";
import { jobButtons } from "../../delivery/buttons.js";
import type { BotContext } from "../context.js";

/** The ⏹ Stop button on the progress message of any delivery job, tickets or broadcast. */
export const deliveryFeature = new Composer<BotContext>();

deliveryFeature.chatType("private").callbackQuery(jobButtons.pattern, async (ctx) => {
  const press = jobButtons.parse(ctx.callbackQuery.data);
  const stopped = press !== undefined && ctx.deps.ops.delivery.stop({ jobId: press.args[0], by: ctx.from.id });
  return ctx.answerCallbackQuery({ text: ctx.t(stopped ? "delivery-stopping" : "delivery-not-running") });
});
