import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { JobRow } from "../db/repos/jobs.js";
import type { PromptRow } from "../db/repos/prompts.js";
import type { WaveCounts } from "../db/repos/tickets.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { EngineControl } from "../delivery/engine.js";
import { failpoint } from "../failpoints.js";
import type { PeopleOperations } from "../people/operations.js";
import { moveArchivedFiles } from "../tickets/storage.js";

export interface WaveDeps {
  config: Config;
  repos: Repos;
  people: PeopleOperations;
  engine: EngineControl;
}

/** Why a wave command cannot run now. */
export type WaveRefusal = { ok: false; reason: "no_wave" } | { ok: false; reason: "busy_sending"; wave: WaveRow };

export type RequestNewWave =
  | { ok: true; opened: WaveRow }
  /** A wave is open: its own prompt (the id goes on the button) remembers the new name. */
  | { ok: true; confirm: { promptId: number; active: WaveRow; counts: WaveCounts } }
  | { ok: false; reason: "busy_sending"; wave: WaveRow };

export type ConfirmResult<T> =
  | ({ ok: true } & T)
  /** Answered before (pressed twice, or handled again after a crash): what it did then. */
  | ({ ok: false; reason: "answered"; kept: boolean } & Partial<T>)
  | { ok: false; reason: "stale" }
  | { ok: false; reason: "busy_sending"; wave: WaveRow };

/**
 * What has happened to a wave, as reports and the menu say it: a confirmed
 * wave whose tickets went out is "sent" when every participant has one and
 * nothing failed, "partly_sent" otherwise.
 */
export type WaveProgress = "open" | "confirmed" | "sending" | "sent" | "partly_sent" | "ended";

export type RequestEndWave = { ok: true; promptId: number; wave: WaveRow; counts: WaveCounts } | WaveRefusal;

export type ConfirmWave =
  | { ok: true; wave: WaveRow; counts: WaveCounts; waiting: number; usable: number }
  | WaveRefusal
  | { ok: false; reason: "no_tickets"; wave: WaveRow };

export type SendTickets =
  /** Queued; `launch()` starts it once the admin has been told (its progress follows that answer). */
  | { ok: true; wave: WaveRow; job: JobRow; waiting: number; queued: boolean; launch(): void }
  | WaveRefusal
  | { ok: false; reason: "not_confirmed"; wave: WaveRow }
  | { ok: false; reason: "nobody_waiting"; wave: WaveRow };

interface NewWavePrompt {
  waveId: number;
  name: string;
}
interface EndWavePrompt {
  waveId: number;
}

/**
 * The wave lifecycle (SPEC §7): open → confirmed → sending ⇄ confirmed →
 * ended, one wave at a time. Each operation checks the state it needs and
 * says why not otherwise; confirmations act on what their own prompt said.
 */
export function createWavesOperations(deps: WaveDeps) {
  const { repos, people, engine } = deps;
  const { waves, tickets, prompts } = repos;

  /** The open wave when it is not being sent (uploads, confirm, send and end all need that). */
  function idle(): { ok: true; wave: WaveRow } | WaveRefusal {
    const wave = waves.active();
    if (!wave) return { ok: false, reason: "no_wave" };
    if (wave.status === "sending") return { ok: false, reason: "busy_sending", wave };
    return { ok: true, wave };
  }

  /** Participants (not organisers) without a ticket of the wave. */
  const waitingFor = (waveId: number): number => tickets.participantsWithoutTicket(waveId, people.organiserIds());

  /**
   * Archives the wave's unassigned tickets (database first, then the files)
   * and closes it, answering its prompt in the same transaction; with
   * `openNext`, opens the next wave there too, so a crash cannot leave the
   * old one ended and the new one never opened. People who were told in
   * this wave that they are on the waiting list are told it has ended for
   * them: a job of notices, queued in the same transaction (see the ticket
   * producer). Returns how many will be told.
   */
  function endNow(prompt: PromptRow, wave: WaveRow, by: number, openNext?: { name: string }): { next: WaveRow | undefined; waiting: number } {
    const unassigned = tickets.unassigned(wave.id);
    const { archived, next, waiting } = repos.transaction(() => {
      if (!prompts.resolve(prompt.id, "done")) throw new Error(`prompt ${prompt.id} was answered meanwhile`);
      const archivedCount = tickets.archiveAvailable(wave.id);
      if (!waves.end(wave.id, by)) throw new Error(`wave ${wave.id} cannot be ended now`);
      const told = repos.waiting.countToldInWave(wave.id);
      if (told > 0) {
        repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: by, chatId: prompt.chat_id, locale: deps.config.DEFAULT_LOCALE, total: told, notice: "wave_ended" });
      }
      return { archived: archivedCount, next: openNext ? waves.create(openNext.name, by) : undefined, waiting: told };
    });
    failpoint("end-wave:committed");
    if (waiting > 0) engine.kick();
    moveArchivedFiles(deps.config.paths, unassigned);
    repos.audit.record({ actorId: by, action: "end_wave", args: String(wave.id), result: `${archived} archived; ${waiting} waiting told` });
    return { next, waiting };
  }

  return {
    idle,
    progress(wave: WaveRow): WaveProgress {
      if (wave.status !== "confirmed") return wave.status;
      if (tickets.counts(wave.id).sent === 0) return "confirmed";
      const latest = repos.jobs.latestOf("tickets", wave.id);
      const failed = latest ? repos.jobs.tally(latest.id).failed : 0;
      return failed > 0 || waitingFor(wave.id) > 0 ? "partly_sent" : "sent";
    },
    /** The default name's number: "Wave 3" for the third wave. */
    nextNumber: (): number => waves.all().length + 1,
    counts: (waveId: number): WaveCounts => tickets.counts(waveId),

    /** /new_wave NAME: opens the wave, or asks first when one is open and not being sent. */
    requestNew(args: { name: string; by: number; chatId: number }): RequestNewWave {
      const active = waves.active();
      if (!active) {
        const opened = waves.create(args.name, args.by);
        repos.audit.record({ actorId: args.by, action: "new_wave", args: args.name, result: `wave ${opened.id}` });
        return { ok: true, opened };
      }
      if (active.status === "sending") return { ok: false, reason: "busy_sending", wave: active };
      const payload: NewWavePrompt = { waveId: active.id, name: args.name };
      const promptId = prompts.create({ kind: "new_wave", payload, by: args.by, chatId: args.chatId });
      return { ok: true, confirm: { promptId, active, counts: tickets.counts(active.id) } };
    },

    /** "End wave A and open B?" answered yes: exactly the waves its own prompt named. */
    confirmNew(args: { prompt: PromptRow; by: number }): ConfirmResult<{ ended: WaveRow; opened: WaveRow; waiting: number }> {
      const payload = JSON.parse(args.prompt.payload) as NewWavePrompt;
      if (args.prompt.resolved_at !== null) {
        const ended = waves.byId(payload.waveId);
        const opened = waves.all().find((w) => w.id > payload.waveId && w.name === payload.name);
        return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept", ...(ended ? { ended } : {}), ...(opened ? { opened } : {}) };
      }
      const active = waves.active();
      if (!active || active.id !== payload.waveId) return { ok: false, reason: "stale" };
      if (active.status === "sending") return { ok: false, reason: "busy_sending", wave: active };
      const { next, waiting } = endNow(args.prompt, active, args.by, { name: payload.name });
      const opened = next!;
      repos.audit.record({ actorId: args.by, action: "new_wave", args: payload.name, result: `wave ${opened.id}` });
      return { ok: true, ended: waves.byId(active.id)!, opened, waiting };
    },

    /** /end_wave: asks first. */
    requestEnd(args: { by: number; chatId: number }): RequestEndWave {
      const state = idle();
      if (!state.ok) return state;
      const payload: EndWavePrompt = { waveId: state.wave.id };
      const promptId = prompts.create({ kind: "end_wave", payload, by: args.by, chatId: args.chatId });
      return { ok: true, promptId, wave: state.wave, counts: tickets.counts(state.wave.id) };
    },

    confirmEnd(args: { prompt: PromptRow; by: number }): ConfirmResult<{ ended: WaveRow; waiting: number }> {
      const payload = JSON.parse(args.prompt.payload) as EndWavePrompt;
      if (args.prompt.resolved_at !== null) {
        const ended = waves.byId(payload.waveId);
        return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept", ...(ended ? { ended } : {}) };
      }
      const wave = waves.active();
      if (!wave || wave.id !== payload.waveId) return { ok: false, reason: "stale" };
      if (wave.status === "sending") return { ok: false, reason: "busy_sending", wave };
      const { waiting } = endNow(args.prompt, wave, args.by);
      return { ok: true, ended: waves.byId(wave.id)!, waiting };
    },

    /**
     * /confirm_wave: tickets someone can get vs participants still without
     * one; the wave is marked ready. Counts only tickets someone registered
     * can get (a manifest may name people not registered yet, or nobody).
     */
    confirm(args: { by: number }): ConfirmWave {
      const state = idle();
      if (!state.ok) return state;
      const { wave } = state;
      const counts = tickets.counts(wave.id);
      if (counts.available + counts.assigned + counts.sent === 0) return { ok: false, reason: "no_tickets", wave };
      const waiting = waitingFor(wave.id);
      const usable = tickets.usableAvailable(wave.id);
      waves.confirm(wave.id);
      repos.audit.record({ actorId: args.by, action: "confirm_wave", args: String(wave.id), result: `${counts.available} available, ${waiting} waiting` });
      return { ok: true, wave, counts, waiting, usable };
    },

    /**
     * /send_tickets: queues the delivery job of the confirmed wave for the
     * participants without a ticket (the wave is `sending` until it ends).
     */
    sendTickets(args: { by: number; chatId: number; locale: string }): SendTickets {
      const state = idle();
      if (!state.ok) return state;
      const { wave } = state;
      if (wave.status === "open") return { ok: false, reason: "not_confirmed", wave };
      const waiting = waitingFor(wave.id);
      if (waiting === 0) return { ok: false, reason: "nobody_waiting", wave };
      const queued = engine.isBusy();
      const job = repos.transaction(() => {
        if (!waves.transition(wave.id, "confirmed", "sending")) return undefined;
        return repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: args.by, chatId: args.chatId, locale: args.locale, total: waiting });
      });
      if (!job) return { ok: false, reason: "busy_sending", wave };
      repos.audit.record({ actorId: args.by, action: "send_tickets", args: String(wave.id), result: `job ${job.id}` });
      return { ok: true, wave, job, waiting, queued, launch: () => engine.kick() };
    },
  };
}

export type WavesOperations = ReturnType<typeof createWavesOperations>;
