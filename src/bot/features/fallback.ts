import { Composer } from "grammy";
import { isAdminRole } from "../filters/roles.js";
import type { BotContext } from "../context.js";

/** Last in line: whatever no feature handled gets a hint instead of silence. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));

fallbackFeature.on("message", (ctx) => {
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t(ctx.message.document ? "fallback-admin-document" : "fallback-admin"));
  if (ctx.role === "participant") return ctx.reply(ctx.t("fallback-participant"));
  return ctx.reply(ctx.t("fallback-visitor"));
});
