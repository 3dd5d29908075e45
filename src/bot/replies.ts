import { join } from "node:path";
import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { formatTime } from "../time.js";
import { writeTextFile } from "../reports/text.js";
import { writeWorkbook, withTempDir, type Sheet } from "../reports/xlsx.js";
import type { BaseContext, BotContext } from "./context.js";

/**
 * Turns the message a button belongs to into `text` (keeping the chat short:
 * one message per step), or sends a new one when it cannot be edited.
 */
export async function editOrReply(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<unknown> {
  const markup = keyboard ?? new InlineKeyboard();
  const message = ctx.callbackQuery?.message;
  // Only a text message the bot can still see can be edited; date 0 marks an
  // InaccessibleMessage (deleted, or too old). A press can carry either when forged.
  if (message && message.date !== 0 && message.text !== undefined) {
    if (message.text === text && sameButtons(message.reply_markup, markup)) return undefined;
    try {
      return await ctx.editMessageText(text, { reply_markup: markup });
    } catch (error) {
      if (error instanceof GrammyError && error.description.includes("message is not modified")) return undefined;
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    }
  }
  return ctx.reply(text, { reply_markup: markup });
}

/**
 * Takes the buttons off the message a pressed button belongs to, keeping its
 * text (the question stays readable above its answer); nothing when that
 * message can no longer be edited.
 */
export async function dropButtons(ctx: BotContext): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || message.date === 0 || !message.reply_markup) return;
  await ctx.editMessageReplyMarkup().catch((error: unknown) => {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
  });
}

/** Whether a message already shows exactly these buttons (Telegram refuses an edit that changes nothing). */
function sameButtons(current: InlineKeyboardMarkup | undefined, next: InlineKeyboard): boolean {
  const rows = (keyboard: InlineKeyboardMarkup["inline_keyboard"] | undefined) => JSON.stringify((keyboard ?? []).filter((row) => row.length > 0));
  return rows(current?.inline_keyboard) === rows(next.inline_keyboard);
}

/** Streams the sheets into a temporary .xlsx, sends it as a document and deletes it. */
export function replyWithWorkbook(
  ctx: BotContext,
  fileName: string,
  sheets: readonly Sheet<unknown>[],
  caption: (counts: Record<string, number>) => string,
): Promise<Record<string, number>> {
  return replyWithFile(ctx, fileName, (path) => writeWorkbook(path, sheets), caption);
}

/**
 * Lets `write` stream a file into a fresh temporary folder, sends the file as
 * a document (by path: re-readable if the upload is retried) and deletes it,
 * whatever happens. Returns what `write` returned.
 */
export async function replyWithFile<T>(ctx: BaseContext, fileName: string, write: (path: string) => Promise<T>, caption: (written: T) => string): Promise<T> {
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  return withTempDir(async (dir) => {
    const path = join(dir, fileName);
    const written = await write(path);
    await ctx.replyWithDocument(new InputFile(path, fileName), { caption: caption(written) });
    return written;
  });
}

/** A file name stamp like 2026-11-24_2301, in the configured time zone (what the organiser's clock said). */
export function fileStamp(timeZone: string, now = Date.now()): string {
  return formatTime(now, timeZone).replace(" ", "_").replace(":", "");
}

/**
 * A message that had to leave part of a list out ("… and N more"), then the
 * whole list as a .txt file so that nothing is lost.
 */
export async function replyWithList(ctx: BaseContext, answer: { text: string; fullList?: readonly string[] }, fileName: string, keyboard?: InlineKeyboard): Promise<void> {
  await ctx.reply(answer.text, keyboard ? { reply_markup: keyboard } : {});
  const lines = answer.fullList;
  if (!lines) return;
  await replyWithFile(
    ctx,
    `${fileName}-${fileStamp(ctx.deps.config.TIME_ZONE)}.txt`,
    (path) => writeTextFile(path, lines.map((line) => `${line}\n`)),
    () => ctx.t("full-list-caption", { count: lines.length }),
  );
}
