/**
 * Writes benchmark data straight into the bot's SQLite file before the bot
 * starts: registering 50 000 people through the real flow would take half an
 * hour at Telegram's 30 messages a second. The database is opened with the
 * bot's own openDatabase, so the schema is exactly the migrated one, and each
 * seed is one transaction of prepared INSERTs.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, type Db } from "../../src/db/database.js";
import { newPassCode } from "../../src/door/passes.js";

export interface SeededPerson {
  id: number;
  username: string;
}

export interface ParticipantSeed {
  count: number;
  /** Telegram id of the first participant; the others follow. */
  firstId: number;
  /** The founder who "created" their invites. */
  founderId: number;
  usernamePrefix?: string;
  /** registration_seq of the first participant (after those seeded before); default 1. */
  firstSeq?: number;
}

const HOUR = 60 * 60 * 1000;
const AGREEMENT_VERSION = "en-benchmark";

/** Participants as the registration flow leaves them: a used invite each, consent, registration order. */
function insertParticipants(db: Db, seed: ParticipantSeed, now: number): SeededPerson[] {
  const invite = db.prepare(
    `INSERT INTO invites (code, created_at, created_by, batch_id, used_by, used_at) VALUES (@code, @created, @by, 1, @id, @at)`,
  );
  const user = db.prepare(`
    INSERT INTO users (id, username, first_name, last_name, language_code, first_seen_at, last_seen_at,
      registered_at, registration_seq, invite_code, consent_at, agreement_version)
    VALUES (@id, @username, @first, @last, 'en', @at, @at, @at, @seq, @code, @at, @version)
  `);
  const prefix = seed.usernamePrefix ?? "guest";
  const people: SeededPerson[] = [];
  const start = now - 2 * HOUR;
  for (let i = 0; i < seed.count; i++) {
    const id = seed.firstId + i;
    const username = `${prefix}_${i + 1}`;
    const at = start + i * 10;
    const code = createHash("sha256").update(`invite-${id}`).digest("base64url").slice(0, 16);
    invite.run({ code, created: start - HOUR, by: seed.founderId, id, at });
    user.run({ id, username, first: `Guest${i + 1}`, last: i % 3 === 0 ? `Family${i}` : null, at, seq: (seed.firstSeq ?? 1) + i, code, version: AGREEMENT_VERSION });
    people.push({ id, username });
  }
  return people;
}

/** Registered participants in registration order (the ticket-wave scenario gives them tickets through the real flow). */
export function seedParticipants(databasePath: string, seed: ParticipantSeed): SeededPerson[] {
  const db = openDatabase(databasePath);
  try {
    return db.transaction(() => insertParticipants(db, seed, Date.now()))();
  } finally {
    db.close();
  }
}

export interface ReportSeed extends ParticipantSeed {
  /** Tickets of one wave; the first (count − failed) were delivered. */
  tickets: number;
  /** Failed ticket deliveries (blocked users): their tickets went back to the pool. */
  failed: number;
}

export interface ReportSeedCounts {
  participants: number;
  invites: number;
  tickets: number;
  failed: number;
  waves: number;
}

/** A wave with one import of `tickets` PDFs, and the statement that inserts its tickets. */
function insertWave(db: Db, args: { founderId: number; status: "confirmed" | "ended"; tickets: number; now: number }) {
  const at = args.now - HOUR;
  const waveId = Number(
    db
      .prepare(
        `INSERT INTO waves (name, status, created_at, created_by, confirmed_at, ended_at, ended_by)
         VALUES ('Benchmark wave', @status, @at, @by, @at, @ended, @endedBy)`,
      )
      .run({ status: args.status, at, by: args.founderId, ended: args.status === "ended" ? at : null, endedBy: args.status === "ended" ? args.founderId : null })
      .lastInsertRowid,
  );
  const importId = Number(
    db
      .prepare(
        `INSERT INTO ticket_imports (wave_id, at, by, source, file_name, mode, imported, archived)
         VALUES (@wave, @at, @by, 'telegram', 'tickets.zip', 'replace', @count, 0)`,
      )
      .run({ wave: waveId, at, by: args.founderId, count: args.tickets }).lastInsertRowid,
  );
  const statement = db.prepare<{
    wave: number;
    import: number;
    name: string;
    path: string;
    sha: string;
    status: string;
    user: number | null;
    sentAt: number | null;
    message: number | null;
    fileId: string | null;
    error: string | null;
    created: number;
  }>(`
    INSERT INTO tickets (wave_id, import_id, file_name, path, sha256, size, status, user_id, assigned_at, sent_at,
      message_id, file_id, attempts, last_error, created_at)
    VALUES (@wave, @import, @name, @path, @sha, 61440, @status, @user, @sentAt, @sentAt, @message, @fileId, 1, @error, @created)
  `);
  /** Ticket number `i` (from 0): sent to `user` at `at`, or left available with `error`. */
  const ticket = (i: number, outcome: { user: number; at: number } | { error: string }): { id: number; fileId: string | null } => {
    const name = `ticket-${String(i + 1).padStart(5, "0")}.pdf`;
    const sha = createHash("sha256").update(name).digest("hex");
    const sent = "user" in outcome;
    const fileId = sent ? `BQACAgIAAxkBAA${sha.slice(0, 24)}` : null;
    const id = Number(
      statement.run({
        wave: waveId,
        import: importId,
        name,
        path: `wave-${waveId}/${sha.slice(0, 16)}-${name}`,
        sha,
        status: sent ? "sent" : "available",
        user: sent ? outcome.user : null,
        sentAt: sent ? outcome.at : null,
        message: sent ? 2 : null,
        fileId,
        error: sent ? null : outcome.error,
        created: at,
      }).lastInsertRowid,
    );
    return { id, fileId };
  };
  return { waveId, ticket };
}

/**
 * A database after a big event: participants, one ended wave whose delivery
 * job sent most tickets and failed for blocked people, and the invites that
 * registered everyone.
 */
export function seedReportData(databasePath: string, seed: ReportSeed): ReportSeedCounts {
  const db = openDatabase(databasePath);
  try {
    return db.transaction(() => {
      const now = Date.now();
      const people = insertParticipants(db, seed, now);
      const wave = insertWave(db, { founderId: seed.founderId, status: "ended", tickets: seed.tickets, now });
      const jobId = Number(
        db
          .prepare(
            `INSERT INTO jobs (kind, ref_id, status, phase, cursor, total, started_by, chat_id, locale, created_at, started_at, finished_at, active_ms)
             VALUES ('tickets', @wave, 'done', 'retry', @total, @total, @by, @by, 'en', @at, @at, @at, 1800000)`,
          )
          .run({ wave: wave.waveId, total: people.length, by: seed.founderId, at: now - HOUR }).lastInsertRowid,
      );
      const delivery = db.prepare(`
        INSERT INTO deliveries (job_id, user_id, item_id, status, attempts, error_kind, error, message_id, file_id, created_at, updated_at, sent_at)
        VALUES (@job, @user, @item, @status, @attempts, @kind, @error, @message, @fileId, @at, @at, @sentAt)
      `);
      const blocked = db.prepare(`UPDATE users SET blocked_at = @at WHERE id = @id`);
      const delivered = seed.tickets - seed.failed;
      const blockedError = "Forbidden: bot was blocked by the user";
      for (let i = 0; i < seed.tickets; i++) {
        const person = people[i];
        const sent = i < delivered && person !== undefined;
        const at = now - HOUR + i * 20;
        const ticket = wave.ticket(i, sent ? { user: person.id, at } : { error: blockedError });
        if (!person) continue;
        delivery.run({
          job: jobId,
          user: person.id,
          item: ticket.id,
          status: sent ? "sent" : "failed",
          attempts: 1,
          kind: sent ? null : "blocked",
          error: sent ? null : blockedError,
          message: sent ? 2 : null,
          fileId: ticket.fileId,
          at,
          sentAt: sent ? at : null,
        });
        if (!sent) blocked.run({ at, id: person.id });
      }
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        participants: count(`SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL`),
        invites: count(`SELECT COUNT(*) AS n FROM invites`),
        tickets: count(`SELECT COUNT(*) AS n FROM tickets`),
        failed: count(`SELECT COUNT(*) AS n FROM deliveries WHERE status = 'failed'`),
        waves: count(`SELECT COUNT(*) AS n FROM waves`),
      };
    })();
  } finally {
    db.close();
  }
}

export interface PassHolder extends SeededPerson {
  /** What the QR image of their pass carries after /start. */
  pass: string;
}

/** The event day: participants who each received their ticket of a confirmed wave, with a personal entry pass. */
export function seedPassHolders(databasePath: string, seed: ParticipantSeed): PassHolder[] {
  const db = openDatabase(databasePath);
  try {
    return db.transaction(() => {
      const now = Date.now();
      const people = insertParticipants(db, seed, now);
      const wave = insertWave(db, { founderId: seed.founderId, status: "confirmed", tickets: people.length, now });
      const pass = db.prepare(`INSERT INTO passes (code, ticket_id, user_id, created_at) VALUES (@code, @ticket, @user, @at)`);
      return people.map((person, i) => {
        const at = now - HOUR + i * 20;
        const ticket = wave.ticket(i, { user: person.id, at });
        const code = newPassCode();
        pass.run({ code, ticket: ticket.id, user: person.id, at });
        return { ...person, pass: code };
      });
    })();
  } finally {
    db.close();
  }
}

/** A PDF of a seeded wave, as its import stored it. */
export interface SeededTicket {
  name: string;
  data: Buffer;
}

/**
 * Tickets imported into the confirmed wave, ready for /send_tickets, as a
 * ZIP import leaves them: a row each and the file under
 * <ticketsFolder>/wave-<id>/. The wave is created when there is none yet
 * (ZIP_MAX_ENTRIES and the cloud API's 20 MB download limit put 100 000
 * tickets out of reach of one upload).
 */
export function seedAvailableTickets(databasePath: string, ticketsFolder: string, seed: { founderId: number; tickets: readonly SeededTicket[] }): void {
  const db = openDatabase(databasePath);
  try {
    db.transaction(() => {
      const now = Date.now();
      const existing = db.prepare(`SELECT id FROM waves WHERE status = 'confirmed'`).get() as { id: number } | undefined;
      const waveId =
        existing?.id ??
        Number(
          db
            .prepare(`INSERT INTO waves (name, status, created_at, created_by, confirmed_at) VALUES ('Benchmark', 'confirmed', @at, @by, @at)`)
            .run({ at: now, by: seed.founderId }).lastInsertRowid,
        );
      const importId = Number(
        db
          .prepare(
            `INSERT INTO ticket_imports (wave_id, at, by, source, file_name, mode, imported, archived)
             VALUES (@wave, @at, @by, 'server', 'seed', 'add', @count, 0)`,
          )
          .run({ wave: waveId, at: now, by: seed.founderId, count: seed.tickets.length }).lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO tickets (wave_id, import_id, file_name, path, sha256, size, status, created_at)
         VALUES (@wave, @import, @name, @path, @sha, @size, 'available', @at)`,
      );
      const folder = join(ticketsFolder, `wave-${waveId}`);
      mkdirSync(folder, { recursive: true });
      for (const ticket of seed.tickets) {
        const sha = createHash("sha256").update(ticket.data).digest("hex");
        const stored = `${sha.slice(0, 12)}-${ticket.name}`;
        writeFileSync(join(folder, stored), ticket.data);
        insert.run({ wave: waveId, import: importId, name: ticket.name, path: `wave-${waveId}/${stored}`, sha, size: ticket.data.length, at: now });
      }
    })();
  } finally {
    db.close();
  }
}
