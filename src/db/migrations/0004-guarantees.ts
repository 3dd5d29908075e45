import type { Migration } from "./index.js";

/**
 * What "one ticket, one person, whatever the admins do" needs in the schema:
 * - tickets can be `revoked`: bound for good to the person they were meant
 *   for (an erased person whose delivery may have happened), never given to
 *   anyone else;
 * - a delivery records when its latest attempt was claimed (claimed_at), so
 *   an erasure can tell a ticket that certainly never left (back to the pool)
 *   from one that may be on its way (stays bound);
 * - jobs count bookkeeping writes that changed no row, for the summary;
 * - confirmation prompts keep their own arguments, so a button acts on what
 *   its own message said.
 */
export const guarantees: Migration = {
  version: 4,
  name: "guarantees",
  up(db) {
    db.exec(`
      CREATE TABLE tickets_next (
        id            INTEGER PRIMARY KEY,
        wave_id       INTEGER NOT NULL REFERENCES waves (id),
        import_id     INTEGER NOT NULL REFERENCES ticket_imports (id),
        file_name     TEXT NOT NULL,
        path          TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        size          INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('available', 'assigned', 'sent', 'archived', 'missing', 'revoked')),
        user_id       INTEGER,
        held_for      INTEGER,
        assigned_at   INTEGER,
        sent_at       INTEGER,
        message_id    INTEGER,
        file_id       TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT,
        named_key     TEXT,
        named_as      TEXT,
        created_at    INTEGER NOT NULL,
        revoked_at    INTEGER,
        revoke_reason TEXT
      );
      INSERT INTO tickets_next (id, wave_id, import_id, file_name, path, sha256, size, status, user_id, held_for,
        assigned_at, sent_at, message_id, file_id, attempts, last_error, named_key, named_as, created_at)
      SELECT id, wave_id, import_id, file_name, path, sha256, size, status, user_id, held_for,
        assigned_at, sent_at, message_id, file_id, attempts, last_error, named_key, named_as, created_at
      FROM tickets;
      DROP TABLE tickets;
      ALTER TABLE tickets_next RENAME TO tickets;
      CREATE INDEX tickets_wave_status ON tickets (wave_id, status);
      CREATE INDEX tickets_user ON tickets (user_id);
      CREATE INDEX tickets_held_for ON tickets (held_for) WHERE held_for IS NOT NULL;
      CREATE INDEX tickets_named ON tickets (wave_id, named_key) WHERE named_key IS NOT NULL;
      CREATE UNIQUE INDEX tickets_one_per_user ON tickets (wave_id, user_id) WHERE status IN ('assigned', 'sent');

      ALTER TABLE deliveries ADD COLUMN claimed_at INTEGER;
      CREATE INDEX deliveries_user ON deliveries (user_id, status);
      CREATE INDEX deliveries_item ON deliveries (item_id) WHERE item_id IS NOT NULL;
      ALTER TABLE jobs ADD COLUMN bookkeeping_errors INTEGER NOT NULL DEFAULT 0;

      -- A confirmation the bot asked for ("End wave X and open Y?"): the
      -- button carries the prompt's id, the prompt carries the arguments.
      CREATE TABLE prompts (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        payload     TEXT NOT NULL,
        created_by  INTEGER NOT NULL,
        chat_id     INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        resolved_at INTEGER,
        resolution  TEXT
      );
    `);
  },
};
