import { Composer, InlineKeyboard } from "grammy";
import type { WaveRow } from "../../db/repos/waves.js";
import type { ConfirmWave, WaveRefusal } from "../../waves/operations.js";
import type { BaseContext, BotContext, PrivateContext } from "../context.js";
import { pressedPrompt, promptKeyboard, waveButtons } from "../keyboards/prompts.js";
import { sendKeyboard, sendQuestionLines } from "../render/send-question.js";
import { dropButtons, editOrReply } from "../replies.js";

/**
 * The wave lifecycle (SPEC §7): /new_wave, /confirm_wave, /end_wave and
 * their confirmation buttons. Each says why it does not fit the wave's state
 * and what to do instead. Uploads: uploads.ts; /send_tickets: send-tickets.ts.
 */
export const wavesFeature = new Composer<BotContext>();
const inPrivate = wavesFeature.chatType("private");

const MAX_WAVE_NAME = 64;

/** The wave's name as typed, without control or bidi characters; the default "Wave N" when empty; undefined when too long. */
function waveName(ctx: PrivateContext, raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const name = raw.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "").trim();
  if (name.length > MAX_WAVE_NAME) return undefined;
  return name === "" ? ctx.t("wave-default-name", { number: ctx.deps.ops.waves.nextNumber() }) : name;
}

/** Why the command cannot run now, in words (no open wave, or it is being sent). */
export function waveRefusalText(ctx: PrivateContext, refusal: WaveRefusal, busyKey = "wave-busy-sending"): string {
  return refusal.reason === "no_wave" ? ctx.t("wave-none") : ctx.t(busyKey, { wave: refusal.wave.name });
}

inPrivate.command("new_wave", (ctx) => newWave(ctx, ctx.match));

/** /new_wave [name], also from the admin menu (with the default name). */
export async function newWave(ctx: PrivateContext, rawName: string): Promise<unknown> {
  const name = waveName(ctx, rawName);
  if (name === undefined) return ctx.reply(ctx.t("wave-name-invalid", { max: MAX_WAVE_NAME }));
  const result = ctx.deps.ops.waves.requestNew({ name, by: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(ctx.t("wave-busy-sending", { wave: result.wave.name }));
  if ("opened" in result) return ctx.reply(ctx.t("wave-opened", { wave: result.opened.name }));
  const { promptId, active, counts } = result.confirm;
  return ctx.reply(ctx.t("wave-replace-confirm", { old: active.name, new: name, sent: counts.sent, available: counts.available }), {
    reply_markup: promptKeyboard(ctx, waveButtons, "renew", promptId, ctx.t("wave-button-end-and-open")),
  });
}

inPrivate.command("confirm_wave", (ctx) => confirmWave(ctx));

/** /confirm_wave, also from the admin menu. */
export async function confirmWave(ctx: PrivateContext): Promise<unknown> {
  return answerConfirm(ctx, ctx.deps.ops.waves.confirm({ by: ctx.from.id, chatId: ctx.chat.id }));
}

/** The counts, the wave confirmed, and "Send N tickets to M people?" with its button when someone waits. */
function answerConfirm(ctx: PrivateContext, result: ConfirmWave): Promise<unknown> {
  if (!result.ok) return ctx.reply(result.reason === "no_tickets" ? ctx.t("confirm-no-tickets", { wave: result.wave.name }) : waveRefusalText(ctx, result));
  const { wave, counts, waiting, send } = result;
  const lines = [ctx.t("confirm-counts", { wave: wave.name, available: counts.available, sent: counts.sent, waiting })];
  if (!send) return ctx.reply([...lines, ctx.t(waiting === 0 ? "confirm-nobody-waiting" : "confirm-done")].join("\n"));
  return ctx.reply([...lines, ctx.t("confirm-done"), ...sendQuestionLines(ctx, send)].join("\n"), { reply_markup: sendKeyboard(ctx, send) });
}

/** The "✔️ Confirm the wave" button under an import's answer, carrying the prompt that names the wave. */
export function confirmButton(ctx: BaseContext, promptId: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("menu-wave-confirm"), waveButtons.data("confirm", promptId));
}

inPrivate.command("end_wave", (ctx) => askEndWave(ctx));

export async function askEndWave(ctx: PrivateContext): Promise<unknown> {
  const result = ctx.deps.ops.waves.requestEnd({ by: ctx.from.id, chatId: ctx.chat.id });
  if (!result.ok) return ctx.reply(waveRefusalText(ctx, result, "end-sending"));
  const { wave, counts, promptId } = result;
  return ctx.reply(ctx.t("end-confirm", { wave: wave.name, available: counts.available, sent: counts.sent }), {
    reply_markup: promptKeyboard(ctx, waveButtons, "end", promptId, ctx.t("end-button-confirm")),
  });
}

inPrivate.callbackQuery(waveButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, waveButtons, ["new_wave", "end_wave", "confirm_wave"]);
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  const { waves, prompts } = ctx.deps.ops;
  if (pressed.action === "confirm" && pressed.prompt.kind === "confirm_wave") {
    // The import's answer stays as it was, without the button; the confirmation follows below it.
    await dropButtons(ctx);
    const result = waves.confirmByPrompt({ prompt: pressed.prompt, by: ctx.from.id, chatId: ctx.chat.id });
    if (result.ok || (result.reason !== "answered" && result.reason !== "stale")) return answerConfirm(ctx, result);
    if (result.reason === "answered" && result.wave) return ctx.reply(ctx.t("confirm-answered", { wave: result.wave.name }));
    return ctx.reply(ctx.t("button-expired"));
  }
  if (pressed.action === "keep") return editOrReply(ctx, ctx.t(prompts.keep(pressed.prompt) ? "wave-kept" : "button-expired"));
  if (pressed.action === "end" && pressed.prompt.kind === "end_wave") {
    const result = waves.confirmEnd({ prompt: pressed.prompt, by: ctx.from.id });
    if (result.ok) return editOrReply(ctx, endedText(ctx, result.ended, result.waiting));
    if (result.reason === "busy_sending") return editOrReply(ctx, ctx.t("end-sending", { wave: result.wave.name }));
    // Pressed twice, or handled again after a crash right after the wave ended: tell how it ended.
    if (result.reason === "answered" && !result.kept && result.ended) return editOrReply(ctx, endedText(ctx, result.ended));
    return editOrReply(ctx, ctx.t(result.reason === "answered" && result.kept ? "wave-kept" : "button-expired"));
  }
  if (pressed.action !== "renew" || pressed.prompt.kind !== "new_wave") return editOrReply(ctx, ctx.t("button-expired"));
  const result = waves.confirmNew({ prompt: pressed.prompt, by: ctx.from.id });
  if (result.ok) {
    await editOrReply(ctx, endedText(ctx, result.ended, result.waiting));
    return ctx.reply(ctx.t("wave-opened", { wave: result.opened.name }));
  }
  if (result.reason === "busy_sending") return editOrReply(ctx, ctx.t("wave-busy-sending", { wave: result.wave.name }));
  // Pressed again, or handled again after a crash: say how it went.
  if (result.reason === "answered" && !result.kept && result.ended) {
    return editOrReply(ctx, [endedText(ctx, result.ended), ...(result.opened ? [ctx.t("wave-opened", { wave: result.opened.name })] : [])].join("\n"));
  }
  return editOrReply(ctx, ctx.t(result.reason === "answered" && result.kept ? "wave-kept" : "button-expired"));
});

/**
 * "Wave X has ended: N sent, M archived" from the wave's totals (tickets
 * archived by earlier uploads included), and how many people on the waiting
 * list are being told.
 */
function endedText(ctx: PrivateContext, wave: WaveRow, waiting = 0): string {
  const counts = ctx.deps.ops.waves.counts(wave.id);
  const text = ctx.t("wave-ended", { wave: wave.name, sent: counts.sent, archived: counts.archived });
  return waiting > 0 ? `${text}\n${ctx.t("wave-ended-waiting", { count: waiting })}` : text;
}
