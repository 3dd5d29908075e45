import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { PromptRow } from "../db/repos/prompts.js";
import type { WaveCounts, WaveRow } from "../db/repos/waves.js";
import { failpoint } from "../failpoints.js";
import { moveArchivedFiles } from "../tickets/storage.js";

export interface WaveDeps {
  config: Config;
  repos: Repos;
}

/** A confirmation of one wave action, as its prompt stored it. */
interface NewWavePrompt {
  waveId: number;
  name: string;
}
interface EndWavePrompt {
  waveId: number;
}

export type RequestNewWave =
  | { ok: true; opened: WaveRow }
  /** A wave is open: its own prompt (the id goes on the button) remembers the new name. */
  | { ok: true; confirm: { promptId: number; active: WaveRow; counts: WaveCounts; name: string } }
  | { ok: false; reason: "busy_sending"; wave: WaveRow };

/** /new_wave NAME: opens the wave, or asks first when one is open and not being sent. */
export function requestNewWave(deps: WaveDeps, args: { name: string; by: number; chatId: number }): RequestNewWave {
  const { repos } = deps;
  const active = repos.waves.active();
  if (!active) {
    const opened = repos.waves.create(args.name, args.by);
    repos.records.audit({ actorId: args.by, action: "new_wave", args: args.name, result: `wave ${opened.id}` });
    return { ok: true, opened };
  }
  if (active.status === "sending") return { ok: false, reason: "busy_sending", wave: active };
  const payload: NewWavePrompt = { waveId: active.id, name: args.name };
  const promptId = repos.prompts.create({ kind: "new_wave", payload, by: args.by, chatId: args.chatId });
  return { ok: true, confirm: { promptId, active, counts: repos.waves.counts(active.id), name: args.name } };
}

export type ConfirmResult<T> =
  | ({ ok: true } & T)
  /** Answered before (pressed twice, or handled again after a crash): what it did then. */
  | ({ ok: false; reason: "answered"; kept: boolean } & Partial<T>)
  | { ok: false; reason: "stale" }
  | { ok: false; reason: "busy_sending"; wave: WaveRow };

/**
 * "End wave A and open B?" answered yes: exactly the waves its own prompt
 * named. The prompt is answered in the same transaction as the change, so a
 * second press (or a replay after a crash) shows what happened instead of
 * doing it again.
 */
export function confirmNewWave(deps: WaveDeps, args: { prompt: PromptRow; by: number }): ConfirmResult<{ ended: WaveRow; opened: WaveRow }> {
  const { repos } = deps;
  const payload = JSON.parse(args.prompt.payload) as NewWavePrompt;
  if (args.prompt.resolved_at !== null) {
    const ended = repos.waves.byId(payload.waveId);
    const opened = repos.waves.all().find((w) => w.id > payload.waveId && w.name === payload.name);
    return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept", ...(ended ? { ended } : {}), ...(opened ? { opened } : {}) };
  }
  const active = repos.waves.active();
  if (!active || active.id !== payload.waveId) return { ok: false, reason: "stale" };
  if (active.status === "sending") return { ok: false, reason: "busy_sending", wave: active };
  const opened = endWaveNow(deps, active, args.by, args.prompt.id, { name: payload.name });
  repos.records.audit({ actorId: args.by, action: "new_wave", args: payload.name, result: `wave ${opened!.id}` });
  return { ok: true, ended: repos.waves.byId(active.id)!, opened: opened! };
}

export type RequestEndWave =
  | { ok: true; promptId: number; wave: WaveRow; counts: WaveCounts }
  | { ok: false; reason: "no_wave" }
  | { ok: false; reason: "busy_sending"; wave: WaveRow };

export function requestEndWave(deps: WaveDeps, args: { by: number; chatId: number }): RequestEndWave {
  const { repos } = deps;
  const wave = repos.waves.active();
  if (!wave) return { ok: false, reason: "no_wave" };
  if (wave.status === "sending") return { ok: false, reason: "busy_sending", wave };
  const payload: EndWavePrompt = { waveId: wave.id };
  const promptId = repos.prompts.create({ kind: "end_wave", payload, by: args.by, chatId: args.chatId });
  return { ok: true, promptId, wave, counts: repos.waves.counts(wave.id) };
}

export function confirmEndWave(deps: WaveDeps, args: { prompt: PromptRow; by: number }): ConfirmResult<{ ended: WaveRow }> {
  const { repos } = deps;
  const payload = JSON.parse(args.prompt.payload) as EndWavePrompt;
  if (args.prompt.resolved_at !== null) {
    const ended = repos.waves.byId(payload.waveId);
    return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept", ...(ended ? { ended } : {}) };
  }
  const wave = repos.waves.active();
  if (!wave || wave.id !== payload.waveId) return { ok: false, reason: "stale" };
  if (wave.status === "sending") return { ok: false, reason: "busy_sending", wave };
  endWaveNow(deps, wave, args.by, args.prompt.id);
  return { ok: true, ended: repos.waves.byId(wave.id)! };
}

/** "Cancel" on a prompt: nothing changes, and the prompt cannot be used any more. */
export function keepPrompt(repos: Repos, prompt: PromptRow): boolean {
  return repos.prompts.resolve(prompt.id, "kept");
}

/**
 * Archives the wave's unassigned tickets (database first, then the files) and
 * closes it, answering its prompt in the same transaction; with `openNext`,
 * opens the next wave there too, so a crash cannot leave the old one ended
 * and the new one never opened.
 */
function endWaveNow(deps: WaveDeps, wave: WaveRow, by: number, promptId: number, openNext?: { name: string }): WaveRow | undefined {
  const { repos, config } = deps;
  const unassigned = repos.waves.unassigned(wave.id);
  const { archived, next } = repos.transaction(() => {
    if (!repos.prompts.resolve(promptId, "done")) throw new Error(`prompt ${promptId} was answered meanwhile`);
    return repos.waves.endWave(wave.id, by, openNext);
  });
  failpoint("end-wave:committed");
  moveArchivedFiles(config.paths, unassigned);
  repos.records.audit({ actorId: by, action: "end_wave", args: String(wave.id), result: `${archived} archived` });
  return next;
}
