import type { Migration } from "./index.js";

/**
 * The participant's side (issue 15): the event's details, questions relayed
 * to the organisers, and the waiting list with the notices that tell people
 * where they stand.
 *
 * - event: one row, set by /event; shown in the welcome, the ticket's caption
 *   and /info.
 * - relays: what goes to the organisers in one message — one question, or a
 *   batch of those over the rate limit (due_at: when it may go out; a
 *   restart loses nothing). questions: what the participant sent, one row per
 *   message (erased with the person). relay_targets: which organiser chats a
 *   relay reached or failed in (a crash mid-way resends only to the rest).
 *   relay_messages: the bot's messages in those chats, so an admin's reply to
 *   any of them finds its participant, and an erasure finds their lines in
 *   admins' chat logs.
 * - waiting_list: participants left without a ticket because tickets ran
 *   out, served first by the next delivery, in the order they were left
 *   without; told once per wave (told_at).
 * - chat_log (user_id, message_id) is indexed: an erasure rewrites the
 *   relayed copies in admins' chat logs by message id.
 * - deliveries.notice: a delivery that tells its person why they get no item
 *   (no_ticket: on the waiting list; wave_ended) instead of sending one;
 *   jobs.notice: a job whose deliveries are all such notices.
 */
export const eventQuestionsWaitingList: Migration = {
  version: 7,
  name: "event-questions-waiting-list",
  up(db) {
    db.exec(`
      CREATE TABLE event (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        name       TEXT,
        starts_at  INTEGER,
        place      TEXT,
        map_url    TEXT,
        note       TEXT,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER NOT NULL
      );

      CREATE TABLE relays (
        id          INTEGER PRIMARY KEY,
        user_id     INTEGER NOT NULL,
        created_at  INTEGER NOT NULL,
        due_at      INTEGER NOT NULL,
        sent_at     INTEGER,
        answered_at INTEGER,
        answered_by INTEGER
      );
      CREATE INDEX relays_unsent ON relays (due_at, id) WHERE sent_at IS NULL;
      CREATE INDEX relays_user ON relays (user_id, due_at);

      CREATE TABLE questions (
        id           INTEGER PRIMARY KEY,
        relay_id     INTEGER NOT NULL REFERENCES relays (id),
        user_id      INTEGER NOT NULL,
        message_id   INTEGER NOT NULL,
        kind         TEXT NOT NULL,
        detail       TEXT,
        content      TEXT NOT NULL,
        at           INTEGER NOT NULL,
        acknowledged INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX questions_relay ON questions (relay_id, id);
      CREATE INDEX questions_user ON questions (user_id, at);

      CREATE TABLE relay_targets (
        relay_id INTEGER NOT NULL REFERENCES relays (id),
        chat_id  INTEGER NOT NULL,
        status   TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
        error    TEXT,
        at       INTEGER NOT NULL,
        PRIMARY KEY (relay_id, chat_id)
      );

      CREATE TABLE relay_messages (
        chat_id    INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        relay_id   INTEGER NOT NULL REFERENCES relays (id),
        role       TEXT NOT NULL CHECK (role IN ('card', 'copy')),
        PRIMARY KEY (chat_id, message_id)
      );
      CREATE INDEX relay_messages_relay ON relay_messages (relay_id);

      CREATE TABLE waiting_list (
        user_id INTEGER PRIMARY KEY,
        since   INTEGER NOT NULL,
        wave_id INTEGER NOT NULL,
        told_at INTEGER
      );
      CREATE INDEX waiting_list_order ON waiting_list (since, user_id);
      CREATE INDEX waiting_list_wave ON waiting_list (wave_id, user_id);

      -- A message's lines in a chat log: an erasure rewrites the relayed
      -- copies of a person's questions by message id (and copies of messages
      -- are described from the line of their original).
      CREATE INDEX chat_log_message ON chat_log (user_id, message_id);

      ALTER TABLE deliveries ADD COLUMN notice TEXT;
      ALTER TABLE jobs ADD COLUMN notice TEXT;
    `);
  },
};
