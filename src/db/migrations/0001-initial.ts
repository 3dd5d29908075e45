import type { Migration } from "./index.js";

/** People, invites, records and the update inbox (SPEC §4, §5, §9). Times are Unix milliseconds. */
export const initial: Migration = {
  version: 1,
  name: "initial",
  up(db) {
    db.exec(`
      -- Everyone who ever wrote to the bot. A participant has registered_at set;
      -- a deleted participant keeps only the id (history "deleted user #id").
      CREATE TABLE users (
        id                INTEGER PRIMARY KEY,
        username          TEXT,
        first_name        TEXT,
        last_name         TEXT,
        language_code     TEXT,
        first_seen_at     INTEGER NOT NULL,
        last_seen_at      INTEGER NOT NULL,
        registered_at     INTEGER,
        registration_seq  INTEGER UNIQUE,
        invite_code       TEXT,
        consent_at        INTEGER,
        agreement_version TEXT,
        deleted_at        INTEGER,
        blocked_at        INTEGER
      );
      CREATE INDEX users_username ON users (username COLLATE NOCASE);

      CREATE TABLE admins (
        user_id  INTEGER PRIMARY KEY,
        added_by INTEGER NOT NULL,
        added_at INTEGER NOT NULL
      );

      CREATE TABLE invites (
        code       TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        created_by INTEGER NOT NULL,
        batch_id   INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER,
        revoked_by INTEGER,
        used_by    INTEGER,
        used_at    INTEGER
      );
      CREATE INDEX invites_batch ON invites (batch_id);

      -- A registration in progress: the code is reserved for this user until
      -- they finish or the reservation expires (SPEC §5 step 4).
      CREATE TABLE pending_registrations (
        user_id           INTEGER PRIMARY KEY,
        code              TEXT NOT NULL UNIQUE REFERENCES invites (code) ON DELETE CASCADE,
        started_at        INTEGER NOT NULL,
        expires_at        INTEGER NOT NULL,
        consent_at        INTEGER,
        agreement_version TEXT
      );

      CREATE TABLE consent_refusals (
        id                INTEGER PRIMARY KEY,
        user_id           INTEGER NOT NULL,
        at                INTEGER NOT NULL,
        agreement_version TEXT NOT NULL
      );

      CREATE TABLE code_attempts (
        id      INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        at      INTEGER NOT NULL
      );
      CREATE INDEX code_attempts_user ON code_attempts (user_id, at);

      CREATE TABLE lockouts (
        user_id      INTEGER PRIMARY KEY,
        locked_until INTEGER NOT NULL
      );

      CREATE TABLE security_log (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        user_id  INTEGER,
        username TEXT,
        kind     TEXT NOT NULL,
        action   TEXT NOT NULL,
        details  TEXT
      );
      CREATE INDEX security_log_at ON security_log (at);

      CREATE TABLE audit_log (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        actor_id INTEGER NOT NULL,
        action   TEXT NOT NULL,
        args     TEXT,
        result   TEXT
      );

      CREATE TABLE chat_log (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        user_id    INTEGER NOT NULL,
        direction  TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        kind       TEXT NOT NULL,
        message_id INTEGER,
        content    TEXT NOT NULL
      );
      CREATE INDEX chat_log_user ON chat_log (user_id, id);

      -- Updates are stored here before their offset is confirmed to Telegram
      -- and deleted once handled: a crash loses none and repeats none.
      CREATE TABLE update_inbox (
        update_id   INTEGER PRIMARY KEY,
        payload     TEXT NOT NULL,
        received_at INTEGER NOT NULL
      );

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE conversation_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
