import type { Api } from "grammy";
import type { DeliveryRow, JobRow, JobTally } from "../db/repos/jobs.js";
import type { Translate } from "../i18n.js";
import type { Failure } from "./failures.js";

export interface SendResult {
  messageId: number | null;
  fileId: string | null;
}

/**
 * Why a delivery that was due is not sent after all (stored as the skipped
 * row's error_kind and counted in the summary):
 * no_ticket — nothing left to give this person;
 * erased — the person was deleted (or left) after the job was queued;
 * not_recipient — no longer someone this job may send to;
 * staff — became an admin or staff member (they receive no tickets);
 * ticket_changed — the ticket is no longer the one the job assigned;
 * stopped — the job was stopped while this send's outcome was unknown.
 */
export type SkipReason = "no_ticket" | "erased" | "not_recipient" | "staff" | "ticket_changed" | "stopped";

/**
 * What a kind of job sends to whom. The engine owns pacing, retries,
 * progress, persistence and resume; a producer only walks its recipients,
 * re-checks one delivery and performs one send. Every method except `send`
 * runs inside the engine's database transaction, so its bookkeeping commits
 * together with the delivery row.
 *
 * The bookkeeping methods return whether their writes found the rows they
 * expected; false is reported as a bookkeeping error in the summary (a write
 * that silently changed nothing once let a ticket reach two people).
 */
export interface JobProducer {
  /**
   * The next recipients after the job's cursor, in registration order:
   * creates their delivery rows (`jobs.addDelivery`), moves the cursor, and
   * returns the rows to send. `done` when the walk has reached the end.
   */
  prepare(job: JobRow, limit: number): { deliveries: DeliveryRow[]; done: boolean };
  /**
   * Right before every send and every retry: is this delivery still what the
   * job assigned (the recipient still someone to send to, the item still
   * theirs)? Anything but "ok" skips it with that reason.
   */
  recheck(job: JobRow, delivery: DeliveryRow): "ok" | SkipReason;
  /** One Telegram call; `signal` aborts it when the process must stop. */
  send(api: Api, job: JobRow, delivery: DeliveryRow, signal: AbortSignal): Promise<SendResult>;
  onSent(job: JobRow, delivery: DeliveryRow, result: SendResult): boolean;
  /** A failed attempt; `final` once the engine will not try this delivery again. */
  onFailed(job: JobRow, delivery: DeliveryRow, failure: Failure, final: boolean): boolean;
  /** A due delivery that will not be sent (see recheck); `claimed_at` tells whether an earlier attempt may have left. */
  onSkipped(job: JobRow, delivery: DeliveryRow): void;
  /** A prepared delivery that was never attempted because the job was stopped. */
  onDropped(job: JobRow, delivery: DeliveryRow): void;
  onFinished(job: JobRow, cancelled: boolean): void;
  /**
   * A job that reports to nobody: no progress message, no summary (its
   * outcome stays in its delivery rows and /failed_report). E.g. notices
   * queued by an admin action whose own answer already said what follows.
   */
  quiet?(job: JobRow): boolean;
  /** "tickets of wave «Spring»": what the admin's progress messages talk about. */
  describe(job: JobRow, t: Translate): string;
  /** Lines the summary adds after the common counts (the tally is the job's final one). */
  summaryExtras(job: JobRow, t: Translate, tally: JobTally): string[];
}
