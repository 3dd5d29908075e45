import type { Db } from "../database.js";
import type { Audience } from "./broadcasts.js";

/**
 * Who is in an announcement's audience, as SQL conditions on a participant
 * `u`. `@wave` is the wave the audience speaks of (the open one, else the
 * latest; null when there has been none): "with a ticket" means a sent
 * ticket of it, "without a ticket" neither a sent nor an assigned one.
 * "Not checked in" are the holders of any sent ticket who are not inside;
 * "waiting" the waiting list.
 */
const CONDITIONS: Record<Audience, string> = {
  everyone: "1",
  with_ticket: `EXISTS (SELECT 1 FROM tickets t WHERE t.user_id = u.id AND t.status = 'sent' AND t.wave_id = @wave)`,
  without_ticket: `NOT EXISTS (SELECT 1 FROM tickets t WHERE t.user_id = u.id AND t.status IN ('sent', 'assigned') AND t.wave_id = @wave)`,
  not_checked_in: `EXISTS (SELECT 1 FROM tickets t WHERE t.user_id = u.id AND t.status = 'sent')
    AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.user_id = u.id AND c.undone_at IS NULL)`,
  waiting: `EXISTS (SELECT 1 FROM waiting_list w WHERE w.user_id = u.id)`,
};

const PARTICIPANT = `u.registered_at IS NOT NULL AND u.id NOT IN (SELECT value FROM json_each(@except))`;

export interface AudienceCount {
  /** Participants of the audience the announcement will be sent to. */
  reachable: number;
  /** Participants of the audience who blocked the bot: left out, and shown apart. */
  blocked: number;
}

export function createAudiencesRepo(db: Db) {
  const counts = new Map<Audience, ReturnType<typeof prepareCount>>();
  const members = new Map<Audience, ReturnType<typeof prepareMember>>();
  function prepareCount(audience: Audience) {
    return db.prepare<{ wave: number | null; except: string }, { reachable: number | null; blocked: number | null }>(
      `SELECT SUM(u.blocked_at IS NULL) AS reachable, SUM(u.blocked_at IS NOT NULL) AS blocked FROM users u WHERE ${PARTICIPANT} AND ${CONDITIONS[audience]}`,
    );
  }
  function prepareMember(audience: Audience) {
    return db.prepare<{ wave: number | null; id: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM users u WHERE u.id = @id AND u.blocked_at IS NULL AND ${CONDITIONS[audience]}`,
    );
  }
  const latestWave = db.prepare<[], { id: number }>(`SELECT id FROM waves ORDER BY (status <> 'ended') DESC, id DESC LIMIT 1`);

  return {
    /** The wave an audience speaks of: the one not ended, else the latest. */
    wave(): number | null {
      return latestWave.get()?.id ?? null;
    },
    /** How many participants (not `except`: organisers) an audience holds now. */
    count(audience: Audience, wave: number | null, except: readonly number[]): AudienceCount {
      let statement = counts.get(audience);
      if (!statement) counts.set(audience, (statement = prepareCount(audience)));
      const row = statement.get({ wave, except: JSON.stringify(except) })!;
      return { reachable: row.reachable ?? 0, blocked: row.blocked ?? 0 };
    },
    /** Whether a participant belongs to the audience now and has not blocked the bot. */
    includes(audience: Audience, wave: number | null, userId: number): boolean {
      let statement = members.get(audience);
      if (!statement) members.set(audience, (statement = prepareMember(audience)));
      return statement.get({ wave, id: userId })!.n > 0;
    },
  };
}

export type AudiencesRepo = ReturnType<typeof createAudiencesRepo>;
