import type { Migration } from "./index.js";

/** Broadcasts (SPEC §6 /broadcast): a draft until an admin confirms the preview, then a delivery job. */
export const broadcasts: Migration = {
  version: 3,
  name: "broadcasts",
  up(db) {
    db.exec(`
      -- text: sent with sendMessage (text and entities stored here);
      -- copy: copyMessage of the admin's message, optionally with a new caption.
      CREATE TABLE broadcasts (
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
        status             TEXT NOT NULL CHECK (status IN ('draft', 'sending', 'sent', 'stopped', 'cancelled')),
        control_message_id INTEGER,
        job_id             INTEGER REFERENCES jobs (id)
      );
    `);
  },
};
