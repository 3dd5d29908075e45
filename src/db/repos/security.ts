import type { Db } from "../database.js";
import { keysetPages } from "./paging.js";

export interface SecurityEvent {
  id: number;
  at: number;
  user_id: number | null;
  username: string | null;
  kind: SecurityKind;
  action: string;
  details: string | null;
}

/** unauthorized: an admin command or button without the right; lockout: too many bad invite codes. */
export type SecurityKind = "unauthorized" | "lockout";

/** The security log (SPEC §4): unauthorized attempts and invite lock-outs. */
export function createSecurityRepo(db: Db) {
  const insert = db.prepare<{ at: number; user: number | null; username: string | null; kind: string; action: string; details: string | null }>(
    `INSERT INTO security_log (at, user_id, username, kind, action, details) VALUES (@at, @user, @username, @kind, @action, @details)`,
  );
  const latest = db.prepare<[number], SecurityEvent>(`SELECT * FROM security_log ORDER BY id DESC LIMIT ?`);
  const page = db.prepare<{ id: number; limit: number }, SecurityEvent>(`SELECT * FROM security_log WHERE id > @id ORDER BY id LIMIT @limit`);
  const count = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM security_log`);
  const forgetUser = db.prepare<[number]>(`UPDATE security_log SET username = NULL WHERE user_id = ?`);

  return {
    record(event: { userId: number | null; username: string | null; kind: SecurityKind; action: string; details?: string }, now = Date.now()): SecurityEvent {
      const details = event.details ?? null;
      const id = insert.run({ at: now, user: event.userId, username: event.username, kind: event.kind, action: event.action, details }).lastInsertRowid;
      return { id: Number(id), at: now, user_id: event.userId, username: event.username, kind: event.kind, action: event.action, details };
    },
    latest(limit: number): SecurityEvent[] {
      return latest.all(limit);
    },
    iterate(): Generator<SecurityEvent> {
      return keysetPages(0, (id, limit) => page.all({ id, limit }), (e) => e.id);
    },
    count(): number {
      return count.get()!.n;
    },
    /** An erasure: the log keeps the event and the id, not the person's username. */
    forgetUser(userId: number): void {
      forgetUser.run(userId);
    },
  };
}

export type SecurityRepo = ReturnType<typeof createSecurityRepo>;
