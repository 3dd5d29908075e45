import type { Db } from "../database.js";
import { keysetPages } from "./paging.js";

export interface InviteRow {
  code: string;
  created_at: number;
  created_by: number;
  batch_id: number;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: number | null;
  used_by: number | null;
  used_at: number | null;
}

/** An invite as the Invites sheet shows it: who used it, by name (or their erasure). */
export type InviteLine = InviteRow & { used_by_username: string | null; used_by_deleted_at: number | null };

export interface PendingRegistration {
  user_id: number;
  code: string;
  started_at: number;
  expires_at: number;
  consent_at: number | null;
  agreement_version: string | null;
}

export type InviteStatus = "unused" | "used" | "expired" | "revoked";

export function inviteStatus(invite: InviteRow, now = Date.now()): InviteStatus {
  if (invite.used_by !== null) return "used";
  if (invite.revoked_at !== null) return "revoked";
  if (invite.expires_at !== null && invite.expires_at <= now) return "expired";
  return "unused";
}

/** Why /start with a code did not start a registration. */
export type OpenRefusal = "unknown" | "used" | "revoked" | "expired" | "reserved";
export type OpenResult = { ok: true; pending: PendingRegistration } | { ok: false; reason: OpenRefusal };
export type CompleteResult = "registered" | "no_pending" | "code_gone" | "already_registered";

export const RESERVATION_MS = 24 * 60 * 60 * 1000;
export const ATTEMPT_WINDOW_MS = 10 * 60 * 1000;
export const MAX_BAD_ATTEMPTS = 5;
export const LOCKOUT_MS = 10 * 60 * 1000;

/** Invites and everything about turning one into a registration (SPEC §5). */
export function createInvitesRepo(db: Db) {
  const insert = db.prepare<{ code: string; at: number; by: number; batch: number; expires: number | null }>(
    `INSERT INTO invites (code, created_at, created_by, batch_id, expires_at) VALUES (@code, @at, @by, @batch, @expires)`,
  );
  const nextBatch = db.prepare<[], { n: number }>(`SELECT COALESCE(MAX(batch_id), 0) + 1 AS n FROM invites`);
  const get = db.prepare<[string], InviteRow>(`SELECT * FROM invites WHERE code = ?`);
  const all = db.prepare<[], InviteRow>(`SELECT * FROM invites ORDER BY created_at, code`);
  const linesPage = db.prepare<{ at: number; code: string; limit: number }, InviteLine>(`
    SELECT i.*, u.username AS used_by_username, u.deleted_at AS used_by_deleted_at FROM invites i
    LEFT JOIN users u ON u.id = i.used_by
    WHERE (i.created_at, i.code) > (@at, @code) ORDER BY i.created_at, i.code LIMIT @limit
  `);
  const count = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM invites`);
  const revoke = db.prepare<{ code: string; by: number; at: number }>(
    `UPDATE invites SET revoked_at = @at, revoked_by = @by
     WHERE code = @code AND used_by IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at)`,
  );
  const revokeUnused = db.prepare<{ by: number; at: number }>(
    `UPDATE invites SET revoked_at = @at, revoked_by = @by
     WHERE used_by IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at)`,
  );
  const consume = db.prepare<{ code: string; user: number; at: number }>(`
    UPDATE invites SET used_by = @user, used_at = @at
    WHERE code = @code AND used_by IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at)
  `);
  const pendingByUser = db.prepare<[number], PendingRegistration>(`SELECT * FROM pending_registrations WHERE user_id = ?`);
  const pendingByCode = db.prepare<[string], PendingRegistration>(`SELECT * FROM pending_registrations WHERE code = ?`);
  const deletePendingByUser = db.prepare<[number]>(`DELETE FROM pending_registrations WHERE user_id = ?`);
  const deletePendingByCode = db.prepare<[string]>(`DELETE FROM pending_registrations WHERE code = ?`);
  const insertPending = db.prepare<{ user: number; code: string; at: number; expires: number }>(
    `INSERT INTO pending_registrations (user_id, code, started_at, expires_at) VALUES (@user, @code, @at, @expires)`,
  );
  const setConsent = db.prepare<{ user: number; at: number; version: string }>(
    `UPDATE pending_registrations SET consent_at = @at, agreement_version = @version WHERE user_id = @user`,
  );
  const insertRefusal = db.prepare<{ user: number; at: number; version: string }>(
    `INSERT INTO consent_refusals (user_id, at, agreement_version) VALUES (@user, @at, @version)`,
  );
  const insertAttempt = db.prepare<{ user: number; at: number }>(`INSERT INTO code_attempts (user_id, at) VALUES (@user, @at)`);
  const recentAttempts = db.prepare<{ user: number; since: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM code_attempts WHERE user_id = @user AND at > @since`,
  );
  const pruneAttempts = db.prepare<{ before: number }>(`DELETE FROM code_attempts WHERE at <= @before`);
  const getLock = db.prepare<[number], { locked_until: number }>(`SELECT locked_until FROM lockouts WHERE user_id = ?`);
  const setLock = db.prepare<{ user: number; until: number }>(
    `INSERT INTO lockouts (user_id, locked_until) VALUES (@user, @until)
     ON CONFLICT (user_id) DO UPDATE SET locked_until = excluded.locked_until`,
  );
  const dropRevokedReservations = db.prepare(
    `DELETE FROM pending_registrations WHERE code IN (SELECT code FROM invites WHERE revoked_at IS NOT NULL)`,
  );
  const clearAttempts = db.prepare<[number]>(`DELETE FROM code_attempts WHERE user_id = ?`);
  const dropLock = db.prepare<[number]>(`DELETE FROM lockouts WHERE user_id = ?`);
  const dropRefusals = db.prepare<[number]>(`DELETE FROM consent_refusals WHERE user_id = ?`);
  const registerUser = db.prepare<{ id: number; at: number; code: string; consentAt: number; version: string }>(`
    UPDATE users SET registered_at = @at, invite_code = @code, consent_at = @consentAt, agreement_version = @version,
      deleted_at = NULL, registration_seq = (SELECT COALESCE(MAX(registration_seq), 0) + 1 FROM users)
    WHERE id = @id AND registered_at IS NULL
  `);

  return {
    /** Stores a batch of fresh codes in one transaction; returns the batch id. */
    createBatch(codes: readonly string[], by: number, expiresAt: number | null, now = Date.now()): number {
      return db.transaction(() => {
        const batch = nextBatch.get()!.n;
        for (const code of codes) insert.run({ code, at: now, by, batch, expires: expiresAt });
        return batch;
      })();
    },
    find(code: string): InviteRow | undefined {
      return get.get(code);
    },
    all(): InviteRow[] {
      return all.all();
    },
    /** Every invite with the name of who used it, in creation order (the Invites sheet). */
    iterateLines(): Generator<InviteLine> {
      return keysetPages(
        { at: -1, code: "" },
        (after, limit) => linesPage.all({ ...after, limit }),
        (i) => ({ at: i.created_at, code: i.code }),
      );
    },
    count(): number {
      return count.get()!.n;
    },
    revoke(code: string, by: number, now = Date.now()): boolean {
      return db.transaction(() => {
        const changed = revoke.run({ code, by, at: now }).changes === 1;
        if (changed) deletePendingByCode.run(code);
        return changed;
      })();
    },
    revokeUnused(by: number, now = Date.now()): number {
      return db.transaction(() => {
        const n = revokeUnused.run({ by, at: now }).changes;
        dropRevokedReservations.run();
        return n;
      })();
    },

    /** An erasure: the person's registration in progress, refusals, bad attempts and lock-out go. */
    forgetUser(userId: number): void {
      deletePendingByUser.run(userId);
      dropRefusals.run(userId);
      clearAttempts.run(userId);
      dropLock.run(userId);
    },

    /** Seconds-precise lock state: until when this user's codes are ignored (null = not locked). */
    lockedUntil(userId: number, now = Date.now()): number | null {
      const lock = getLock.get(userId);
      return lock && lock.locked_until > now ? lock.locked_until : null;
    },
    /**
     * Counts a refused code. Returns true when this attempt crossed the limit
     * and started a lock-out (the caller records it in the security log).
     */
    recordBadAttempt(userId: number, now = Date.now()): boolean {
      return db.transaction(() => {
        pruneAttempts.run({ before: now - ATTEMPT_WINDOW_MS });
        insertAttempt.run({ user: userId, at: now });
        if (recentAttempts.get({ user: userId, since: now - ATTEMPT_WINDOW_MS })!.n <= MAX_BAD_ATTEMPTS) return false;
        setLock.run({ user: userId, until: now + LOCKOUT_MS });
        clearAttempts.run(userId);
        return true;
      })();
    },

    /**
     * /start CODE: reserves the code for this user (step 4) unless it is
     * unusable or reserved by someone else. Atomic: of two users racing for a
     * code, exactly one gets the reservation.
     */
    open(userId: number, code: string, now = Date.now()): OpenResult {
      return db.transaction((): OpenResult => {
        const invite = get.get(code);
        if (!invite) return { ok: false, reason: "unknown" };
        const status = inviteStatus(invite, now);
        if (status !== "unused") return { ok: false, reason: status };
        const holder = pendingByCode.get(code);
        if (holder && holder.user_id !== userId && holder.expires_at > now) return { ok: false, reason: "reserved" };
        const mine = pendingByUser.get(userId);
        if (mine && mine.code === code && mine.expires_at > now) return { ok: true, pending: mine };
        if (holder) deletePendingByCode.run(code);
        deletePendingByUser.run(userId);
        insertPending.run({ user: userId, code, at: now, expires: now + RESERVATION_MS });
        return { ok: true, pending: pendingByUser.get(userId)! };
      })();
    },
    pending(userId: number, now = Date.now()): PendingRegistration | undefined {
      const row = pendingByUser.get(userId);
      return row && row.expires_at > now ? row : undefined;
    },
    recordConsent(userId: number, version: string, now = Date.now()): PendingRegistration | undefined {
      return db.transaction(() => {
        const row = pendingByUser.get(userId);
        if (!row || row.expires_at <= now) return undefined;
        setConsent.run({ user: userId, at: now, version });
        return pendingByUser.get(userId);
      })();
    },
    /** Decline: the reservation goes, and only the refusal is kept (step 3). */
    decline(userId: number, version: string, now = Date.now()): void {
      db.transaction(() => {
        deletePendingByUser.run(userId);
        insertRefusal.run({ user: userId, at: now, version });
      })();
    },
    /**
     * Consumes the reserved code and makes the user a participant, all in one
     * transaction: the code is used by a complete registration or not at all.
     */
    complete(userId: number, now = Date.now()): CompleteResult {
      return db.transaction((): CompleteResult => {
        const row = pendingByUser.get(userId);
        if (!row || row.expires_at <= now || row.consent_at === null || row.agreement_version === null) {
          return "no_pending";
        }
        if (consume.run({ code: row.code, user: userId, at: now }).changes !== 1) {
          deletePendingByUser.run(userId);
          return "code_gone";
        }
        const changed = registerUser.run({
          id: userId,
          at: now,
          code: row.code,
          consentAt: row.consent_at,
          version: row.agreement_version,
        }).changes;
        if (changed !== 1) throw new Error(`user ${userId} cannot be registered twice`);
        deletePendingByUser.run(userId);
        return "registered";
      })();
    },
  };
}

export type InvitesRepo = ReturnType<typeof createInvitesRepo>;
