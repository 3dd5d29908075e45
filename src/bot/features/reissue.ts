import { Composer, InlineKeyboard } from "grammy";
import { showPerson } from "../../people/user-ref.js";
import { shownName } from "../../tickets/names.js";
import type { BotContext, PrivateContext } from "../context.js";
import { reissueButtons } from "../keyboards/door.js";
import { editOrReply } from "../replies.js";
import { resolveTarget } from "../targets.js";

/**
 * /reissue @username|id [file] (admins): after confirmation the person's
 * ticket of the open wave is revoked — its pass stops working, its file is
 * never given to anyone — and a new one is sent to them. A ticket a manifest
 * named for them is replaced only by a file the admin names.
 */
export const reissueFeature = new Composer<BotContext>();
const inPrivate = reissueFeature.chatType("private");

inPrivate.command("reissue", async (ctx) => {
  const [who = "", ...rest] = ctx.match.trim().split(/\s+/);
  const target = await resolveTarget(ctx, who, "reissue-usage");
  if (!target) return;
  const fileName = rest.join(" ").trim();
  return askReissue(ctx, target.id, fileName === "" ? undefined : fileName);
});

/** The confirmation (also from the person card's button). */
export async function askReissue(ctx: PrivateContext, userId: number, fileName: string | undefined): Promise<unknown> {
  const result = ctx.deps.ops.reissue.request({ userId, ...(fileName ? { fileName } : {}), by: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(ctx.t(`reissue-refused-${result.reason}`));
  const keyboard = new InlineKeyboard()
    .text(ctx.t("reissue-button-confirm"), reissueButtons.data("confirm", result.promptId))
    .text(ctx.t("button-cancel"), reissueButtons.data("keep", result.promptId));
  const replacement = result.replacement ? shownName(result.replacement.file_name) : ctx.t("reissue-any-available");
  return ctx.reply(ctx.t("reissue-confirm", { person: showPerson(result.person), old: shownName(result.old.file_name), replacement }), {
    reply_markup: keyboard,
  });
}

inPrivate.callbackQuery(reissueButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const press = reissueButtons.parse(ctx.callbackQuery.data);
  const prompt = press && ctx.deps.ops.prompts.byId(press.args[0]);
  if (!press || !prompt || prompt.kind !== "reissue" || prompt.chat_id !== ctx.chat.id) return editOrReply(ctx, ctx.t("button-expired"));
  if (press.action === "keep") return editOrReply(ctx, ctx.t(ctx.deps.ops.prompts.keep(prompt) ? "reissue-kept" : "button-expired"));
  const result = ctx.deps.ops.reissue.confirm({ prompt, by: ctx.from.id, chatId: ctx.chat.id, locale: ctx.locale });
  if (!result.ok) {
    if (result.reason === "answered") return editOrReply(ctx, ctx.t(result.kept ? "reissue-kept" : "reissue-already"));
    return editOrReply(ctx, ctx.t(result.reason === "stale" ? "button-expired" : `reissue-refused-${result.reason}`));
  }
  await editOrReply(ctx, ctx.t("reissue-done", { person: showPerson(result.person), old: shownName(result.old.file_name), replacement: shownName(result.replacement.file_name) }));
  result.launch();
  return undefined;
});
