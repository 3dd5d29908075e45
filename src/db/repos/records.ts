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

/** The security log and the audit log (SPEC §4, §9). */
export function createRecordsRepo(db: Db) {
  const insertSecurity = db.prepare<{
    at: number;
    user: number | null;
    username: string | null;
    kind: string;
    action: string;
    details: string | null;
  }>(
    `INSERT INTO security_log (at, user_id, username, kind, action, details)
     VALUES (@at, @user, @username, @kind, @action, @details)`,
  );
  const latestSecurity = db.prepare<[number], SecurityEvent>(`SELECT * FROM security_log ORDER BY id DESC LIMIT ?`);
  const securityPage = db.prepare<{ id: number; limit: number }, SecurityEvent>(
    `SELECT * FROM security_log WHERE id > @id ORDER BY id LIMIT @limit`,
  );
  const countSecurity = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM security_log`);
  const forgetSecurityUser = db.prepare<[number]>(`UPDATE security_log SET username = NULL WHERE user_id = ?`);
  const insertAudit = db.prepare<{ at: number; actor: number; action: string; args: string | null; result: string | null }>(
    `INSERT INTO audit_log (at, actor_id, action, args, result) VALUES (@at, @actor, @action, @args, @result)`,
  );

  return {
    security(event: { userId: number | null; username: string | null; kind: SecurityKind; action: string; details?: string }, now = Date.now()): SecurityEvent {
      const id = insertSecurity.run({
        at: now,
        user: event.userId,
        username: event.username,
        kind: event.kind,
        action: event.action,
        details: event.details ?? null,
      }).lastInsertRowid;
      return { id: Number(id), at: now, user_id: event.userId, username: event.username, kind: event.kind, action: event.action, details: event.details ?? null };
    },
    latestSecurity(limit: number): SecurityEvent[] {
      return latestSecurity.all(limit);
    },
    iterateSecurity(): Generator<SecurityEvent> {
      return keysetPages(0, (id, limit) => securityPage.all({ id, limit }), (e) => e.id);
    },
    countSecurity(): number {
      return countSecurity.get()!.n;
    },
    /** /delete_user: the security log keeps the id of the event but not the person's username. */
    forgetSecurityUser(userId: number): void {
      forgetSecurityUser.run(userId);
    },
    audit(entry: { actorId: number; action: string; args?: string; result?: string }, now = Date.now()): void {
      insertAudit.run({ at: now, actor: entry.actorId, action: entry.action, args: entry.args ?? null, result: entry.result ?? null });
    },
  };
}

export type RecordsRepo = ReturnType<typeof createRecordsRepo>;
