import type { Db } from "../database.js";

export interface WaitingRow {
  user_id: number;
  since: number;
  wave_id: number;
  told_at: number | null;
}

/**
 * The waiting list: participants left without a ticket because tickets ran
 * out. They are served first, in the order they were left without (since),
 * and told once per wave (told_at belongs to wave_id).
 */
export function createWaitingRepo(db: Db) {
  const byUser = db.prepare<[number], WaitingRow>(`SELECT * FROM waiting_list WHERE user_id = ?`);
  // Left without in this wave: the first time sets their place in the queue;
  // a later wave keeps the place and may tell them again.
  const leftWithout = db.prepare<{ user: number; wave: number; at: number }>(`
    INSERT INTO waiting_list (user_id, since, wave_id, told_at) VALUES (@user, @at, @wave, NULL)
    ON CONFLICT (user_id) DO UPDATE SET
      told_at = CASE WHEN waiting_list.wave_id = excluded.wave_id THEN waiting_list.told_at ELSE NULL END,
      wave_id = excluded.wave_id
  `);
  const markTold = db.prepare<{ user: number; wave: number; at: number }>(
    `UPDATE waiting_list SET told_at = @at WHERE user_id = @user AND wave_id = @wave AND told_at IS NULL`,
  );
  const untell = db.prepare<{ user: number; wave: number }>(`UPDATE waiting_list SET told_at = NULL WHERE user_id = @user AND wave_id = @wave`);
  const remove = db.prepare<[number]>(`DELETE FROM waiting_list WHERE user_id = ?`);
  // Whoever is waiting and has no row in this job yet: the delivery rows are
  // the walk's progress, so a restart continues where it stopped.
  const nextForJob = db.prepare<{ job: number; limit: number }, WaitingRow>(`
    SELECT w.* FROM waiting_list w JOIN users u ON u.id = w.user_id
    WHERE u.registered_at IS NOT NULL AND u.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.job_id = @job AND d.user_id = w.user_id)
    ORDER BY w.since, w.user_id LIMIT @limit
  `);
  const toldInWave = db.prepare<{ wave: number; after: number; limit: number }, WaitingRow>(`
    SELECT * FROM waiting_list WHERE wave_id = @wave AND told_at IS NOT NULL AND user_id > @after ORDER BY user_id LIMIT @limit
  `);
  const countToldInWave = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM waiting_list WHERE wave_id = ? AND told_at IS NOT NULL`);
  const count = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM waiting_list`);

  return {
    of(userId: number): WaitingRow | undefined {
      return byUser.get(userId);
    },
    /** The person got no ticket of this wave: on the list (keeping an earlier place). */
    leftWithout(userId: number, waveId: number, now = Date.now()): WaitingRow {
      leftWithout.run({ user: userId, wave: waveId, at: now });
      return byUser.get(userId)!;
    },
    /** Told of this wave; false when they were told already. */
    markTold(userId: number, waveId: number, now = Date.now()): boolean {
      return markTold.run({ user: userId, wave: waveId, at: now }).changes === 1;
    },
    /** The notice was never attempted after all (a stopped job): they may be told later. */
    untell(userId: number, waveId: number): void {
      untell.run({ user: userId, wave: waveId });
    },
    /** Served (a ticket reached them), or erased. */
    remove(userId: number): boolean {
      return remove.run(userId).changes === 1;
    },
    /** The next people on the list who have no delivery row in this job yet, first come first. */
    nextForJob(jobId: number, limit: number): WaitingRow[] {
      return nextForJob.all({ job: jobId, limit });
    },
    /** People told in this wave that they are waiting, by id after `after` (the wave-ended notice walk). */
    toldInWave(waveId: number, after: number, limit: number): WaitingRow[] {
      return toldInWave.all({ wave: waveId, after, limit });
    },
    countToldInWave(waveId: number): number {
      return countToldInWave.get(waveId)!.n;
    },
    count(): number {
      return count.get()!.n;
    },
  };
}

export type WaitingRepo = ReturnType<typeof createWaitingRepo>;
