import type { Db } from "../database.js";
import { keysetPages } from "./paging.js";

export interface CheckinRow {
  id: number;
  user_id: number;
  ticket_id: number | null;
  at: number;
  by: number;
  method: "scan" | "manual";
  undone_at: number | null;
  undone_by: number | null;
}

export type DoorResult = "admitted" | "already_inside" | "invalid" | "not_allowed";

export interface DoorLogRow {
  id: number;
  at: number;
  by: number;
  pass: string | null;
  user_id: number | null;
  result: DoorResult;
  reason: string | null;
}

/** Check-ins (one person inside at most once) and the log of every attempt at the door. */
export function createCheckinsRepo(db: Db) {
  const insert = db.prepare<{ user: number; ticket: number | null; at: number; by: number; method: string }>(
    `INSERT INTO checkins (user_id, ticket_id, at, by, method) VALUES (@user, @ticket, @at, @by, @method)
     ON CONFLICT (user_id) WHERE undone_at IS NULL DO NOTHING`,
  );
  const inside = db.prepare<[number], CheckinRow>(`SELECT * FROM checkins WHERE user_id = ? AND undone_at IS NULL`);
  const undo = db.prepare<{ user: number; at: number; by: number }>(
    `UPDATE checkins SET undone_at = @at, undone_by = @by WHERE user_id = @user AND undone_at IS NULL`,
  );
  const latest = db.prepare<[number], CheckinRow>(`SELECT * FROM checkins WHERE undone_at IS NULL ORDER BY at DESC, id DESC LIMIT ?`);
  const ofUser = db.prepare<[number], CheckinRow>(`SELECT * FROM checkins WHERE user_id = ? ORDER BY id`);
  const countInside = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM checkins WHERE undone_at IS NULL`);
  const page = db.prepare<{ id: number; limit: number }, CheckinRow>(`SELECT * FROM checkins WHERE id > @id ORDER BY id LIMIT @limit`);
  const insertLog = db.prepare<{ at: number; by: number; pass: string | null; user: number | null; result: string; reason: string | null }>(
    `INSERT INTO door_log (at, by, pass, user_id, result, reason) VALUES (@at, @by, @pass, @user, @result, @reason)`,
  );
  const refusedSince = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM door_log WHERE at >= ? AND result IN ('invalid', 'not_allowed')`);

  return {
    /** Records that the person came in; undefined when they are inside already (two scans at once: exactly one wins). */
    admit(args: { userId: number; ticketId: number | null; by: number; method: "scan" | "manual" }, now = Date.now()): CheckinRow | undefined {
      if (insert.run({ user: args.userId, ticket: args.ticketId, at: now, by: args.by, method: args.method }).changes !== 1) return undefined;
      return inside.get(args.userId);
    },
    inside(userId: number): CheckinRow | undefined {
      return inside.get(userId);
    },
    /** Every check-in of a person, undone ones too (/mydata). */
    ofUser(userId: number): CheckinRow[] {
      return ofUser.all(userId);
    },
    undo(userId: number, by: number, now = Date.now()): boolean {
      return undo.run({ user: userId, at: now, by }).changes === 1;
    },
    latest(limit: number): CheckinRow[] {
      return latest.all(limit);
    },
    countInside(): number {
      return countInside.get()!.n;
    },
    iterate(): Generator<CheckinRow> {
      return keysetPages(0, (id, limit) => page.all({ id, limit }), (c) => c.id);
    },
    log(entry: { by: number; pass?: string | null; userId?: number | null; result: DoorResult; reason?: string | null }, now = Date.now()): void {
      insertLog.run({ at: now, by: entry.by, pass: entry.pass ?? null, user: entry.userId ?? null, result: entry.result, reason: entry.reason ?? null });
    },
    refusedSince(since: number): number {
      return refusedSince.get(since)!.n;
    },
  };
}

export type CheckinsRepo = ReturnType<typeof createCheckinsRepo>;
