import type { Db } from "../database.js";

export type WaveStatus = "open" | "confirmed" | "sending" | "ended";

export interface WaveRow {
  id: number;
  name: string;
  status: WaveStatus;
  created_at: number;
  created_by: number;
  confirmed_at: number | null;
  ended_at: number | null;
  ended_by: number | null;
}

/**
 * A wave with its ticket counts and the number of ticket delivery jobs it had
 * (the report's Waves sheet). `tickets_sent` counts every ticket that was
 * delivered, also one revoked afterwards (its person was deleted).
 */
export interface WaveSummary extends WaveRow {
  tickets_total: number;
  tickets_available: number;
  tickets_sent: number;
  tickets_archived: number;
  delivery_jobs: number;
}

/** Waves (SPEC §7): `open` → `confirmed` → `sending` ⇄ `confirmed` → `ended`, one not ended at a time. */
export function createWavesRepo(db: Db) {
  const active = db.prepare<[], WaveRow>(`SELECT * FROM waves WHERE status <> 'ended'`);
  const byId = db.prepare<[number], WaveRow>(`SELECT * FROM waves WHERE id = ?`);
  const all = db.prepare<[], WaveRow>(`SELECT * FROM waves ORDER BY id`);
  const summaries = db.prepare<[], WaveSummary>(`
    SELECT w.*,
      COALESCE(t.total, 0) AS tickets_total, COALESCE(t.available, 0) AS tickets_available,
      COALESCE(t.sent, 0) AS tickets_sent, COALESCE(t.archived, 0) AS tickets_archived,
      (SELECT COUNT(*) FROM jobs j WHERE j.kind = 'tickets' AND j.ref_id = w.id) AS delivery_jobs
    FROM waves w
    LEFT JOIN (
      SELECT wave_id, COUNT(*) AS total, SUM(status = 'available') AS available,
        SUM(sent_at IS NOT NULL) AS sent, SUM(status = 'archived') AS archived
      FROM tickets GROUP BY wave_id
    ) t ON t.wave_id = w.id
    ORDER BY w.id
  `);
  const insert = db.prepare<{ name: string; at: number; by: number }>(
    `INSERT INTO waves (name, status, created_at, created_by) VALUES (@name, 'open', @at, @by)`,
  );
  const setStatus = db.prepare<{ id: number; from: string; to: string }>(`UPDATE waves SET status = @to WHERE id = @id AND status = @from`);
  const confirm = db.prepare<{ id: number; at: number }>(
    `UPDATE waves SET status = 'confirmed', confirmed_at = @at WHERE id = @id AND status IN ('open', 'confirmed')`,
  );
  const end = db.prepare<{ id: number; at: number; by: number }>(
    `UPDATE waves SET status = 'ended', ended_at = @at, ended_by = @by WHERE id = @id AND status IN ('open', 'confirmed')`,
  );

  return {
    /** The wave that has not ended, if any (there is at most one). */
    active(): WaveRow | undefined {
      return active.get();
    },
    byId(id: number): WaveRow | undefined {
      return byId.get(id);
    },
    all(): WaveRow[] {
      return all.all();
    },
    /** Every wave with its counts, in one query (waves are few: no paging). */
    summaries(): WaveSummary[] {
      return summaries.all();
    },
    create(name: string, by: number, now = Date.now()): WaveRow {
      const id = Number(insert.run({ name, at: now, by }).lastInsertRowid);
      return byId.get(id)!;
    },
    /** Moves a wave along its state machine; false when it was not in `from`. */
    transition(id: number, from: WaveStatus, to: WaveStatus): boolean {
      return setStatus.run({ id, from, to }).changes === 1;
    },
    confirm(id: number, now = Date.now()): boolean {
      return confirm.run({ id, at: now }).changes === 1;
    },
    end(id: number, by: number, now = Date.now()): boolean {
      return end.run({ id, at: now, by }).changes === 1;
    },
  };
}

export type WavesRepo = ReturnType<typeof createWavesRepo>;
