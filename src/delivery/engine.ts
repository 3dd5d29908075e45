import { setTimeout as sleep } from "node:timers/promises";
import type { Api } from "grammy";
import type { JobKind, JobRow, JobsRepo } from "../db/repos/jobs.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { JobRun } from "./job-run.js";
import { Ledger } from "./ledger.js";
import { AutoWindow, FixedWindow, type WindowSizing } from "./window.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { JobProducer } from "./types.js";

export interface EngineOptions {
  jobs: JobsRepo;
  /** Runs producer bookkeeping and delivery rows as one transaction. */
  transaction<T>(fn: () => T): T;
  /** Claims and outcomes of sends, committed in groups (see ledger.ts); one of its own by default. */
  ledger?: Ledger;
  /** An Api that retries 429 itself and leaves other failures to the engine. */
  api: Api;
  producers: Record<JobKind, JobProducer>;
  /** SEND_RATE_PER_SECOND: the pace of this engine's sends. */
  limiter: RateLimiter;
  /** SEND_CONCURRENCY: sends in flight at once, or "auto" to follow the measured round trip (window.ts). */
  concurrency: number | "auto";
  translate(locale: string): Translate;
  logger: Logger;
  /** Pause before each retry round of transient failures. */
  retryDelaysMs?: readonly number[];
  /** Progress after the first delivery and after every N-th (SPEC §8). */
  progressEvery?: number;
}

/** The engine's options as a job run sees them: a ledger and a window sizing always there. */
export type RunOptions = EngineOptions & { ledger: Ledger; sizing: WindowSizing };

/** What the use-case layer may ask of the running engine. */
export interface EngineControl {
  /** A job is being worked on now (a new one waits in the queue). */
  isBusy(): boolean;
  /** A job was queued: start it if the engine is idle. */
  kick(): void;
  /** The stop button: finish the sends in flight, send nothing more. */
  requestStop(jobId: number): boolean;
}

/**
 * The delivery engine (SPEC §8): one job at a time, in the background, its
 * state in SQLite. It walks a producer's recipients in order, keeps a bounded
 * window of sends in flight under a rate limiter, records every outcome in
 * the same transaction as the producer's bookkeeping (several sends'
 * outcomes and claims share one transaction: ledger.ts), retries transient
 * failures in a second pass, reports progress, and after a crash resumes
 * where the database says it was: deliveries prepared but not confirmed are
 * sent again to the same person, never to anyone else.
 *
 * Every send and every retry is claimed first, in a transaction that reads
 * the delivery afresh and asks the producer to re-check it: whatever an
 * admin did while the job ran or waited for a retry, a send goes out only if
 * it is still due and still what the job assigned. What each admin action
 * does to a running job:
 *
 * - /delete_user (and /leave): the person's due deliveries are skipped at
 *   once (never attempted, or waiting for a retry); a send in flight at that
 *   moment cannot be called back and its outcome is recorded. Tickets that
 *   certainly never left return to the pool; one whose delivery may have
 *   happened stays bound to the erased person (revoked), never given to
 *   anyone else. Nothing more is sent to them.
 * - /end_wave, /new_wave over an open wave, /upload_zip, /upload_zip_add:
 *   refused while the wave's ticket job is queued, running or waiting for a
 *   retry (the wave is `sending` until the job finishes); an import re-checks
 *   that inside its own transaction.
 * - /add_admin and /remove_admin: the role is read at each send. A ticket
 *   job never sends to an admin (the ticket goes back, or is held for them
 *   when an attempt may have reached them); a broadcast sends to whoever is
 *   a participant or an admin at that moment, once.
 * - Revoking invites: touches nobody who has registered, so no delivery.
 * - The stop button: sends in flight finish; deliveries never attempted are
 *   dropped (their tickets back to the pool); those whose outcome is unknown
 *   keep their ticket held for the same person.
 */
export class DeliveryEngine implements EngineControl {
  private loopTask: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private current: JobRun | undefined;
  /** Aborts sends still in flight when a shutdown's grace period is over. */
  private readonly abort = new AbortController();

  private readonly options: RunOptions;

  constructor(options: EngineOptions) {
    this.options = {
      ...options,
      ledger:
        options.ledger ??
        new Ledger({ transaction: options.transaction, onError: (error) => options.logger.error({ err: error }, "delivery bookkeeping could not be committed") }),
      // Measured across jobs: the next job starts with the window the last one ended with.
      sizing: options.concurrency === "auto" ? new AutoWindow(options.limiter.ratePerSecond) : new FixedWindow(options.concurrency),
    };
  }

  start(): void {
    if (this.loopTask) return;
    this.loopTask = this.loop();
  }

  /** A job was queued: start it if the engine is idle. */
  kick(): void {
    this.wake?.();
  }

  /** The stop button: finish the sends in flight, send nothing more. */
  requestStop(jobId: number): boolean {
    const accepted = this.options.jobs.requestStop(jobId);
    if (accepted && this.current?.job.id === jobId) this.current.cancel = true;
    this.kick();
    return accepted;
  }

  isBusy(): boolean {
    return this.current !== undefined;
  }

  /**
   * Shutdown: no new sends; the ones in flight may finish within `graceMs`,
   * then they are aborted and stay pending, to be sent again (to the same
   * people) at the next start. The job itself resumes then.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    this.kick();
    const timer = setTimeout(() => this.abort.abort(), graceMs);
    await this.loopTask;
    clearTimeout(timer);
    // Chat-log lines of the last messages (the summary, a progress edit) are written now.
    this.options.ledger.close();
  }

  private async loop(): Promise<void> {
    const { jobs, logger } = this.options;
    while (!this.stopping) {
      const job = jobs.next();
      if (!job) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      try {
        await this.run(job);
      } catch (error) {
        // Never let one job take the engine (or the bot) down; try again later.
        logger.error({ err: error, job_id: job.id }, "delivery job failed; retrying in 10 s");
        if (!this.stopping) await sleep(10_000);
      } finally {
        this.current = undefined;
        this.options.ledger.flush();
      }
    }
  }

  private async run(job: JobRow): Promise<void> {
    const { jobs, logger } = this.options;
    const producer = this.options.producers[job.kind];
    const resumed = job.status === "running";
    jobs.start(job.id, resumed);
    const run = new JobRun(jobs.byId(job.id)!, producer, this.options, this.abort.signal);
    this.current = run;
    run.cancel = job.stop_requested === 1;
    logger.info({ job_id: job.id, kind: job.kind, resumed }, resumed ? "delivery job resumed" : "delivery job started");

    // Deliveries prepared before a crash may have been in flight: send them
    // again, to the same person (the only repeats SPEC §8 allows).
    const leftovers = jobs.deliveriesWithStatus(job.id, "pending");
    if (resumed) run.announceResume(leftovers.length);
    else run.showProgress();
    await run.launchAll(leftovers, () => this.stopping);

    if (run.job.phase === "main") {
      for (;;) {
        if (this.stopping || run.cancel) break;
        const batch = this.options.transaction(() => producer.prepare(run.job, run.windowSize));
        run.job = jobs.byId(job.id)!;
        await run.launchAll(batch.deliveries, () => this.stopping);
        if (batch.done) break;
      }
      await run.drain();
      if (this.stopping) return run.pause();
      if (!run.cancel) jobs.setPhase(job.id, "retry");
    }
    if (!run.cancel) await run.retryPass(() => this.stopping);
    await run.drain();
    if (this.stopping) return run.pause();
    run.giveUpRemaining();
    await run.finish();
  }
}
