import { Composer } from "grammy";
import { showUser } from "../../people/user-ref.js";
import type { BotContext } from "../context.js";
import { pressedPrompt, promptKeyboard, userButtons } from "../keyboards/prompts.js";
import { editOrReply } from "../replies.js";
import { resolveTarget } from "../targets.js";

/** /delete_user: erasing anyone the bot knows, after a confirmation that names them (SPEC §6, §11). */
export const peopleFeature = new Composer<BotContext>();
const inPrivate = peopleFeature.chatType("private");

inPrivate.command("delete_user", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "delete-user-usage");
  if (!target) return;
  const result = ctx.deps.ops.people.requestErasure({ userId: target.id, by: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(ctx.t(`delete-user-is-${result.reason}`, { user: showUser(target) }));
  const question = target.registered_at !== null ? "delete-user-confirm" : "delete-user-confirm-visitor";
  return ctx.reply(ctx.t(question, { user: showUser(target) }), {
    reply_markup: promptKeyboard(ctx, userButtons, "delete", result.promptId, ctx.t("delete-user-button-confirm")),
  });
});

inPrivate.callbackQuery(userButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, userButtons, ["delete_user"]);
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  if (pressed.action === "keep") return editOrReply(ctx, ctx.t(ctx.deps.ops.prompts.keep(pressed.prompt) ? "delete-user-kept" : "button-expired"));
  const result = await ctx.deps.ops.people.confirmErasure({ prompt: pressed.prompt, by: ctx.from.id });
  const id = String(result.userId);
  if (result.ok) {
    ctx.log.info({ deleted_user: result.userId }, "person erased");
    return editOrReply(ctx, ctx.t("delete-user-done", { id, lines: result.erasure.chatLines }));
  }
  if (result.reason === "answered") return editOrReply(ctx, ctx.t(result.kept ? "delete-user-kept" : "delete-user-already", { id }));
  return editOrReply(ctx, ctx.t(`delete-user-is-${result.reason}`, { user: id }));
});
