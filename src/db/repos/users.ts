import type { Db } from "../database.js";
import type { TicketStatus } from "./tickets.js";

export interface UserRow {
  id: number;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  language_code: string | null;
  first_seen_at: number;
  last_seen_at: number;
  registered_at: number | null;
  registration_seq: number | null;
  invite_code: string | null;
  consent_at: number | null;
  agreement_version: string | null;
  deleted_at: number | null;
  blocked_at: number | null;
}

export interface TelegramProfile {
  id: number;
  username?: string | undefined;
  first_name: string;
  last_name?: string | undefined;
  language_code?: string | undefined;
}

/**
 * A participant as the Participants sheet shows them: when they are inside
 * now, since when and who checked them in; and their ticket of the latest
 * wave that gave them one (assigned, sent, or held for them), if any.
 */
export type ParticipantLine = UserRow & {
  inside_at: number | null;
  inside_by: number | null;
  ticket_file: string | null;
  ticket_status: TicketStatus | null;
};

export function createUsersRepo(db: Db) {
  const upsert = db.prepare<{
    id: number;
    username: string | null;
    first_name: string;
    last_name: string | null;
    language_code: string | null;
    now: number;
  }>(`
    INSERT INTO users (id, username, first_name, last_name, language_code, first_seen_at, last_seen_at)
    VALUES (@id, @username, @first_name, @last_name, @language_code, @now, @now)
    ON CONFLICT (id) DO UPDATE SET
      username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name,
      language_code = excluded.language_code, last_seen_at = excluded.last_seen_at, blocked_at = NULL
  `);
  // Another account may have taken over a username we still hold for someone
  // else: Telegram usernames are unique at any moment, so the stale copy goes.
  const releaseUsername = db.prepare<{ id: number; username: string }>(
    `UPDATE users SET username = NULL WHERE username = @username COLLATE NOCASE AND id <> @id`,
  );
  // Someone who is neither a participant nor an organiser is known by id only
  // (SPEC §11): no names, no language, nothing they wrote.
  const seen = db.prepare<{ id: number; now: number }>(`
    INSERT INTO users (id, first_seen_at, last_seen_at) VALUES (@id, @now, @now)
    ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at
  `);
  const forgetProfile = db.prepare<[number]>(
    `UPDATE users SET username = NULL, first_name = NULL, last_name = NULL, language_code = NULL, blocked_at = NULL WHERE id = ?`,
  );
  const identifiedVisitors = db.prepare<[string], { id: number }>(`
    SELECT id FROM users
    WHERE registered_at IS NULL AND id NOT IN (SELECT user_id FROM admins) AND id NOT IN (SELECT value FROM json_each(?))
      AND (username IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR language_code IS NOT NULL)
  `);
  const byId = db.prepare<[number], UserRow>(`SELECT * FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(
    `SELECT * FROM users WHERE username = ? COLLATE NOCASE ORDER BY last_seen_at DESC LIMIT 1`,
  );
  const erase = db.prepare<{ id: number; at: number }>(`
    UPDATE users SET username = NULL, first_name = NULL, last_name = NULL, language_code = NULL,
      registered_at = NULL, invite_code = NULL, consent_at = NULL,
      agreement_version = NULL, blocked_at = NULL, deleted_at = @at
    WHERE id = @id
  `);
  const participantsPage = db.prepare<{ after: number; limit: number }, UserRow>(`
    SELECT * FROM users WHERE registration_seq > @after AND registered_at IS NOT NULL
    ORDER BY registration_seq LIMIT @limit
  `);
  const participantsWithCheckIn = db.prepare<{ after: number; limit: number }, ParticipantLine>(`
    SELECT u.*, c.at AS inside_at, c.by AS inside_by, t.file_name AS ticket_file, t.status AS ticket_status FROM users u
    LEFT JOIN checkins c ON c.user_id = u.id AND c.undone_at IS NULL
    LEFT JOIN tickets t ON t.id = (
      SELECT x.id FROM tickets x
      WHERE (x.user_id = u.id AND x.status IN ('assigned', 'sent')) OR (x.held_for = u.id AND x.status = 'available')
      ORDER BY x.wave_id DESC, x.id DESC LIMIT 1
    )
    WHERE u.registration_seq > @after AND u.registered_at IS NOT NULL
    ORDER BY u.registration_seq LIMIT @limit
  `);
  const countParticipants = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL AND id NOT IN (SELECT value FROM json_each(?))`,
  );
  const markBlocked = db.prepare<{ id: number; at: number }>(
    `UPDATE users SET blocked_at = @at WHERE id = @id AND blocked_at IS NULL`,
  );
  const markReachable = db.prepare<[number]>(`UPDATE users SET blocked_at = NULL WHERE id = ? AND blocked_at IS NOT NULL`);

  return {
    /** Records the sender of an update and refreshes their username and names (SPEC §5 step 5). */
    touch(profile: TelegramProfile, now = Date.now()): void {
      db.transaction(() => {
        if (profile.username) releaseUsername.run({ id: profile.id, username: profile.username });
        upsert.run({
          id: profile.id,
          username: profile.username ?? null,
          first_name: profile.first_name,
          last_name: profile.last_name ?? null,
          language_code: profile.language_code ?? null,
          now,
        });
      })();
    },
    /** Someone wrote who is not (or not yet) a participant or an organiser: only the id and when. */
    seen(id: number, now = Date.now()): void {
      seen.run({ id, now });
    },
    /** Drops the names, username and language of someone the bot should know by id only. */
    forgetProfile(id: number): void {
      forgetProfile.run(id);
    },
    /** People stored with a profile who are neither participants, admins nor founders (data kept by older versions). */
    identifiedVisitors(founderIds: readonly number[]): number[] {
      return identifiedVisitors.all(JSON.stringify(founderIds)).map((row) => row.id);
    },
    findById(id: number): UserRow | undefined {
      return byId.get(id);
    },
    findByUsername(username: string): UserRow | undefined {
      return byUsername.get(username.replace(/^@/, ""));
    },
    isParticipant(id: number): boolean {
      return byId.get(id)?.registered_at != null;
    },
    /**
     * Wipes personal data, keeping the id so ticket history reads "deleted user
     * #id". registration_seq stays so that sequence numbers are never reused
     * (a delivery job's cursor relies on them only growing).
     */
    erase(id: number, now = Date.now()): void {
      erase.run({ id, at: now });
    },
    /** Participants in registration order, a page at a time (the delivery walk and reports). */
    participantsAfter(seq: number, limit: number): UserRow[] {
      return participantsPage.all({ after: seq, limit });
    },
    /** Participants in registration order with their check-in if they are inside now (the Participants sheet), a page at a time. */
    *iterateParticipants(pageSize = 1000): Generator<ParticipantLine> {
      let after = 0;
      for (;;) {
        const page = participantsWithCheckIn.all({ after, limit: pageSize });
        if (page.length === 0) return;
        yield* page;
        after = page[page.length - 1]!.registration_seq!;
      }
    },
    /** Registered participants, leaving out the given ids (organisers, for the people deliveries go to). */
    countParticipants(except: readonly number[] = []): number {
      return countParticipants.get(JSON.stringify(except))!.n;
    },
    markBlocked(id: number, now = Date.now()): void {
      markBlocked.run({ id, at: now });
    },
    /** A message reached them: whatever blocked the bot before, it does not now. */
    markReachable(id: number): void {
      markReachable.run(id);
    },
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
