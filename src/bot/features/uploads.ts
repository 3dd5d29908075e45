import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { UploadOutcome } from "../../tickets/operations.js";
import { looksLikeZip } from "../../tickets/upload.js";
import type { BaseContext, BotContext, PrivateContext } from "../context.js";
import { captionCommand } from "../filters/caption-command.js";
import { isAdminRole } from "../filters/roles.js";
import { recordRefusal } from "../middlewares/authorization.js";
import { describeUpload } from "../render/import-answer.js";
import { replyWithList } from "../replies.js";
import { confirmButton, waveRefusalText } from "./waves.js";

/**
 * /upload_zip and /upload_zip_add (SPEC §7): the ZIP as the command's
 * caption, or a "send me the ZIP now" dialog with /cancel. Nothing is
 * imported unless every entry passes; the answer lists each bad one.
 */
export const uploadsFeature = new Composer<BotContext>();
const inPrivate = uploadsFeature.chatType("private");

type Mode = "replace" | "add";
const COMMAND: Record<Mode, string> = { replace: "/upload_zip", add: "/upload_zip_add" };

/** What was imported, or why nothing was (with the whole list of bad entries as a file when it is long). */
async function answerImport(ctx: BaseContext, outcome: UploadOutcome): Promise<void> {
  if (!outcome.ok) {
    await ctx.reply(outcome.reason === "no_wave" ? ctx.t("wave-none") : ctx.t("wave-busy-sending", { wave: outcome.wave.name }));
    return;
  }
  const confirm = outcome.confirmPromptId !== undefined ? confirmButton(ctx, outcome.confirmPromptId) : undefined;
  await replyWithList(ctx, describeUpload(outcome.result, outcome.wave, ctx.t), "import", confirm);
}

/** "Send me the ZIP now": waits for the file, with /cancel; other commands end the dialog and run. */
async function zipUpload(conversation: Conversation<BotContext, BaseContext>, ctx: BaseContext, mode: Mode): Promise<void> {
  await ctx.reply(ctx.t("upload-send-now"));
  for (;;) {
    const next = await conversation.wait();
    const text = next.message?.text ?? "";
    if (/^\/cancel(@\w+)?$/i.test(text.trim())) {
      await next.reply(ctx.t("cancel-done"));
      return;
    }
    if (next.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) || next.callbackQuery) {
      await conversation.halt({ next: true });
    }
    const document = next.message?.document;
    if (!document || !looksLikeZip(document) || !next.from) {
      await next.reply(ctx.t(document ? "upload-not-zip" : "upload-waiting"));
      continue;
    }
    // The right is checked again now: the person may have lost it meanwhile.
    if (!isAdminRole(next.role)) {
      await conversation.external(() => recordRefusal(next, COMMAND[mode]));
      await next.reply(next.t("not-allowed"));
      return;
    }
    await next.replyWithChatAction("typing").catch(() => undefined);
    const by = next.from.id;
    // The import runs once (external); the answer is an API call, made outside it as conversations require.
    const chatId = next.chat?.id ?? by;
    const outcome = await conversation.external((c) => c.deps.ops.tickets.upload({ document, mode, by, chatId }));
    await answerImport(next, outcome);
    return;
  }
}

/**
 * Installed by createBot right after the conversations plugin, ahead of every
 * feature: a conversation must be registered before any handler (a command
 * or a menu button) can enter it.
 */
export const zipUploadConversation = createConversation<BotContext, BaseContext>(zipUpload, "zip-upload");

for (const [command, mode] of [
  ["upload_zip", "replace"],
  ["upload_zip_add", "add"],
] as const) {
  inPrivate.command(command, (ctx) => startUpload(ctx, mode));
  inPrivate.filter(captionCommand(command), async (ctx) => {
    const state = ctx.deps.ops.waves.idle();
    if (!state.ok) return ctx.reply(waveRefusalText(ctx, state));
    const document = ctx.message.document;
    if (!document || !looksLikeZip(document)) return ctx.reply(ctx.t("upload-not-zip"));
    await ctx.replyWithChatAction("typing").catch(() => undefined);
    return answerImport(ctx, await ctx.deps.ops.tickets.upload({ document, mode, by: ctx.from.id, chatId: ctx.chat.id }));
  });
}

/** /upload_zip and /upload_zip_add without a file: asks for it (also from the admin menu). */
export async function startUpload(ctx: PrivateContext, mode: Mode): Promise<unknown> {
  const state = ctx.deps.ops.waves.idle();
  if (!state.ok) return ctx.reply(waveRefusalText(ctx, state));
  await ctx.conversation.exitAll();
  return ctx.conversation.enter("zip-upload", mode);
}
