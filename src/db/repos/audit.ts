import type { Db } from "../database.js";

/** The audit log (SPEC §9): every admin action — who, what, arguments, result. */
export function createAuditRepo(db: Db) {
  const insert = db.prepare<{ at: number; actor: number; action: string; args: string | null; result: string | null }>(
    `INSERT INTO audit_log (at, actor_id, action, args, result) VALUES (@at, @actor, @action, @args, @result)`,
  );
  return {
    record(entry: { actorId: number; action: string; args?: string; result?: string }, now = Date.now()): void {
      insert.run({ at: now, actor: entry.actorId, action: entry.action, args: entry.args ?? null, result: entry.result ?? null });
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
