import { InlineKeyboard } from "grammy";
import type { PromptRow } from "../../db/repos/prompts.js";
import { buttonFamily, idArg } from "../../telegram/buttons.js";
import type { PrivateContext } from "../context.js";

/**
 * Confirmation buttons: each carries the id of its prompt, and the prompt
 * (stored by the operation that asked) holds the arguments, so a button acts
 * on what its own message said.
 */
export const waveButtons = buttonFamily("wave", { renew: [idArg], end: [idArg], keep: [idArg], confirm: [idArg] });
/** "Send N tickets to M people?": confirms the wave (if it is not yet) and starts the delivery. */
export const sendButtons = buttonFamily("send", { go: [idArg], keep: [idArg] });
export const userButtons = buttonFamily("user", { delete: [idArg], keep: [idArg] });
/** /leave: the participant's own erasure. */
export const leaveButtons = buttonFamily("leave", { confirm: [idArg], keep: [idArg] });

type PromptFamily = typeof waveButtons | typeof sendButtons | typeof userButtons | typeof leaveButtons;

/** "<confirm label>" and "Cancel" for a prompt. */
export function promptKeyboard<F extends PromptFamily>(ctx: PrivateContext, family: F, action: Parameters<F["data"]>[0], promptId: number, confirmLabel: string): InlineKeyboard {
  const data = family.data as (action: string, id: number) => string;
  return new InlineKeyboard().text(confirmLabel, data(action, promptId)).text(ctx.t("button-cancel"), data("keep", promptId));
}

/**
 * The prompt a pressed button belongs to, or undefined for a forged or
 * unknown one: it must exist, be of the expected kind and have been asked in
 * this very chat.
 */
export function pressedPrompt(ctx: PrivateContext & { callbackQuery: { data?: string } }, family: PromptFamily, kinds: readonly string[]): { action: string; prompt: PromptRow } | undefined {
  const press = family.parse(ctx.callbackQuery.data);
  if (!press) return undefined;
  const prompt = ctx.deps.ops.prompts.byId(press.args[0]);
  if (!prompt || !kinds.includes(prompt.kind) || prompt.chat_id !== ctx.chat.id) return undefined;
  return { action: press.action, prompt };
}
