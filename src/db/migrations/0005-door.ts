import type { Migration } from "./index.js";

/**
 * The event day (the "door" issue): door staff, a personal entry pass per
 * sent ticket, check-ins and a log of every scan. A pass is valid while its
 * ticket is sent and its person not erased: reissuing or erasing revokes the
 * ticket, and with it the pass, without a column of its own.
 */
export const door: Migration = {
  version: 5,
  name: "door",
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        user_id  INTEGER PRIMARY KEY,
        added_by INTEGER NOT NULL,
        added_at INTEGER NOT NULL
      );

      -- "pass_" + 32 hex characters (128 random bits): never the shape of an
      -- invite code (22 characters of base64url).
      CREATE TABLE passes (
        code       TEXT PRIMARY KEY,
        ticket_id  INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
        user_id    INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX passes_user ON passes (user_id);
      -- Tickets sent before this release get their passes now.
      INSERT INTO passes (code, ticket_id, user_id, created_at)
        SELECT 'pass_' || lower(hex(randomblob(16))), id, user_id, COALESCE(sent_at, created_at)
        FROM tickets WHERE status = 'sent' AND user_id IS NOT NULL;

      -- One person is inside at most once: an undone check-in frees the slot.
      CREATE TABLE checkins (
        id        INTEGER PRIMARY KEY,
        user_id   INTEGER NOT NULL,
        ticket_id INTEGER,
        at        INTEGER NOT NULL,
        by        INTEGER NOT NULL,
        method    TEXT NOT NULL CHECK (method IN ('scan', 'manual')),
        undone_at INTEGER,
        undone_by INTEGER
      );
      CREATE UNIQUE INDEX checkins_one_inside ON checkins (user_id) WHERE undone_at IS NULL;
      CREATE INDEX checkins_at ON checkins (at);

      -- Every scan and manual check-in attempt, with what the door said.
      CREATE TABLE door_log (
        id      INTEGER PRIMARY KEY,
        at      INTEGER NOT NULL,
        by      INTEGER NOT NULL,
        pass    TEXT,
        user_id INTEGER,
        result  TEXT NOT NULL CHECK (result IN ('admitted', 'already_inside', 'invalid', 'not_allowed')),
        reason  TEXT
      );
      CREATE INDEX door_log_at ON door_log (at);

      -- A reissue sends one ticket to one person: the job sends the deliveries
      -- queued with it and walks nobody.
      ALTER TABLE jobs ADD COLUMN scope TEXT NOT NULL DEFAULT 'wave' CHECK (scope IN ('wave', 'queued'));
    `);
  },
};
