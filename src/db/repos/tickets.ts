import type { Db } from "../database.js";
import { keysetPages, pageAcrossGroups } from "./paging.js";
import type { UserRow } from "./users.js";

export type TicketStatus = "available" | "assigned" | "sent" | "archived" | "missing" | "revoked";

/** Why a ticket was taken out of play for good while staying bound to its person. */
export type RevokeReason = "erased" | "reissued";

export interface TicketRow {
  id: number;
  wave_id: number;
  import_id: number;
  file_name: string;
  path: string;
  sha256: string;
  size: number;
  status: TicketStatus;
  user_id: number | null;
  held_for: number | null;
  assigned_at: number | null;
  sent_at: number | null;
  message_id: number | null;
  file_id: string | null;
  attempts: number;
  last_error: string | null;
  named_key: string | null;
  named_as: string | null;
  created_at: number;
  revoked_at: number | null;
  revoke_reason: RevokeReason | null;
}

/** Which steps of picking a ticket can find anything in a wave now. */
export interface PickKinds {
  held: boolean;
  named: boolean;
}

/** A ticket as the Tickets sheet shows it: its holder's username (or erasure), and their check-in now. */
export type TicketLine = TicketRow & {
  holder_username: string | null;
  holder_deleted_at: number | null;
  inside_ticket_id: number | null;
  inside_at: number | null;
};

export interface NewTicket {
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  /** From a manifest: "id:123" or "username:anna" (lowercase), and how it was written. */
  namedKey?: string | null;
  namedAs?: string | null;
}

export interface WaveCounts {
  available: number;
  assigned: number;
  sent: number;
  archived: number;
  missing: number;
  revoked: number;
  total: number;
}

/** Tickets and the imports that brought them (SPEC §7). Transactions that span waves live in the use-case layer. */
export function createTicketsRepo(db: Db) {
  const counts = db.prepare<[number], { status: TicketStatus; n: number }>(
    `SELECT status, COUNT(*) AS n FROM tickets WHERE wave_id = ? GROUP BY status`,
  );
  const insertImport = db.prepare<{ wave: number; at: number; by: number; source: string; file: string; mode: string; imported: number; archived: number }>(
    `INSERT INTO ticket_imports (wave_id, at, by, source, file_name, mode, imported, archived)
     VALUES (@wave, @at, @by, @source, @file, @mode, @imported, @archived)`,
  );
  const insertTicket = db.prepare<{
    wave: number;
    importId: number;
    fileName: string;
    path: string;
    sha: string;
    size: number;
    namedKey: string | null;
    namedAs: string | null;
    at: number;
  }>(
    `INSERT INTO tickets (wave_id, import_id, file_name, path, sha256, size, status, named_key, named_as, created_at)
     VALUES (@wave, @importId, @fileName, @path, @sha, @size, 'available', @namedKey, @namedAs, @at)`,
  );
  const bySha = db.prepare<[string], { wave_id: number; file_name: string }>(`SELECT wave_id, file_name FROM tickets WHERE sha256 = ?`);
  const unassigned = db.prepare<[number], TicketRow>(`SELECT * FROM tickets WHERE wave_id = ? AND status = 'available'`);
  const archiveAvailable = db.prepare<[number]>(
    `UPDATE tickets SET status = 'archived', held_for = NULL WHERE wave_id = ? AND status = 'available'`,
  );
  const ticketById = db.prepare<[number], TicketRow>(`SELECT * FROM tickets WHERE id = ?`);
  // Pages in (wave, id) order: the rest of the current wave, then the waves after it.
  const restOfWave = db.prepare<{ wave: number; id: number; limit: number }, TicketRow>(
    `SELECT * FROM tickets WHERE wave_id = @wave AND id > @id ORDER BY id LIMIT @limit`,
  );
  const laterWaves = db.prepare<{ wave: number; limit: number }, TicketRow>(
    `SELECT * FROM tickets INDEXED BY tickets_order WHERE wave_id > @wave ORDER BY wave_id, id LIMIT @limit`,
  );
  const ticketsPage = pageAcrossGroups<TicketRow, { wave: number; id: number }>(
    (after, limit) => restOfWave.all({ ...after, limit }),
    (after, limit) => laterWaves.all({ wave: after.wave, limit }),
  );
  // The Tickets sheet: each ticket with its holder's username and whether they came in with it, joined in SQL.
  const LINE = `SELECT t.*, u.username AS holder_username, u.deleted_at AS holder_deleted_at, c.ticket_id AS inside_ticket_id, c.at AS inside_at
    FROM tickets t INDEXED BY tickets_order
    LEFT JOIN users u ON u.id = COALESCE(t.user_id, t.held_for)
    LEFT JOIN checkins c ON c.user_id = t.user_id AND c.undone_at IS NULL`;
  const linesRestOfWave = db.prepare<{ wave: number; id: number; limit: number }, TicketLine>(`${LINE} WHERE t.wave_id = @wave AND t.id > @id ORDER BY t.id LIMIT @limit`);
  const linesLaterWaves = db.prepare<{ wave: number; limit: number }, TicketLine>(`${LINE} WHERE t.wave_id > @wave ORDER BY t.wave_id, t.id LIMIT @limit`);
  const linesPage = pageAcrossGroups<TicketLine, { wave: number; id: number }>(
    (after, limit) => linesRestOfWave.all({ ...after, limit }),
    (after, limit) => linesLaterWaves.all({ wave: after.wave, limit }),
  );
  const sentToUser = db.prepare<{ user: number; wave: number }, TicketRow>(
    `SELECT * FROM tickets WHERE user_id = @user AND wave_id = @wave AND status = 'sent' ORDER BY id`,
  );
  const latestWaveOfUser = db.prepare<[number], { wave_id: number }>(
    `SELECT wave_id FROM tickets WHERE user_id = ? AND status = 'sent' ORDER BY wave_id DESC LIMIT 1`,
  );
  const usableAvailable = db.prepare<[number], { n: number }>(`
    SELECT COUNT(*) AS n FROM tickets t
    WHERE t.wave_id = ? AND t.status = 'available'
      AND (t.named_key IS NULL OR EXISTS (
        SELECT 1 FROM users u WHERE u.registered_at IS NOT NULL
          AND (t.named_key = 'id:' || u.id OR t.named_key = 'username:' || lower(u.username))))
  `);
  const participantsWithoutTicket = db.prepare<{ wave: number; except: string }, { n: number }>(`
    SELECT COUNT(*) AS n FROM users u
    WHERE u.registered_at IS NOT NULL AND u.id NOT IN (SELECT value FROM json_each(@except))
      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.wave_id = @wave AND t.user_id = u.id AND t.status IN ('assigned', 'sent'))
  `);
  const withoutTicketAfter = db.prepare<{ wave: number; after: number; limit: number }, UserRow>(`
    SELECT u.* FROM users u
    WHERE u.registration_seq > @after AND u.registered_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.wave_id = @wave AND t.user_id = u.id AND t.status IN ('assigned', 'sent'))
    ORDER BY u.registration_seq LIMIT @limit
  `);
  const boundTo = db.prepare<{ user: number }, TicketRow>(
    `SELECT * FROM tickets WHERE (user_id = @user AND status IN ('assigned', 'sent')) OR (held_for = @user AND status = 'available') ORDER BY id`,
  );
  const revoke = db.prepare<{ id: number; user: number; reason: string; at: number }>(
    `UPDATE tickets SET status = 'revoked', user_id = @user, held_for = NULL, revoked_at = @at, revoke_reason = @reason
     WHERE id = @id AND ((user_id = @user AND status IN ('assigned', 'sent')) OR (held_for = @user AND status = 'available'))`,
  );
  const hasTicket = db.prepare<{ wave: number; user: number }, { n: number }>(
    `SELECT COUNT(*) AS n FROM tickets WHERE wave_id = @wave AND user_id = @user AND status IN ('assigned', 'sent')`,
  );
  // The next ticket for a participant, in three indexed steps (a single
  // query ordering every available ticket made a wave quadratic in its size):
  // one held for them after an uncertain delivery, else one a manifest names
  // them for, else the first free unnamed one.
  const pickHeld = db.prepare<{ wave: number; user: number; idKey: string; nameKey: string }, TicketRow>(`
    SELECT * FROM tickets
    WHERE held_for = @user AND wave_id = @wave AND status = 'available'
      AND (named_key IS NULL OR named_key IN (@idKey, @nameKey))
    ORDER BY named_key IS NOT NULL DESC, id
    LIMIT 1
  `);
  const pickNamed = db.prepare<{ wave: number; idKey: string; nameKey: string }, TicketRow>(`
    SELECT * FROM tickets INDEXED BY tickets_named
    WHERE wave_id = @wave AND named_key IN (@idKey, @nameKey) AND status = 'available' AND held_for IS NULL
    ORDER BY id
    LIMIT 1
  `);
  const anyHeld = db.prepare<[number], { n: number }>(`SELECT EXISTS (SELECT 1 FROM tickets INDEXED BY tickets_held_for WHERE held_for IS NOT NULL AND wave_id = ? AND status = 'available') AS n`);
  const anyNamed = db.prepare<[number], { n: number }>(
    `SELECT EXISTS (SELECT 1 FROM tickets INDEXED BY tickets_named_free WHERE wave_id = ? AND status = 'available' AND named_key IS NOT NULL) AS n`,
  );
  const pickFree = db.prepare<[number], TicketRow>(`
    SELECT * FROM tickets INDEXED BY tickets_free
    WHERE wave_id = ? AND status = 'available' AND held_for IS NULL AND named_key IS NULL
    ORDER BY id
    LIMIT 1
  `);
  const assign = db.prepare<{ id: number; user: number; at: number }>(
    `UPDATE tickets SET status = 'assigned', user_id = @user, assigned_at = @at, held_for = NULL WHERE id = @id AND status = 'available'`,
  );
  const markSent = db.prepare<{ id: number; user: number; at: number; message: number | null; file: string | null }>(
    `UPDATE tickets SET status = 'sent', sent_at = @at, message_id = @message, file_id = @file, attempts = attempts + 1, last_error = NULL
     WHERE id = @id AND user_id = @user AND status = 'assigned'`,
  );
  const noteAttempt = db.prepare<{ id: number; error: string }>(
    `UPDATE tickets SET attempts = attempts + 1, last_error = @error WHERE id = @id`,
  );
  const release = db.prepare<{ id: number; user: number; status: string; heldFor: number | null; error: string | null; counted: number }>(
    `UPDATE tickets SET status = @status, user_id = NULL, assigned_at = NULL, held_for = @heldFor,
       attempts = attempts + @counted, last_error = COALESCE(@error, last_error)
     WHERE id = @id AND user_id = @user AND status = 'assigned'`,
  );
  const markMissing = db.prepare<{ id: number }>(
    `UPDATE tickets SET status = 'missing', last_error = 'file missing on disk' WHERE id = @id AND status = 'available'`,
  );
  // A ticket a manifest named for someone's username stays theirs, by id.
  const renameOwner = db.prepare<{ from: string; to: string; shown: string }>(
    `UPDATE tickets SET named_key = @to, named_as = @shown WHERE named_key = @from`,
  );
  const sentOf = db.prepare<[number], TicketRow>(`SELECT * FROM tickets WHERE user_id = ? AND status = 'sent' ORDER BY wave_id DESC, id`);
  const ofUser = db.prepare<[number, number], TicketRow>(`SELECT * FROM tickets WHERE user_id = ? OR held_for = ? ORDER BY wave_id, id`);
  const holders = db.prepare<[number], { n: number }>(`
    SELECT COUNT(DISTINCT t.user_id) AS n FROM tickets t JOIN waves w ON w.id = t.wave_id
    WHERE t.status = 'sent' AND (? = 0 OR w.status <> 'ended')
  `);
  const referencedPaths = db.prepare<[], { path: string; status: TicketStatus }>(`SELECT path, status FROM tickets`);

  return {
    counts(waveId: number): WaveCounts {
      const result: WaveCounts = { available: 0, assigned: 0, sent: 0, archived: 0, missing: 0, revoked: 0, total: 0 };
      for (const row of counts.all(waveId)) {
        result[row.status] = row.n;
        result.total += row.n;
      }
      return result;
    },
    /** Available tickets someone registered can get now (not named for a stranger, nor for nobody). */
    usableAvailable(waveId: number): number {
      return usableAvailable.get(waveId)!.n;
    },
    /** Registered participants without a ticket of the wave, leaving out the given ids (organisers). */
    participantsWithoutTicket(waveId: number, except: readonly number[] = []): number {
      return participantsWithoutTicket.get({ wave: waveId, except: JSON.stringify(except) })!.n;
    },
    /** Participants after `afterSeq` in registration order who hold no ticket of the wave, a page at a time (the ticket walk). */
    participantsWithoutTicketAfter(waveId: number, afterSeq: number, limit: number): UserRow[] {
      return withoutTicketAfter.all({ wave: waveId, after: afterSeq, limit });
    },
    /** Where a file with this content was imported before, if anywhere. */
    findBySha(sha256: string): { wave_id: number; file_name: string } | undefined {
      return bySha.get(sha256);
    },
    unassigned(waveId: number): TicketRow[] {
      return unassigned.all(waveId);
    },
    ticket(id: number): TicketRow | undefined {
      return ticketById.get(id);
    },
    iterateTickets(): Generator<TicketRow> {
      return keysetPages(
        { wave: 0, id: 0 },
        ticketsPage,
        (t) => ({ wave: t.wave_id, id: t.id }),
      );
    },
    /** Every ticket with its holder and their check-in, in wave order (the Tickets sheet). */
    iterateLines(): Generator<TicketLine> {
      return keysetPages({ wave: 0, id: 0 }, linesPage, (t) => ({ wave: t.wave_id, id: t.id }));
    },
    /** /ticket: what this participant received in the wave that is on, or else in their latest one. */
    ticketsOfUser(userId: number, waveId: number | undefined): TicketRow[] {
      const own = waveId !== undefined ? sentToUser.all({ user: userId, wave: waveId }) : [];
      if (own.length > 0) return own;
      const latest = latestWaveOfUser.get(userId);
      return latest ? sentToUser.all({ user: userId, wave: latest.wave_id }) : [];
    },
    /** Tickets this person holds, newest wave first (a pass each). */
    sentOf(userId: number): TicketRow[] {
      return sentOf.all(userId);
    },
    /** Every ticket that ever was this person's or was held for them, in wave order (the person card). */
    historyOf(userId: number): TicketRow[] {
      return ofUser.all(userId, userId);
    },
    /** People holding a sent ticket (of a wave not ended, when passes end with their wave). */
    countHolders(activeWavesOnly: boolean): number {
      return holders.get(activeWavesOnly ? 1 : 0)!.n;
    },
    /**
     * Tickets by file name: the whole path as stored, or its last part, with
     * or without ".pdf", in any case (Cyrillic too, which SQLite's lower()
     * does not fold, so the comparison is made here); newest first, at most
     * `limit` (more than one: the name is ambiguous).
     */
    findByFileName(name: string, limit = 10): TicketRow[] {
      const wanted = name.trim().toLowerCase();
      const variants = wanted.endsWith(".pdf") ? [wanted] : [wanted, `${wanted}.pdf`];
      const found: TicketRow[] = [];
      for (const ticket of this.iterateTickets()) {
        const stored = ticket.file_name.toLowerCase();
        if (variants.some((v) => stored === v || stored.endsWith(`/${v}`))) found.push(ticket);
      }
      return found.sort((a, b) => b.wave_id - a.wave_id || a.id - b.id).slice(0, limit);
    },
    /** Every ticket that is this person's now: assigned, sent, or held for them after an uncertain delivery. */
    boundTo(userId: number): TicketRow[] {
      return boundTo.all({ user: userId });
    },
    /**
     * Takes a ticket of this person out of play for good: it stays theirs
     * (history, and a delivery that may have reached them) and is never
     * given to anyone else.
     */
    revoke(ticketId: number, userId: number, reason: RevokeReason, now = Date.now()): boolean {
      return revoke.run({ id: ticketId, user: userId, reason, at: now }).changes === 1;
    },
    hasTicket(waveId: number, userId: number): boolean {
      return hasTicket.get({ wave: waveId, user: userId })!.n > 0;
    },
    /**
     * The ticket this participant should get next: one held for them after an
     * uncertain delivery, else one a manifest names them for, else an unnamed one.
     */
    pickFor(waveId: number, user: { id: number; username: string | null }, kinds: PickKinds = { held: true, named: true }): TicketRow | undefined {
      const keys = { idKey: `id:${user.id}`, nameKey: user.username ? `username:${user.username.toLowerCase()}` : "-" };
      return (
        (kinds.held ? pickHeld.get({ wave: waveId, user: user.id, ...keys }) : undefined) ??
        (kinds.named ? pickNamed.get({ wave: waveId, ...keys }) : undefined) ??
        pickFree.get(waveId)
      );
    },
    /** Whether any available ticket of the wave is held for someone or named in a manifest (pickFor may then skip those steps). */
    pickKinds(waveId: number): PickKinds {
      return { held: anyHeld.get(waveId)!.n === 1, named: anyNamed.get(waveId)!.n === 1 };
    },
    assign(ticketId: number, userId: number, now = Date.now()): boolean {
      return assign.run({ id: ticketId, user: userId, at: now }).changes === 1;
    },
    markSent(ticketId: number, userId: number, result: { messageId: number | null; fileId: string | null }, now = Date.now()): boolean {
      return markSent.run({ id: ticketId, user: userId, at: now, message: result.messageId, file: result.fileId }).changes === 1;
    },
    noteAttempt(ticketId: number, error: string): boolean {
      return noteAttempt.run({ id: ticketId, error: error.slice(0, 300) }).changes === 1;
    },
    /**
     * An assigned ticket goes back: to the pool (available), held for the same
     * person when the delivery's outcome is unknown, or out of play when its
     * file is gone. `attempted`: this release follows an attempt that was not
     * counted yet (a permanent failure; retries count theirs as they fail).
     */
    release(ticketId: number, userId: number, how: { error: string | null; heldFor: number | null; missing: boolean; attempted?: boolean }): boolean {
      return (
        release.run({
          id: ticketId,
          user: userId,
          status: how.missing ? "missing" : "available",
          heldFor: how.heldFor,
          error: how.error?.slice(0, 300) ?? null,
          counted: how.attempted ? 1 : 0,
        }).changes === 1
      );
    },
    markMissing(ticketId: number): void {
      markMissing.run({ id: ticketId });
    },
    /** Tickets named for `username:anna` become named for `id:123` (an erasure removes the username). */
    nameByIdInstead(username: string, userId: number): number {
      return renameOwner.run({ from: `username:${username.toLowerCase()}`, to: `id:${userId}`, shown: String(userId) }).changes;
    },
    referencedPaths(): Array<{ path: string; status: TicketStatus }> {
      return referencedPaths.all();
    },
    /** Records one import and its tickets (call inside the import's transaction). */
    insertImport(
      args: { waveId: number; by: number; source: string; fileName: string; mode: "replace" | "add"; archived: number; tickets: readonly NewTicket[] },
      now = Date.now(),
    ): number {
      const importId = Number(
        insertImport.run({ wave: args.waveId, at: now, by: args.by, source: args.source, file: args.fileName, mode: args.mode, imported: args.tickets.length, archived: args.archived })
          .lastInsertRowid,
      );
      for (const t of args.tickets) {
        insertTicket.run({ wave: args.waveId, importId, fileName: t.fileName, path: t.path, sha: t.sha256, size: t.size, namedKey: t.namedKey ?? null, namedAs: t.namedAs ?? null, at: now });
      }
      return importId;
    },
    /** A wave's unassigned tickets go to the archive (at its end, or before a replacing import); returns how many. */
    archiveAvailable(waveId: number): number {
      return archiveAvailable.run(waveId).changes;
    },
  };
}

export type TicketsRepo = ReturnType<typeof createTicketsRepo>;
