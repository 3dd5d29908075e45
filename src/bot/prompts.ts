import { InlineKeyboard } from "grammy";
import type { PromptRow } from "../db/repos/prompts.js";
import type { BotContext } from "./context.js";
import { decodeCallback, encodeCallback, idArgAt } from "./keyboards/callback-data.js";

/**
 * Confirmation buttons: "<prefix>:<action>:<prompt id>" and
 * "<prefix>:keep:<prompt id>". The prompt (stored by the operation that
 * asked) holds the arguments, so each button acts on what its own message
 * said.
 */
export function promptKeyboard(ctx: BotContext, prefix: string, action: string, promptId: number, confirmLabel: string): InlineKeyboard {
  return new InlineKeyboard().text(confirmLabel, encodeCallback(prefix, action, promptId)).text(ctx.t("button-cancel"), encodeCallback(prefix, "keep", promptId));
}

/**
 * The prompt a pressed button belongs to, or undefined for a forged or
 * unknown one: it must exist, be of the expected kind and have been asked in
 * this very chat.
 */
export function pressedPrompt(ctx: BotContext, kind: string): { action: string; prompt: PromptRow } | undefined {
  const decoded = decodeCallback(ctx.callbackQuery?.data ?? "");
  const id = idArgAt(decoded);
  const prompt = id === undefined ? undefined : ctx.deps.repos.prompts.byId(id);
  if (!prompt || prompt.kind !== kind || prompt.chat_id !== ctx.chat?.id) return undefined;
  return { action: decoded.action, prompt };
}
