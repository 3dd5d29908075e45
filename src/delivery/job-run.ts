import { setTimeout as sleep } from "node:timers/promises";
import { InlineKeyboard } from "grammy";
import type { DeliveryRow, JobRow } from "../db/repos/jobs.js";
import { failpoint } from "../failpoints.js";
import type { Translate } from "../i18n.js";
import { formatDuration } from "../time.js";
import { jobButtons } from "./buttons.js";
import type { RunOptions } from "./engine.js";
import { classifyFailure, type Failure, type FailureKind } from "./failures.js";
import { ProgressMessage } from "./progress.js";
import type { JobProducer, SendResult } from "./types.js";
import { SendWindow } from "./window.js";

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 30_000];

/** The admin chat takes about one message a second, and the reply that started the job has just gone there. */
const FIRST_PROGRESS_DELAY_MS = 1000;

/**
 * One job being worked on by this process: its window of sends in flight,
 * the claim before each send, the bookkeeping after it, the retry rounds,
 * progress and the summary. The engine (engine.ts) picks jobs and runs them.
 */
export class JobRun {
  cancel = false;
  private readonly window: SendWindow;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly progress: ProgressMessage;
  private readonly t: Translate;
  private readonly startedAt = performance.now();
  private sentHere = 0;
  /** Reports to nobody (see JobProducer.quiet). */
  private readonly quiet: boolean;
  private stopButton: InlineKeyboard | undefined;
  private sent: number;
  private failed: number;

  constructor(
    public job: JobRow,
    private readonly producer: JobProducer,
    private readonly options: RunOptions,
    private readonly signal: AbortSignal,
  ) {
    this.window = new SendWindow(options.sizing.size());
    this.t = options.translate(job.locale);
    this.quiet = producer.quiet?.(job) ?? false;
    const tally = options.jobs.tally(job.id);
    this.sent = tally.sent;
    this.failed = tally.failed;
    this.progress = new ProgressMessage(
      options.api,
      job.chat_id,
      job.progress_message_id,
      (messageId) => options.jobs.setProgressMessage(job.id, messageId),
      options.logger,
      undefined,
      FIRST_PROGRESS_DELAY_MS,
    );
  }

  /** Launches each delivery when the window and the rate limiter allow; returns once all are launched. */
  async launchAll(deliveries: readonly DeliveryRow[], stopping: () => boolean): Promise<void> {
    for (const [index, delivery] of deliveries.entries()) {
      if (stopping()) return;
      if (this.cancel) {
        this.dropUnsent(deliveries.slice(index));
        return;
      }
      await this.window.acquire();
      await this.options.limiter.take();
      const started = performance.now();
      const task = this.attempt(delivery).finally(() => {
        // The time this send held its slot sizes the window (SEND_CONCURRENCY=auto).
        this.options.sizing.observe(performance.now() - started);
        this.window.resize(this.options.sizing.size());
        this.window.release();
        this.inFlight.delete(task);
      });
      this.inFlight.add(task);
    }
  }

  /** Sends in flight at most now; also how many recipients the walk prepares at a time. */
  get windowSize(): number {
    return this.window.size;
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    await this.window.drained();
  }

  /**
   * One delivery: claimed, sent, its outcome recorded. Claim and outcome go
   * through the ledger, committed in groups with other sends' bookkeeping;
   * each is awaited, so the send starts after its claim is durable and the
   * window slot is freed after its outcome is.
   */
  private async attempt(delivery: DeliveryRow): Promise<void> {
    const { jobs, ledger, logger } = this.options;
    const claimed = await ledger.run(() => this.claim(delivery));
    if (!claimed) return;
    let result: SendResult;
    try {
      result = await this.producer.send(this.options.api, this.job, claimed, this.signal);
    } catch (error) {
      // Aborted by a shutdown: the outcome is unknown, so the delivery stays
      // pending and is sent again to the same person after the restart.
      if (this.signal.aborted) return;
      const failure = classifyFailure(error);
      const final = failure.permanent;
      const consistent = await ledger.run(
        () => jobs.markFailure(claimed.id, final ? "failed" : "retry", failure.kind, failure.description) && this.producer.onFailed(this.job, claimed, failure, final),
      );
      if (!consistent) this.bookkeepingError(claimed, "failed");
      if (final) this.failed++;
      logger.info({ job_id: this.job.id, user_id: claimed.user_id, kind: failure.kind, final }, "delivery failed");
      this.reportProgress(false);
      return;
    }
    failpoint("delivery:sent-not-recorded");
    const consistent = await ledger.run(() => {
      // Sent, and recorded in a group not committed yet: a crash here repeats this send, to the same person.
      failpoint("delivery:sent-not-committed");
      return jobs.markSent(claimed.id, result) && this.producer.onSent(this.job, claimed, result);
    });
    if (!consistent) this.bookkeepingError(claimed, "sent");
    this.sent++;
    this.sentHere++;
    this.reportProgress(true);
  }

  /**
   * Right before a send or a retry, inside a transaction: the delivery read
   * afresh must still be due, and the producer must find it still what the
   * job assigned; then it is claimed (from here on it may have left). A
   * delivery settled meanwhile (an erasure) or no longer valid is not sent.
   */
  private claim(delivery: DeliveryRow): DeliveryRow | undefined {
    const { jobs } = this.options;
    const current = jobs.delivery(delivery.id);
    if (!current || (current.status !== "pending" && current.status !== "retry")) return undefined;
    const verdict = this.producer.recheck(this.job, current);
    if (verdict !== "ok") {
      jobs.skip(current.id, verdict);
      this.producer.onSkipped(this.job, current);
      this.options.logger.info({ job_id: this.job.id, user_id: current.user_id, reason: verdict }, "delivery skipped");
      return undefined;
    }
    const now = Date.now();
    jobs.claim(current.id, now);
    return { ...current, status: "pending", claimed_at: now };
  }

  /** A write that should have changed a row changed none: never silent, counted for the summary. */
  private bookkeepingError(delivery: DeliveryRow, outcome: "sent" | "failed"): void {
    this.options.jobs.countBookkeepingError(this.job.id);
    this.options.logger.error(
      { job_id: this.job.id, delivery_id: delivery.id, user_id: delivery.user_id, item_id: delivery.item_id, outcome },
      "delivery bookkeeping changed no row",
    );
  }

  /** Transient failures get more tries, same item, same person, with growing pauses. */
  async retryPass(stopping: () => boolean): Promise<void> {
    const { jobs } = this.options;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (const delay of delays) {
      const due = jobs.deliveriesWithStatus(this.job.id, "retry");
      if (due.length === 0 || stopping() || this.cancel) break;
      this.options.logger.info({ job_id: this.job.id, count: due.length, delay }, "retry round");
      await sleep(delay);
      await this.launchAll(due, stopping);
      await this.drain();
    }
  }

  /** Still failing after every round (or the job was stopped): recorded as failed, the item released. */
  giveUpRemaining(): void {
    const { jobs, transaction } = this.options;
    for (const delivery of jobs.deliveriesWithStatus(this.job.id, "retry")) {
      const failure: Failure = { kind: (delivery.error_kind as FailureKind | null) ?? "network", permanent: false, description: delivery.error ?? "" };
      const consistent = transaction(() => !jobs.giveUp(delivery.id) || this.producer.onFailed(this.job, delivery, failure, true));
      if (!consistent) this.bookkeepingError(delivery, "failed");
      this.failed++;
    }
  }

  /**
   * The job was stopped: deliveries never attempted are dropped; one whose
   * outcome is unknown (in flight when the process died) is skipped and its
   * item kept for the same person.
   */
  private dropUnsent(deliveries: readonly DeliveryRow[]): void {
    const { jobs } = this.options;
    this.options.transaction(() => {
      for (const delivery of deliveries) {
        if (jobs.dropPending(delivery.id)) this.producer.onDropped(this.job, delivery);
        else if (jobs.skip(delivery.id, "stopped")) this.producer.onSkipped(this.job, { ...delivery, claimed_at: delivery.claimed_at ?? Date.now() });
      }
    });
  }

  private reportProgress(sent: boolean): void {
    const every = this.options.progressEvery ?? 20;
    if (sent && (this.sent === 1 || this.sent % every === 0)) this.showProgress();
  }

  private rate(): number {
    const seconds = (performance.now() - this.startedAt) / 1000;
    return seconds > 0 ? Math.round((this.sentHere / seconds) * 10) / 10 : 0;
  }

  showProgress(): void {
    if (this.quiet) return;
    this.stopButton ??= new InlineKeyboard().text(this.t("delivery-button-stop"), jobButtons.data("stop", this.job.id));
    // Rendered when the edit goes out (at most every few seconds), not at every 20th send.
    this.progress.update(
      () =>
        this.t("delivery-progress", {
          job: this.job.id,
          what: this.producer.describe(this.job, this.t),
          sent: this.sent,
          total: Math.max(this.job.total, this.sent + this.failed),
          failed: this.failed,
          rate: this.rate(),
        }),
      this.stopButton,
    );
  }

  announceResume(inFlight: number): void {
    if (this.quiet) return;
    this.options.api
      .sendMessage(
        this.job.chat_id,
        this.t("delivery-resumed", { job: this.job.id, what: this.producer.describe(this.job, this.t), sent: this.sent, inflight: inFlight }),
      )
      .catch((error: unknown) => this.options.logger.warn({ err: error }, "could not announce the resumed delivery"));
  }

  /** Shutdown in the middle: the time spent counts, the job stays running for the next start. */
  async pause(): Promise<void> {
    this.options.jobs.addActiveTime(this.job.id, performance.now() - this.startedAt);
    await this.progress.settle();
  }

  async finish(): Promise<void> {
    const { jobs, transaction, logger } = this.options;
    jobs.addActiveTime(this.job.id, performance.now() - this.startedAt);
    transaction(() => {
      jobs.finish(this.job.id, this.cancel ? "cancelled" : "done");
      this.producer.onFinished(this.job, this.cancel);
    });
    const job = jobs.byId(this.job.id)!;
    const tally = jobs.tally(job.id);
    if (this.quiet) {
      logger.info({ job_id: job.id, told: tally.told, skipped: tally.skipped }, "notice job finished");
      return;
    }
    const what = this.producer.describe(job, this.t);
    this.progress.update(
      this.t(this.cancel ? "delivery-progress-cancelled" : "delivery-progress-done", { job: job.id, what, sent: tally.sent, total: Math.max(job.total, tally.sent + tally.failed) }),
    );
    await this.progress.settle();
    const seconds = job.active_ms / 1000;
    const lines = [
      this.t(this.cancel ? "delivery-summary-cancelled" : "delivery-summary", { job: job.id, what }),
      this.t("delivery-summary-sent", { count: tally.sent }),
      this.t("delivery-summary-failed", { count: tally.failed }),
      ...Object.entries(tally.failedByKind).map(([kind, count]) => this.t("delivery-summary-failure", { reason: this.t(`failure-${kind}`), count })),
      ...Object.entries(tally.skippedByKind).flatMap(([kind, count]) => [
        this.t(`delivery-summary-skipped-${kind}`, { count }),
        // Notice deliveries: how many of them were told why, by the producer's notice.
        ...(tally.told[kind] !== undefined ? [this.t(`delivery-summary-told-${kind}`, { count: tally.told[kind] })] : []),
      ]),
      ...this.producer.summaryExtras(job, this.t, tally),
      this.t("delivery-summary-time", {
        duration: formatDuration(job.active_ms, this.t, job.locale),
        rate: seconds > 0 ? Math.round((tally.sent / seconds) * 10) / 10 : 0,
      }),
    ];
    if (job.restarts > 0) lines.push(this.t("delivery-summary-restarts", { count: job.restarts }));
    if (job.bookkeeping_errors > 0) lines.push(this.t("delivery-summary-bookkeeping", { count: job.bookkeeping_errors }));
    if (tally.failed > 0) lines.push(this.t("delivery-summary-failed-hint"));
    await this.options.api.sendMessage(job.chat_id, lines.join("\n")).catch((error: unknown) => logger.warn({ err: error }, "could not send the summary"));
    logger.info({ job_id: job.id, sent: tally.sent, failed: tally.failed, skipped: tally.skipped, active_ms: job.active_ms }, "delivery job finished");
  }
}
