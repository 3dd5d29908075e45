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
  /** `send`: the question "send N tickets to M people?", asked when someone waits and a chat was given. */
  | { ok: true; wave: WaveRow; counts: WaveCounts; waiting: number; usable: number; send?: SendQuestion }
  | WaveRefusal
  | { ok: false; reason: "no_tickets"; wave: WaveRow };

/** A ticket delivery queued; `launch()` starts it once the admin has been told (its progress follows that answer). */
export interface Started {
  ok: true;
  wave: WaveRow;
  job: JobRow;
  waiting: number;
  queued: boolean;
  launch(): void;
}

export type SendTickets = Started | WaveRefusal | { ok: false; reason: "not_confirmed"; wave: WaveRow } | { ok: false; reason: "nobody_waiting"; wave: WaveRow };

/**
 * "Send N tickets to M people?" — the prompt (its id goes on the button)
 * keeps the wave and both numbers: N is what can go out now (available
 * tickets someone registered can get, at most M), M the participants
 * without a ticket, `blocked` of them having blocked the bot (they are
 * tried too: they may have unblocked it since).
 */
export interface SendQuestion {
  promptId: number;
  wave: WaveRow;
  tickets: number;
  people: number;
  blocked: number;
}

/** Send pressed (/send_tickets or the menu): a confirmed wave starts at once, an open one is asked about first. */
export type RequestSend =
  | Started
  | { ok: true; ask: SendQuestion }
  | WaveRefusal
  | { ok: false; reason: "no_tickets"; wave: WaveRow }
  | { ok: false; reason: "nobody_waiting"; wave: WaveRow };

/** The send question answered yes: the wave confirmed and its delivery queued in one transaction. */
export type ConfirmSend =
  | Started
  /** Answered before (pressed twice, or handled again after a crash): the delivery it started, if any. */
  | { ok: false; reason: "answered"; kept: boolean; job?: JobRow }
  | { ok: false; reason: "stale" }
  | { ok: false; reason: "busy_sending" | "nobody_waiting"; wave: WaveRow }
  /** The numbers are no longer what the question said: asked again with the new ones. */
  | { ok: false; reason: "changed"; ask: SendQuestion };

/** "Confirm" under an import's answer pressed: as /confirm_wave, once. */
export type ConfirmByPrompt = ConfirmWave | { ok: false; reason: "answered"; wave: WaveRow | undefined } | { ok: false; reason: "stale" };

/**
 * Where the open wave stands, as the admin menu offers actions for it:
 * none — no wave yet; ended — the last one ended, none open; open_empty —
 * open, no tickets loaded; open — with tickets, not confirmed; confirmed —
 * ready, or between deliveries; sending — being delivered (`job`).
 */
export type WaveStage =
  | { state: "none" | "ended" }
  | { state: "open_empty" | "open" | "confirmed"; wave: WaveRow; waiting: number }
  | { state: "sending"; wave: WaveRow; job: JobRow | undefined };

interface NewWavePrompt {
  waveId: number;
  name: string;
}
interface EndWavePrompt {
  waveId: number;
}
interface ConfirmWavePrompt {
  waveId: number;
}
interface SendPrompt {
  waveId: number;
  tickets: number;
  people: number;
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

  /** What the send question says: tickets that can go out now, people without one, and how many of them blocked the bot. */
  function sendNumbers(wave: WaveRow): Omit<SendQuestion, "promptId" | "wave"> {
    const without = repos.overview.withoutTicket(wave.id, people.organiserIds());
    const waiting = without.reachable + without.blocked;
    return { tickets: Math.min(tickets.usableAvailable(wave.id), waiting), people: waiting, blocked: without.blocked };
  }

  function askSend(wave: WaveRow, numbers: Omit<SendQuestion, "promptId" | "wave">, args: { by: number; chatId: number }): SendQuestion {
    const payload: SendPrompt = { waveId: wave.id, tickets: numbers.tickets, people: numbers.people };
    return { promptId: prompts.create({ kind: "send_tickets", payload, by: args.by, chatId: args.chatId }), wave, ...numbers };
  }

  /** The delivery of a confirmed wave for everyone without a ticket, queued now. */
  function sendConfirmed(wave: WaveRow, args: { by: number; chatId: number; locale: string }): Started | { ok: false; reason: "busy_sending"; wave: WaveRow } | { ok: false; reason: "nobody_waiting"; wave: WaveRow } {
    const waiting = waitingFor(wave.id);
    if (waiting === 0) return { ok: false, reason: "nobody_waiting", wave };
    return startDelivery(wave, waiting, args) ?? { ok: false, reason: "busy_sending", wave };
  }

  /**
   * Marks the wave ready (with `inTransaction`, e.g. answering the prompt
   * that asked, in the same transaction) and, given a chat, asks there
   * whether to send.
   */
  function confirmNow(wave: WaveRow, args: { by: number; chatId?: number }, inTransaction?: () => void): ConfirmWave {
    const counts = tickets.counts(wave.id);
    if (counts.available + counts.assigned + counts.sent === 0) return { ok: false, reason: "no_tickets", wave };
    const waiting = waitingFor(wave.id);
    const usable = tickets.usableAvailable(wave.id);
    repos.transaction(() => {
      inTransaction?.();
      waves.confirm(wave.id);
    });
    repos.audit.record({ actorId: args.by, action: "confirm_wave", args: String(wave.id), result: `${counts.available} available, ${waiting} waiting` });
    const send = args.chatId !== undefined && waiting > 0 ? askSend(wave, sendNumbers(wave), { by: args.by, chatId: args.chatId }) : undefined;
    return { ok: true, wave, counts, waiting, usable, ...(send ? { send } : {}) };
  }

  /**
   * Queues the ticket job of a `confirmed` wave and moves the wave to
   * `sending`, in one transaction; undefined when the wave was not confirmed.
   */
  function startDelivery(wave: WaveRow, waiting: number, args: { by: number; chatId: number; locale: string }): Started | undefined {
    const queued = engine.isBusy();
    const job = repos.transaction(() => {
      if (!waves.transition(wave.id, "confirmed", "sending")) return undefined;
      return repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: args.by, chatId: args.chatId, locale: args.locale, total: waiting });
    });
    if (!job) return undefined;
    repos.audit.record({ actorId: args.by, action: "send_tickets", args: String(wave.id), result: `job ${job.id}` });
    return { ok: true, wave, job, waiting, queued, launch: () => engine.kick() };
  }

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
     * With `chatId`, also asks there whether to send (see SendQuestion).
     */
    confirm(args: { by: number; chatId?: number }): ConfirmWave {
      const state = idle();
      if (!state.ok) return state;
      return confirmNow(state.wave, args);
    },

    /** After an import: the "Confirm" button's prompt, for the wave the tickets went into. */
    offerConfirm(args: { waveId: number; by: number; chatId: number }): number {
      const payload: ConfirmWavePrompt = { waveId: args.waveId };
      return prompts.create({ kind: "confirm_wave", payload, by: args.by, chatId: args.chatId });
    },

    /** "Confirm" pressed under an import's answer: the wave it named, if still open and not being sent, once. */
    confirmByPrompt(args: { prompt: PromptRow; by: number; chatId: number }): ConfirmByPrompt {
      const payload = JSON.parse(args.prompt.payload) as ConfirmWavePrompt;
      if (args.prompt.resolved_at !== null) return { ok: false, reason: "answered", wave: waves.byId(payload.waveId) };
      const state = idle();
      if (state.ok && state.wave.id !== payload.waveId) return { ok: false, reason: "stale" };
      if (!state.ok) return state.reason === "no_wave" ? { ok: false, reason: "stale" } : state;
      return confirmNow(state.wave, args, () => {
        if (!prompts.resolve(args.prompt.id, "done")) throw new Error(`prompt ${args.prompt.id} was answered meanwhile`);
      });
    },

    /**
     * /send_tickets: queues the delivery job of the confirmed wave for the
     * participants without a ticket (the wave is `sending` until it ends).
     */
    sendTickets(args: { by: number; chatId: number; locale: string }): SendTickets {
      const state = idle();
      if (!state.ok) return state;
      if (state.wave.status === "open") return { ok: false, reason: "not_confirmed", wave: state.wave };
      return sendConfirmed(state.wave, args);
    },

    /**
     * Send pressed (/send_tickets, the menu): a confirmed wave starts at once,
     * as /send_tickets always did; an open one is asked about first ("send N
     * tickets to M people?"), and the answer confirms and sends in one step.
     */
    requestSend(args: { by: number; chatId: number; locale: string }): RequestSend {
      const state = idle();
      if (!state.ok) return state;
      const { wave } = state;
      if (wave.status !== "open") return sendConfirmed(wave, args);
      const counts = tickets.counts(wave.id);
      if (counts.available + counts.assigned + counts.sent === 0) return { ok: false, reason: "no_tickets", wave };
      const numbers = sendNumbers(wave);
      if (numbers.people === 0) return { ok: false, reason: "nobody_waiting", wave };
      return { ok: true, ask: askSend(wave, numbers, args) };
    },

    /**
     * The send question answered yes: exactly the wave it named, and only
     * while its numbers are still the ones it showed (otherwise it is asked
     * again). The prompt is answered, the wave confirmed and the job queued
     * in one transaction, so a second press or a replay after a crash starts
     * nothing more.
     */
    confirmSend(args: { prompt: PromptRow; by: number; chatId: number; locale: string }): ConfirmSend {
      const payload = JSON.parse(args.prompt.payload) as SendPrompt;
      if (args.prompt.resolved_at !== null) {
        const started = /^job:(\d+)$/.exec(args.prompt.resolution ?? "");
        const job = started ? repos.jobs.byId(Number(started[1])) : undefined;
        return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept", ...(job ? { job } : {}) };
      }
      const wave = waves.active();
      if (!wave || wave.id !== payload.waveId) return { ok: false, reason: "stale" };
      if (wave.status === "sending") return { ok: false, reason: "busy_sending", wave };
      const numbers = sendNumbers(wave);
      if (numbers.people === 0 || numbers.tickets !== payload.tickets || numbers.people !== payload.people) {
        const ask = repos.transaction(() => {
          prompts.resolve(args.prompt.id, "replaced");
          return numbers.people === 0 ? undefined : askSend(wave, numbers, args);
        });
        return ask ? { ok: false, reason: "changed", ask } : { ok: false, reason: "nobody_waiting", wave };
      }
      // One transaction (the inner ones become savepoints): the prompt remembers the job it started.
      const started = repos.transaction(() => {
        waves.confirm(wave.id);
        const queued = startDelivery(wave, numbers.people, args);
        if (!queued || !prompts.resolve(args.prompt.id, `job:${queued.job.id}`)) throw new Error(`wave ${wave.id} changed while its delivery was queued`);
        repos.audit.record({ actorId: args.by, action: "confirm_wave", args: String(wave.id), result: `with send_tickets, job ${queued.job.id}` });
        return queued;
      });
      failpoint("send-question:committed");
      return started;
    },

    /** Where the open wave stands, for the admin menu's buttons. */
    stage(): WaveStage {
      const wave = waves.active();
      if (!wave) return { state: waves.all().length > 0 ? "ended" : "none" };
      if (wave.status === "sending") {
        const job = repos.jobs.latestOf("tickets", wave.id);
        return { state: "sending", wave, job: job && (job.status === "queued" || job.status === "running") ? job : undefined };
      }
      const waiting = waitingFor(wave.id);
      if (wave.status === "confirmed") return { state: "confirmed", wave, waiting };
      const counts = tickets.counts(wave.id);
      return { state: counts.available + counts.assigned + counts.sent === 0 ? "open_empty" : "open", wave, waiting };
    },
  };
}

export type WavesOperations = ReturnType<typeof createWavesOperations>;
