import type { Db } from "../database.js";
import { keysetPages } from "./paging.js";

export interface PassRow {
  code: string;
  ticket_id: number;
  user_id: number;
  created_at: number;
}

/** One line of the door list: who may come in with which pass. */
export interface DoorListRow {
  seq: number;
  user_id: number;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  file_name: string;
  code: string;
}

/** A personal entry pass per sent ticket: what the QR image carries. */
export function createPassesRepo(db: Db) {
  const insert = db.prepare<{ code: string; ticket: number; user: number; at: number }>(
    `INSERT INTO passes (code, ticket_id, user_id, created_at) VALUES (@code, @ticket, @user, @at) ON CONFLICT (ticket_id) DO NOTHING`,
  );
  const byCode = db.prepare<[string], PassRow>(`SELECT * FROM passes WHERE code = ?`);
  const byTicket = db.prepare<[number], PassRow>(`SELECT * FROM passes WHERE ticket_id = ?`);
  const doorPage = db.prepare<{ after: number; activeOnly: number; limit: number }, DoorListRow>(`
    SELECT p.rowid AS seq, u.id AS user_id, u.username, u.first_name, u.last_name, t.file_name, p.code
    FROM passes p JOIN tickets t ON t.id = p.ticket_id JOIN users u ON u.id = p.user_id JOIN waves w ON w.id = t.wave_id
    WHERE p.rowid > @after AND t.status = 'sent' AND t.user_id = p.user_id AND u.deleted_at IS NULL
      AND (@activeOnly = 0 OR w.status <> 'ended')
    ORDER BY p.rowid LIMIT @limit
  `);
  return {
    /** The ticket's pass, created with `code` unless it has one already. */
    ensure(ticketId: number, userId: number, code: string, now = Date.now()): PassRow {
      insert.run({ code, ticket: ticketId, user: userId, at: now });
      return byTicket.get(ticketId)!;
    },
    /** The same without reading the pass back (the delivery's bookkeeping: a thousand a second). */
    add(ticketId: number, userId: number, code: string, now = Date.now()): void {
      insert.run({ code, ticket: ticketId, user: userId, at: now });
    },
    byCode(code: string): PassRow | undefined {
      return byCode.get(code);
    },
    ofTicket(ticketId: number): PassRow | undefined {
      return byTicket.get(ticketId);
    },
    /** Every pass that admits someone now, a page at a time (the door list for a network failure at the venue). */
    iterateDoorList(activeWavesOnly: boolean): Generator<DoorListRow> {
      return keysetPages(0, (after, limit) => doorPage.all({ after, activeOnly: activeWavesOnly ? 1 : 0, limit }), (r) => r.seq);
    },
  };
}

export type PassesRepo = ReturnType<typeof createPassesRepo>;
