import type { Migration } from "./index.js";

/**
 * The organiser's overview (issue 16): an announcement goes to a chosen
 * audience, and may wait for a chosen moment. SQLite cannot widen a CHECK
 * constraint in place, so the table is rebuilt with the new status
 * "scheduled", the audience, the moment and the locale its job will speak.
 */
export const announcements: Migration = {
  version: 8,
  name: "announcements",
  up(db) {
    db.exec(`
      CREATE TABLE broadcasts_new (
        id                 INTEGER PRIMARY KEY,
        kind               TEXT NOT NULL CHECK (kind IN ('text', 'copy')),
        created_by         INTEGER NOT NULL,
        created_at         INTEGER NOT NULL,
        chat_id            INTEGER NOT NULL,
        source_message_id  INTEGER,
        text               TEXT,
        entities           TEXT,
        caption            TEXT,
        caption_entities   TEXT,
        summary            TEXT NOT NULL,
        include_admins     INTEGER NOT NULL DEFAULT 0,
        audience           TEXT NOT NULL DEFAULT 'everyone'
                           CHECK (audience IN ('everyone', 'without_ticket', 'with_ticket', 'not_checked_in', 'waiting')),
        status             TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'stopped', 'cancelled')),
        scheduled_at       INTEGER,
        scheduled_by       INTEGER,
        locale             TEXT,
        control_message_id INTEGER,
        job_id             INTEGER REFERENCES jobs (id)
      );
      INSERT INTO broadcasts_new (id, kind, created_by, created_at, chat_id, source_message_id, text, entities, caption,
        caption_entities, summary, include_admins, status, control_message_id, job_id)
        SELECT id, kind, created_by, created_at, chat_id, source_message_id, text, entities, caption,
          caption_entities, summary, include_admins, status, control_message_id, job_id FROM broadcasts;
      DROP TABLE broadcasts;
      ALTER TABLE broadcasts_new RENAME TO broadcasts;
      CREATE INDEX broadcasts_scheduled ON broadcasts (scheduled_at) WHERE status = 'scheduled';
    `);
  },
};
