import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import { writeWorkbook, withTempDir, type Sheet } from "../reports/xlsx.js";
import type { BotContext } from "./context.js";

/**
 * Turns the message a button belongs to into `text` (keeping the chat short:
 * one message per step), or sends a new one when it cannot be edited.
 */
export async function editOrReply(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<unknown> {
  const markup = keyboard ?? new InlineKeyboard();
  if (ctx.callbackQuery?.message) {
    try {
      return await ctx.editMessageText(text, { reply_markup: markup });
    } catch (error) {
      if (error instanceof GrammyError && error.description.includes("message is not modified")) return undefined;
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    }
  }
  return ctx.reply(text, { reply_markup: markup });
}

/** Streams the sheets into a temporary .xlsx, sends it as a document and deletes it. */
export async function replyWithWorkbook(
  ctx: BotContext,
  fileName: string,
  sheets: readonly Sheet<unknown>[],
  caption: (counts: Record<string, number>) => string,
): Promise<Record<string, number>> {
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  return withTempDir(async (dir) => {
    const path = `${dir}/${fileName}`;
    const counts = await writeWorkbook(path, sheets);
    await ctx.replyWithDocument(new InputFile(path, fileName), { caption: caption(counts) });
    return counts;
  });
}

/** A file name stamp like 2026-11-24_2301 (UTC). */
export function fileStamp(date = new Date()): string {
  return date.toISOString().slice(0, 16).replace("T", "_").replace(":", "");
}
