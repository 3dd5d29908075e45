import type { Api } from "grammy";
import type { DeliveryRow, JobRow } from "../db/repos/jobs.js";
import type { Translate } from "../i18n.js";
import type { Failure } from "./failures.js";

export interface SendResult {
  messageId: number | null;
  fileId: string | null;
}

/**
 * What a kind of job sends to whom. The engine owns pacing, retries,
 * progress, persistence and resume; a producer only walks its recipients and
 * performs one send. Every method except `send` runs inside the engine's
 * database transaction, so its bookkeeping commits together with the
 * delivery row.
 */
export interface JobProducer {
  /**
   * The next recipients after the job's cursor, in registration order:
   * creates their delivery rows (`jobs.addDelivery`), moves the cursor, and
   * returns the rows to send. `done` when the walk has reached the end.
   */
  prepare(job: JobRow, limit: number): { deliveries: DeliveryRow[]; done: boolean };
  /** One Telegram call; `signal` aborts it when the process must stop. */
  send(api: Api, job: JobRow, delivery: DeliveryRow, signal: AbortSignal): Promise<SendResult>;
  onSent(job: JobRow, delivery: DeliveryRow, result: SendResult): void;
  /** A failed attempt; `final` once the engine will not try this delivery again. */
  onFailed(job: JobRow, delivery: DeliveryRow, failure: Failure, final: boolean): void;
  /** A prepared delivery that was never sent because the job was stopped. */
  onDropped(job: JobRow, delivery: DeliveryRow): void;
  onFinished(job: JobRow, cancelled: boolean): void;
  /** "tickets of wave «Spring»": what the admin's progress messages talk about. */
  describe(job: JobRow, t: Translate): string;
  /** Lines the summary adds after the common counts. */
  summaryExtras(job: JobRow, t: Translate): string[];
}
