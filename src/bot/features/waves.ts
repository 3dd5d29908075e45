import { createConversation, type Conversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { Document } from "grammy/types";
import type { WaveRow } from "../../db/repos/waves.js";
import { describeUpload, downloadAndImport, looksLikeZip } from "../../tickets/upload.js";
import type { BaseContext, BotContext } from "../context.js";
import { captionCommand } from "../filters/caption-command.js";
import { isAdminRole } from "../filters/roles.js";
import { decodeCallback, idArgAt } from "../keyboards/callback-data.js";
import { recordRefusal } from "../middlewares/authorization.js";
import { pressedPrompt, promptKeyboard } from "../prompts.js";
import { editOrReply, replyWithList } from "../replies.js";
import { confirmEndWave, confirmNewWave, keepPrompt, requestEndWave, requestNewWave } from "../../waves/operations.js";

/**
 * Waves (SPEC §7): /new_wave, /upload_zip, /upload_zip_add, /confirm_wave,
 * /send_tickets, /end_wave. Each command checks the wave's state and, when it
 * does not fit, says why and what to do instead.
 */
export const wavesFeature = new Composer<BotContext>();

type Mode = "replace" | "add";
const MAX_WAVE_NAME = 64;

function waveName(ctx: BotContext, raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const name = raw.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "").trim();
  if (name.length > MAX_WAVE_NAME) return undefined;
  return name === "" ? ctx.t("wave-default-name", { number: ctx.deps.repos.waves.all().length + 1 }) : name;
}

wavesFeature.command("new_wave", (ctx) => newWave(ctx, ctx.match));

/** /new_wave [name], also from the admin menu (with the default name). */
export async function newWave(ctx: BotContext, rawName: string): Promise<unknown> {
  const name = waveName(ctx, rawName);
  if (name === undefined) return ctx.reply(ctx.t("wave-name-invalid", { max: MAX_WAVE_NAME }));
  const result = requestNewWave(ctx.deps, { name, by: ctx.from!.id, chatId: ctx.chat!.id });
  if (!result.ok) return ctx.reply(ctx.t("wave-busy-sending", { wave: result.wave.name }));
  if ("opened" in result) return ctx.reply(ctx.t("wave-opened", { wave: result.opened.name }));
  const { promptId, active, counts } = result.confirm;
  return ctx.reply(ctx.t("wave-replace-confirm", { old: active.name, new: name, sent: counts.sent, available: counts.available }), {
    reply_markup: promptKeyboard(ctx, "wave", "renew", promptId, ctx.t("wave-button-end-and-open")),
  });
}

wavesFeature.callbackQuery(/^wave:(renew|keep):/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, "new_wave") ?? pressedPrompt(ctx, "end_wave");
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  if (pressed.action === "keep") return editOrReply(ctx, ctx.t(keepPrompt(ctx.deps.repos, pressed.prompt) ? "wave-kept" : "button-expired"));
  if (pressed.prompt.kind !== "new_wave") return editOrReply(ctx, ctx.t("button-expired"));
  const result = confirmNewWave(ctx.deps, { prompt: pressed.prompt, by: ctx.from.id });
  if (result.ok) {
    await editOrReply(ctx, endedText(ctx, result.ended));
    return ctx.reply(ctx.t("wave-opened", { wave: result.opened.name }));
  }
  switch (result.reason) {
    case "answered":
      // Pressed again, or handled again after a crash: say how it went.
      if (result.kept || !result.ended) return editOrReply(ctx, ctx.t(result.kept ? "wave-kept" : "button-expired"));
      return editOrReply(ctx, [endedText(ctx, result.ended), ...(result.opened ? [ctx.t("wave-opened", { wave: result.opened.name })] : [])].join("\n"));
    case "busy_sending":
      return editOrReply(ctx, ctx.t("wave-busy-sending", { wave: result.wave.name }));
    case "stale":
      return editOrReply(ctx, ctx.t("button-expired"));
  }
});

/**
 * The open wave when it is not being sent (uploads, confirm, send and end all
 * need that); otherwise says why not and what to do, and returns undefined.
 */
async function idleWave(ctx: BaseContext, busyKey = "wave-busy-sending"): Promise<WaveRow | undefined> {
  const wave = ctx.deps.repos.waves.active();
  if (!wave) {
    await ctx.reply(ctx.t("wave-none"));
    return undefined;
  }
  if (wave.status === "sending") {
    await ctx.reply(ctx.t(busyKey, { wave: wave.name }));
    return undefined;
  }
  return wave;
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
    if (!document || !looksLikeZip(document)) {
      await next.reply(ctx.t(document ? "upload-not-zip" : "upload-waiting"));
      continue;
    }
    // The right is checked again now: the person may have lost it meanwhile.
    if (!isAdminRole(next.role)) {
      await conversation.external(() => recordRefusal(next, mode === "replace" ? "/upload_zip" : "/upload_zip_add"));
      await next.reply(next.t("not-allowed"));
      return;
    }
    const wave = await idleWave(next);
    if (!wave) return;
    await next.replyWithChatAction("typing").catch(() => undefined);
    const by = next.from!.id;
    const result = await conversation.external((c) => downloadAndImport(c.deps, { document, waveId: wave.id, mode, by }));
    await replyWithList(next, describeUpload(result, wave, next.t), "import");
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
  wavesFeature.command(command, (ctx) => startUpload(ctx, mode));
  wavesFeature.filter(captionCommand(command), async (ctx) => {
    const wave = await idleWave(ctx);
    if (!wave) return;
    const document = ctx.message.document;
    if (!document) return ctx.reply(ctx.t("upload-not-zip"));
    return uploadNow(ctx, wave, document, mode);
  });
}

/** /upload_zip and /upload_zip_add without a file: asks for it (also from the admin menu). */
export async function startUpload(ctx: BotContext, mode: Mode): Promise<unknown> {
  const wave = await idleWave(ctx);
  if (!wave) return undefined;
  await ctx.conversation.exitAll();
  return ctx.conversation.enter("zip-upload", mode);
}

/** The ZIP came with the command (caption /upload_zip). */
async function uploadNow(ctx: BotContext, wave: WaveRow, document: Document, mode: Mode): Promise<unknown> {
  if (!looksLikeZip(document)) return ctx.reply(ctx.t("upload-not-zip"));
  await ctx.replyWithChatAction("typing").catch(() => undefined);
  const result = await downloadAndImport(ctx.deps, { document, waveId: wave.id, mode, by: ctx.from!.id });
  return replyWithList(ctx, describeUpload(result, wave, ctx.t), "import");
}

wavesFeature.command("confirm_wave", (ctx) => confirmWave(ctx));

export async function confirmWave(ctx: BotContext): Promise<unknown> {
  const { repos } = ctx.deps;
  const wave = await idleWave(ctx);
  if (!wave) return undefined;
  const counts = repos.waves.counts(wave.id);
  if (counts.available + counts.assigned + counts.sent === 0) return ctx.reply(ctx.t("confirm-no-tickets", { wave: wave.name }));
  const waiting = recipientsWithoutTicket(ctx, wave.id);
  // Tickets named for people who have not registered (or for nobody) serve no one yet.
  const usable = repos.waves.usableAvailable(wave.id);
  repos.waves.confirm(wave.id);
  repos.records.audit({ actorId: ctx.from!.id, action: "confirm_wave", args: String(wave.id), result: `${counts.available} available, ${waiting} waiting` });
  const lines = [ctx.t("confirm-counts", { wave: wave.name, available: counts.available, sent: counts.sent, waiting })];
  if (waiting > usable) lines.push(ctx.t("confirm-short", { missing: waiting - usable }));
  lines.push(ctx.t(waiting === 0 ? "confirm-nobody-waiting" : "confirm-next"));
  return ctx.reply(lines.join("\n"));
}

/** Participants (not staff) who hold no ticket of the wave. */
function recipientsWithoutTicket(ctx: BotContext, waveId: number): number {
  const { repos, services } = ctx.deps;
  const staffWithout = services.staff().filter((id) => repos.users.isParticipant(id) && !repos.waves.hasTicket(waveId, id)).length;
  return repos.waves.participantsWithoutTicket(waveId) - staffWithout;
}

wavesFeature.command("send_tickets", (ctx) => sendTickets(ctx));

export async function sendTickets(ctx: BotContext): Promise<unknown> {
  const { repos, services } = ctx.deps;
  const wave = await idleWave(ctx);
  if (!wave) return undefined;
  if (wave.status === "open") return ctx.reply(ctx.t("send-not-confirmed", { wave: wave.name }));
  const waiting = recipientsWithoutTicket(ctx, wave.id);
  if (waiting === 0) return ctx.reply(ctx.t("send-nobody", { wave: wave.name }));
  const busy = services.engine.isBusy();
  const job = repos.transaction(() => {
    if (!repos.waves.transition(wave.id, "confirmed", "sending")) return undefined;
    return repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: ctx.from!.id, chatId: ctx.chat!.id, locale: ctx.locale, total: waiting });
  });
  if (!job) return ctx.reply(ctx.t("wave-busy-sending", { wave: wave.name }));
  repos.records.audit({ actorId: ctx.from!.id, action: "send_tickets", args: String(wave.id), result: `job ${job.id}` });
  await ctx.reply(ctx.t(busy ? "send-queued" : "send-started", { wave: wave.name, count: waiting }));
  services.engine.kick();
  return undefined;
}

wavesFeature.command("end_wave", (ctx) => askEndWave(ctx));

export async function askEndWave(ctx: BotContext): Promise<unknown> {
  const result = requestEndWave(ctx.deps, { by: ctx.from!.id, chatId: ctx.chat!.id });
  if (!result.ok) return ctx.reply(result.reason === "no_wave" ? ctx.t("wave-none") : ctx.t("end-sending", { wave: result.wave.name }));
  const { wave, counts, promptId } = result;
  return ctx.reply(ctx.t("end-confirm", { wave: wave.name, available: counts.available, sent: counts.sent }), {
    reply_markup: promptKeyboard(ctx, "wave", "end", promptId, ctx.t("end-button-confirm")),
  });
}

wavesFeature.callbackQuery(/^wave:end:/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, "end_wave");
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  const result = confirmEndWave(ctx.deps, { prompt: pressed.prompt, by: ctx.from.id });
  if (result.ok) return editOrReply(ctx, endedText(ctx, result.ended));
  switch (result.reason) {
    case "answered":
      // Pressed twice, or handled again after a crash right after the wave ended: tell how it ended.
      if (result.kept || !result.ended) return editOrReply(ctx, ctx.t(result.kept ? "wave-kept" : "button-expired"));
      return editOrReply(ctx, endedText(ctx, result.ended));
    case "busy_sending":
      return editOrReply(ctx, ctx.t("end-sending", { wave: result.wave.name }));
    case "stale":
      return editOrReply(ctx, ctx.t("button-expired"));
  }
});

/** "Wave X has ended: N sent, M archived" from the wave's totals (tickets archived by earlier uploads included). */
function endedText(ctx: BotContext, wave: WaveRow): string {
  const counts = ctx.deps.repos.waves.counts(wave.id);
  return ctx.t("wave-ended", { wave: wave.name, sent: counts.sent, archived: counts.archived });
}

wavesFeature.callbackQuery(/^job:stop:/, async (ctx) => {
  const jobId = idArgAt(decodeCallback(ctx.callbackQuery.data));
  const stopped = jobId !== undefined && ctx.deps.services.engine.requestStop(jobId);
  if (stopped) ctx.deps.repos.records.audit({ actorId: ctx.from.id, action: "stop_delivery", args: String(jobId) });
  return ctx.answerCallbackQuery({ text: ctx.t(stopped ? "delivery-stopping" : "delivery-not-running") });
});
