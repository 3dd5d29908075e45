import type { Migration } from "./index.js";

/** Waves, tickets and the delivery engine's persistent state (SPEC §7, §8). */
export const wavesAndDelivery: Migration = {
  version: 2,
  name: "waves-and-delivery",
  up(db) {
    db.exec(`
      CREATE TABLE waves (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'sending', 'ended')),
        created_at   INTEGER NOT NULL,
        created_by   INTEGER NOT NULL,
        confirmed_at INTEGER,
        ended_at     INTEGER,
        ended_by     INTEGER
      );
      -- One wave at a time: every not-ended wave has the same index value.
      CREATE UNIQUE INDEX waves_one_active ON waves ((status <> 'ended')) WHERE status <> 'ended';

      CREATE TABLE ticket_imports (
        id          INTEGER PRIMARY KEY,
        wave_id     INTEGER NOT NULL REFERENCES waves (id),
        at          INTEGER NOT NULL,
        by          INTEGER NOT NULL,
        source      TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        mode        TEXT NOT NULL CHECK (mode IN ('replace', 'add')),
        imported    INTEGER NOT NULL,
        archived    INTEGER NOT NULL
      );

      -- status: available → assigned → sent; available → archived at wave end;
      -- missing: the file vanished from disk. held_for: after a delivery whose
      -- outcome is unknown (network error), only that person may get it.
      -- named_key: a manifest named its owner ("id:123" or "username:anna").
      CREATE TABLE tickets (
        id            INTEGER PRIMARY KEY,
        wave_id       INTEGER NOT NULL REFERENCES waves (id),
        import_id     INTEGER NOT NULL REFERENCES ticket_imports (id),
        file_name     TEXT NOT NULL,
        path          TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        size          INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('available', 'assigned', 'sent', 'archived', 'missing')),
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
        created_at    INTEGER NOT NULL
      );
      CREATE INDEX tickets_wave_status ON tickets (wave_id, status);
      CREATE INDEX tickets_user ON tickets (user_id);
      CREATE INDEX tickets_named ON tickets (wave_id, named_key) WHERE named_key IS NOT NULL;
      -- One ticket per participant per wave; a ticket is held by one person.
      CREATE UNIQUE INDEX tickets_one_per_user ON tickets (wave_id, user_id) WHERE status IN ('assigned', 'sent');

      -- A delivery job: what to send (kind + ref_id) and how far the walk got.
      CREATE TABLE jobs (
        id                  INTEGER PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('tickets', 'broadcast')),
        ref_id              INTEGER NOT NULL,
        status              TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'cancelled')),
        phase               TEXT NOT NULL DEFAULT 'main' CHECK (phase IN ('main', 'retry')),
        cursor              INTEGER NOT NULL DEFAULT 0,
        total               INTEGER NOT NULL DEFAULT 0,
        started_by          INTEGER NOT NULL,
        chat_id             INTEGER NOT NULL,
        locale              TEXT NOT NULL,
        progress_message_id INTEGER,
        created_at          INTEGER NOT NULL,
        started_at          INTEGER,
        finished_at         INTEGER,
        active_ms           INTEGER NOT NULL DEFAULT 0,
        restarts            INTEGER NOT NULL DEFAULT 0,
        stop_requested      INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX jobs_status ON jobs (status, id);

      -- One row per recipient of a job. pending: prepared (for tickets: the
      -- ticket is already assigned) and maybe in flight; retry: failed in a
      -- way worth another try; skipped: nothing to send (no ticket left).
      CREATE TABLE deliveries (
        id          INTEGER PRIMARY KEY,
        job_id      INTEGER NOT NULL REFERENCES jobs (id),
        user_id     INTEGER NOT NULL,
        item_id     INTEGER,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'retry', 'failed', 'skipped')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        error_kind  TEXT,
        error       TEXT,
        message_id  INTEGER,
        file_id     TEXT,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        sent_at     INTEGER,
        UNIQUE (job_id, user_id)
      );
      CREATE INDEX deliveries_job_status ON deliveries (job_id, status);
      CREATE INDEX deliveries_failed ON deliveries (status) WHERE status = 'failed';
    `);
  },
};
