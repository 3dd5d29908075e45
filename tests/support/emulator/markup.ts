/**
 * reply_markup validation with Telegram's error descriptions. Only inline
 * keyboards are echoed back in Message.reply_markup (as Telegram does); reply
 * keyboards are kept separately so simulated users can still "see" them.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { Errors } from "./errors.js";
import type { ReplyKeyboard } from "./types.js";

export interface ParsedMarkup {
  /** undefined when absent or an empty inline keyboard. */
  inline?: InlineKeyboardMarkup;
  reply?: ReplyKeyboard;
}

const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseReplyMarkup(raw: unknown): ParsedMarkup {
  if (raw === undefined || raw === null || raw === "") return {};
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      throw Errors.badMarkup();
    }
  }
  if (!isObject(value)) throw Errors.badMarkup();

  if ("inline_keyboard" in value) {
    const rows = value.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw Errors.badMarkup();
    const clean: InlineKeyboardButton[][] = [];
    for (const row of rows as unknown[][]) {
      const out: InlineKeyboardButton[] = [];
      for (const b of row) {
        if (!isObject(b) || typeof b.text !== "string") throw Errors.badMarkup();
        const actions = INLINE_ACTIONS.filter((k) => b[k] !== undefined && b[k] !== null);
        if (actions.length === 0) throw Errors.textButtonsUnallowed();
        if (b.callback_data !== undefined) {
          const data = b.callback_data;
          const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : -1;
          if (bytes < 1 || bytes > 64) throw Errors.buttonDataInvalid();
        }
        if (b.url !== undefined && !validButtonUrl(b.url)) throw Errors.buttonUrlInvalid();
        out.push({ ...b } as unknown as InlineKeyboardButton);
      }
      if (out.length > 0) clean.push(out);
    }
    return clean.length > 0 ? { inline: { inline_keyboard: clean } } : {};
  }
  if ("keyboard" in value) {
    const rows = value.keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw Errors.badMarkup();
    for (const row of rows as unknown[][]) {
      for (const b of row) {
        if (typeof b !== "string" && !(isObject(b) && typeof b.text === "string")) throw Errors.badMarkup();
      }
    }
    return { reply: value as unknown as ReplyKeyboard };
  }
  if (value.remove_keyboard === true || value.force_reply === true) {
    return { reply: value as unknown as ReplyKeyboard };
  }
  throw Errors.badMarkup();
}

function validButtonUrl(url: unknown): boolean {
  if (typeof url !== "string" || url.length === 0) return false;
  if (/^tg:\/\//i.test(url)) return true;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Every button of an inline keyboard, flattened. */
export function inlineButtons(markup: InlineKeyboardMarkup | undefined): InlineKeyboardButton[] {
  return markup ? markup.inline_keyboard.flat() : [];
}
