import type { Db } from "../database.js";
import { keysetPages, pageAcrossGroups } from "./paging.js";

export type JobKind = "tickets" | "broadcast";
export type JobStatus = "queued" | "running" | "done" | "cancelled";

export interface JobRow {
  id: number;
  kind: JobKind;
  ref_id: number;
  status: JobStatus;
  phase: "main" | "retry";
  cursor: number;
  total: number;
  started_by: number;
  chat_id: number;
  locale: string;
  progress_message_id: number | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  active_ms: number;
  restarts: number;
  stop_requested: number;
  /** Outcomes whose bookkeeping changed no row (see the engine): reported in the summary. */
  bookkeeping_errors: number;
  /** wave: walks every participant; queued: sends only the deliveries queued with the job (a reissue). */
  scope: "wave" | "queued";
  /** Set for a job of notices only (e.g. wave_ended): what its deliveries tell. */
  notice: string | null;
}

export type DeliveryStatus = "pending" | "sent" | "retry" | "failed" | "skipped";

export interface DeliveryRow {
  id: number;
  job_id: number;
  user_id: number;
  item_id: number | null;
  status: DeliveryStatus;
  attempts: number;
  error_kind: string | null;
  error: string | null;
  message_id: number | null;
  file_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** When the latest attempt was claimed: set, the send may have left (in flight, or its outcome unknown). */
  claimed_at: number | null;
  /**
   * Set when the delivery tells its person why they get no item instead of
   * sending one (no_ticket, wave_ended): the producer decides what it says.
   */
  notice: string | null;
}

/**
 * A job's outcome. A notice delivery is counted as what it stands for: a
 * person who got no item, for the notice's reason (skippedByKind), and in
 * `told` once it reached them — never in `sent` or `failed`, which count
 * the job's items.
 */
export interface JobTally {
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  retry: number;
  failedByKind: Record<string, number>;
  skippedByKind: Record<string, number>;
  told: Record<string, number>;
}

export interface FailedDelivery extends DeliveryRow {
  kind: JobKind;
  ref_id: number;
}

/**
 * The delivery engine's state: jobs and one delivery row per recipient. Knows
 * nothing of tickets or broadcasts (item_id is whatever the producer sends).
 */
export function createJobsRepo(db: Db) {
  const insertJob = db.prepare<{ kind: string; ref: number; by: number; chat: number; locale: string; total: number; scope: string; notice: string | null; at: number }>(
    `INSERT INTO jobs (kind, ref_id, status, started_by, chat_id, locale, total, scope, notice, created_at)
     VALUES (@kind, @ref, 'queued', @by, @chat, @locale, @total, @scope, @notice, @at)`,
  );
  const byId = db.prepare<[number], JobRow>(`SELECT * FROM jobs WHERE id = ?`);
  const next = db.prepare<[], JobRow>(`SELECT * FROM jobs WHERE status IN ('running', 'queued') ORDER BY status = 'running' DESC, id LIMIT 1`);
  const unfinished = db.prepare<[], JobRow>(`SELECT * FROM jobs WHERE status IN ('running', 'queued') ORDER BY id`);
  const start = db.prepare<{ id: number; at: number }>(
    `UPDATE jobs SET status = 'running', started_at = COALESCE(started_at, @at) WHERE id = @id AND status IN ('queued', 'running')`,
  );
  const countRestart = db.prepare<[number]>(`UPDATE jobs SET restarts = restarts + 1 WHERE id = ?`);
  const setCursor = db.prepare<{ id: number; cursor: number }>(`UPDATE jobs SET cursor = @cursor WHERE id = @id`);
  const setPhase = db.prepare<{ id: number; phase: string }>(`UPDATE jobs SET phase = @phase WHERE id = @id`);
  const addActive = db.prepare<{ id: number; ms: number }>(`UPDATE jobs SET active_ms = active_ms + @ms WHERE id = @id`);
  const setProgressMessage = db.prepare<{ id: number; message: number }>(`UPDATE jobs SET progress_message_id = @message WHERE id = @id`);
  const finish = db.prepare<{ id: number; status: string; at: number }>(
    `UPDATE jobs SET status = @status, finished_at = @at WHERE id = @id AND status IN ('queued', 'running')`,
  );
  const requestStop = db.prepare<[number]>(`UPDATE jobs SET stop_requested = 1 WHERE id = ? AND status IN ('queued', 'running')`);
  const latestOf = db.prepare<{ kind: string; ref: number }, JobRow>(
    `SELECT * FROM jobs WHERE kind = @kind AND ref_id = @ref ORDER BY id DESC LIMIT 1`,
  );

  // One row per recipient of a job: a person already queued (an admin of a
  // broadcast who has since become a plain participant) is not queued twice.
  const insertDelivery = db.prepare<{ job: number; user: number; item: number | null; status: string; kind: string | null; notice: string | null; at: number }>(
    `INSERT INTO deliveries (job_id, user_id, item_id, status, error_kind, notice, created_at, updated_at)
     VALUES (@job, @user, @item, @status, @kind, @notice, @at, @at) ON CONFLICT (job_id, user_id) DO NOTHING`,
  );
  const hasDelivery = db.prepare<{ job: number; user: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM deliveries WHERE job_id = @job AND user_id = @user`,
  );
  // A claimed row is 'pending' while its send is in flight: 'retry' always
  // means "waiting for the next round", never "on its way".
  const claim = db.prepare<{ id: number; at: number }>(
    `UPDATE deliveries SET status = 'pending', claimed_at = @at WHERE id = @id AND status IN ('pending', 'retry')`,
  );
  const skip = db.prepare<{ id: number; kind: string; at: number }>(
    `UPDATE deliveries SET status = 'skipped', error_kind = @kind, updated_at = @at WHERE id = @id AND status IN ('pending', 'retry')`,
  );
  const openOfUser = db.prepare<[number], DeliveryRow>(`
    SELECT d.* FROM deliveries d JOIN jobs j ON j.id = d.job_id
    WHERE d.user_id = ? AND d.status IN ('pending', 'retry') AND j.status IN ('queued', 'running')
    ORDER BY d.id
  `);
  const latestOfItem = db.prepare<{ item: number; user: number }, DeliveryRow>(
    `SELECT * FROM deliveries WHERE item_id = @item AND user_id = @user ORDER BY id DESC LIMIT 1`,
  );
  const lastFailureOf = db.prepare<[number], DeliveryRow>(
    `SELECT * FROM deliveries WHERE user_id = ? AND status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT 1`,
  );
  const countBookkeepingError = db.prepare<[number]>(`UPDATE jobs SET bookkeeping_errors = bookkeeping_errors + 1 WHERE id = ?`);
  const deliveryById = db.prepare<[number], DeliveryRow>(`SELECT * FROM deliveries WHERE id = ?`);
  const withStatus = db.prepare<{ job: number; status: string }, DeliveryRow>(
    `SELECT * FROM deliveries WHERE job_id = @job AND status = @status ORDER BY id`,
  );
  const markSent = db.prepare<{ id: number; message: number | null; file: string | null; at: number }>(
    `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, message_id = @message, file_id = @file,
       sent_at = @at, updated_at = @at, error_kind = NULL, error = NULL
     WHERE id = @id AND status IN ('pending', 'retry')`,
  );
  const markFailure = db.prepare<{ id: number; status: string; kind: string; error: string; at: number }>(
    `UPDATE deliveries SET status = @status, attempts = attempts + 1, error_kind = @kind, error = @error, updated_at = @at
     WHERE id = @id AND status IN ('pending', 'retry')`,
  );
  const giveUp = db.prepare<{ id: number; at: number }>(
    `UPDATE deliveries SET status = 'failed', updated_at = @at WHERE id = @id AND status = 'retry'`,
  );
  const drop = db.prepare<[number]>(`DELETE FROM deliveries WHERE id = ? AND status = 'pending' AND claimed_at IS NULL`);
  const tally = db.prepare<[number], { status: DeliveryStatus; error_kind: string | null; notice: string | null; n: number }>(
    `SELECT status, error_kind, notice, COUNT(*) AS n FROM deliveries WHERE job_id = ? GROUP BY status, error_kind, notice`,
  );
  // Failed deliveries in (updated_at, id) order: the rest of the same time, then later times.
  const failedSameTime = db.prepare<{ at: number; id: number; limit: number }, FailedDelivery>(`
    SELECT d.*, j.kind, j.ref_id FROM deliveries d INDEXED BY deliveries_failed_order JOIN jobs j ON j.id = d.job_id
    WHERE d.status = 'failed' AND d.updated_at = @at AND d.id > @id ORDER BY d.id LIMIT @limit
  `);
  const failedLater = db.prepare<{ at: number; limit: number }, FailedDelivery>(`
    SELECT d.*, j.kind, j.ref_id FROM deliveries d INDEXED BY deliveries_failed_order JOIN jobs j ON j.id = d.job_id
    WHERE d.status = 'failed' AND d.updated_at > @at ORDER BY d.updated_at, d.id LIMIT @limit
  `);
  const failedPage = pageAcrossGroups<FailedDelivery, { at: number; id: number }>(
    (after, limit) => failedSameTime.all({ ...after, limit }),
    (after, limit) => failedLater.all({ at: after.at, limit }),
  );

  return {
    create(
      args: { kind: JobKind; refId: number; startedBy: number; chatId: number; locale: string; total: number; scope?: "wave" | "queued"; notice?: string },
      now = Date.now(),
    ): JobRow {
      const row = {
        kind: args.kind,
        ref: args.refId,
        by: args.startedBy,
        chat: args.chatId,
        locale: args.locale,
        total: args.total,
        scope: args.scope ?? "wave",
        notice: args.notice ?? null,
        at: now,
      };
      const id = Number(insertJob.run(row).lastInsertRowid);
      return byId.get(id)!;
    },
    byId(id: number): JobRow | undefined {
      return byId.get(id);
    },
    /** The job to work on: a running one (resumed after a restart) before queued ones. */
    next(): JobRow | undefined {
      return next.get();
    },
    unfinished(): JobRow[] {
      return unfinished.all();
    },
    latestOf(kind: JobKind, refId: number): JobRow | undefined {
      return latestOf.get({ kind, ref: refId });
    },
    start(id: number, resumed: boolean, now = Date.now()): void {
      start.run({ id, at: now });
      if (resumed) countRestart.run(id);
    },
    setCursor(id: number, cursor: number): void {
      setCursor.run({ id, cursor });
    },
    setPhase(id: number, phase: "main" | "retry"): void {
      setPhase.run({ id, phase });
    },
    addActiveTime(id: number, ms: number): void {
      addActive.run({ id, ms: Math.round(ms) });
    },
    setProgressMessage(id: number, messageId: number): void {
      setProgressMessage.run({ id, message: messageId });
    },
    finish(id: number, status: "done" | "cancelled", now = Date.now()): void {
      finish.run({ id, status, at: now });
    },
    requestStop(id: number): boolean {
      return requestStop.run(id).changes === 1;
    },

    /**
     * Records a recipient; `skipped` rows carry the reason (e.g. no ticket
     * left), notice rows what they tell instead of an item. Undefined when
     * the person already has a row in this job.
     */
    addDelivery(
      args: { jobId: number; userId: number; itemId: number | null; status: "pending" | "skipped"; errorKind?: string; notice?: string },
      now = Date.now(),
    ): number | undefined {
      const result = insertDelivery.run({
        job: args.jobId,
        user: args.userId,
        item: args.itemId,
        status: args.status,
        kind: args.errorKind ?? null,
        notice: args.notice ?? null,
        at: now,
      });
      return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
    },
    hasDelivery(jobId: number, userId: number): boolean {
      return hasDelivery.get({ job: jobId, user: userId })!.n > 0;
    },
    /** The attempt starts: from now on the send may have left. False when the row is no longer due. */
    claim(id: number, now = Date.now()): boolean {
      return claim.run({ id, at: now }).changes === 1;
    },
    /** A due delivery that will not be sent, with the reason (the recipient was erased, the ticket changed …). */
    skip(id: number, kind: string, now = Date.now()): boolean {
      return skip.run({ id, kind, at: now }).changes === 1;
    },
    /** Deliveries to this person still due in unfinished jobs (pending or waiting for a retry). */
    openDeliveriesOf(userId: number): DeliveryRow[] {
      return openOfUser.all(userId);
    },
    /** The latest delivery of an item (a ticket) to a person. */
    latestDeliveryOf(itemId: number, userId: number): DeliveryRow | undefined {
      return latestOfItem.get({ item: itemId, user: userId });
    },
    /** The latest delivery that did not reach this person (the person card). */
    lastFailureOf(userId: number): DeliveryRow | undefined {
      return lastFailureOf.get(userId);
    },
    countBookkeepingError(jobId: number): void {
      countBookkeepingError.run(jobId);
    },
    delivery(id: number): DeliveryRow | undefined {
      return deliveryById.get(id);
    },
    deliveriesWithStatus(jobId: number, status: DeliveryStatus): DeliveryRow[] {
      return withStatus.all({ job: jobId, status });
    },
    markSent(id: number, result: { messageId: number | null; fileId: string | null }, now = Date.now()): boolean {
      return markSent.run({ id, message: result.messageId, file: result.fileId, at: now }).changes === 1;
    },
    markFailure(id: number, status: "retry" | "failed", kind: string, error: string, now = Date.now()): boolean {
      return markFailure.run({ id, status, kind, error: error.slice(0, 500), at: now }).changes === 1;
    },
    giveUp(id: number, now = Date.now()): boolean {
      return giveUp.run({ id, at: now }).changes === 1;
    },
    /** A prepared delivery that was never attempted (the job was stopped); false for one that may have left. */
    dropPending(id: number): boolean {
      return drop.run(id).changes === 1;
    },
    tally(jobId: number): JobTally {
      const result: JobTally = { sent: 0, failed: 0, skipped: 0, pending: 0, retry: 0, failedByKind: {}, skippedByKind: {}, told: {} };
      for (const row of tally.all(jobId)) {
        if (row.notice !== null) {
          result.skipped += row.n;
          result.skippedByKind[row.notice] = (result.skippedByKind[row.notice] ?? 0) + row.n;
          if (row.status === "sent") result.told[row.notice] = (result.told[row.notice] ?? 0) + row.n;
          continue;
        }
        result[row.status] += row.n;
        const byKind = row.status === "failed" ? result.failedByKind : row.status === "skipped" ? result.skippedByKind : undefined;
        if (byKind && row.error_kind) byKind[row.error_kind] = (byKind[row.error_kind] ?? 0) + row.n;
      }
      return result;
    },
    iterateFailed(): Generator<FailedDelivery> {
      return keysetPages(
        { at: -1, id: 0 },
        failedPage,
        (d) => ({ at: d.updated_at, id: d.id }),
      );
    },
  };
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
