import type { Db } from "../database.js";

/** Participants who are not organisers: those still reachable, and those who blocked the bot. */
export interface PeopleCounts {
  /** Registered, not blocked the bot (as far as the bot knows). */
  reachable: number;
  blocked: number;
}

export interface InviteCounts {
  used: number;
  unused: number;
  expired: number;
  revoked: number;
}

/** How many rows fall into the quarter-hour of UTC starting at `quarter` (epoch ms). */
export interface QuarterCount {
  quarter: number;
  n: number;
}

/** Delivery rows by outcome: sent, failed by its kind, or skipped because the person was erased. */
export interface DeliveryOutcome {
  status: "sent" | "failed" | "skipped";
  error_kind: string | null;
  n: number;
}

/**
 * The organisers' overview (/stats and the admin menu's heading): counts
 * over whole tables in one GROUP BY each, so 50 000 participants cost a few
 * milliseconds. Organisers (owners, admins, door staff) are left out of the
 * participant counts by id (`except`), as everywhere else.
 */
export function createOverviewRepo(db: Db) {
  const people = db.prepare<{ except: string }, PeopleCounts>(`
    SELECT COALESCE(SUM(blocked_at IS NULL), 0) AS reachable, COALESCE(SUM(blocked_at IS NOT NULL), 0) AS blocked
    FROM users WHERE registered_at IS NOT NULL AND id NOT IN (SELECT value FROM json_each(@except))
  `);
  const withoutTicket = db.prepare<{ wave: number; except: string }, PeopleCounts>(`
    SELECT COALESCE(SUM(u.blocked_at IS NULL), 0) AS reachable, COALESCE(SUM(u.blocked_at IS NOT NULL), 0) AS blocked
    FROM users u
    WHERE u.registered_at IS NOT NULL AND u.id NOT IN (SELECT value FROM json_each(@except))
      AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.wave_id = @wave AND t.user_id = u.id AND t.status IN ('assigned', 'sent'))
  `);
  // An invite's status as inviteStatus (invites.ts) decides it: used, else revoked, else expired, else unused.
  const invites = db.prepare<{ now: number }, InviteCounts>(`
    SELECT
      COALESCE(SUM(used_by IS NOT NULL), 0) AS used,
      COALESCE(SUM(used_by IS NULL AND revoked_at IS NOT NULL), 0) AS revoked,
      COALESCE(SUM(used_by IS NULL AND revoked_at IS NULL AND expires_at IS NOT NULL AND expires_at <= @now), 0) AS expired,
      COALESCE(SUM(used_by IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)), 0) AS unused
    FROM invites
  `);
  // Quarter-hours of UTC (see src/stats/series.ts): the literal keeps the division an integer one.
  const registrations = db.prepare<{ except: string }, QuarterCount>(`
    SELECT registered_at / 900000 * 900000 AS quarter, COUNT(*) AS n FROM users
    WHERE registered_at IS NOT NULL AND id NOT IN (SELECT value FROM json_each(@except))
    GROUP BY quarter ORDER BY quarter
  `);
  const checkins = db.prepare<[], QuarterCount>(`
    SELECT at / 900000 * 900000 AS quarter, COUNT(*) AS n FROM checkins WHERE undone_at IS NULL
    GROUP BY quarter ORDER BY quarter
  `);
  // Notices (a person told why they get no ticket) are not deliveries of an item.
  const deliveries = db.prepare<[], DeliveryOutcome>(`
    SELECT status, error_kind, COUNT(*) AS n FROM deliveries
    WHERE notice IS NULL AND (status IN ('sent', 'failed') OR (status = 'skipped' AND error_kind = 'erased'))
    GROUP BY status, error_kind
  `);

  return {
    people(except: readonly number[]): PeopleCounts {
      return people.get({ except: JSON.stringify(except) })!;
    },
    /** Participants without an assigned or sent ticket of the wave. */
    withoutTicket(waveId: number, except: readonly number[]): PeopleCounts {
      return withoutTicket.get({ wave: waveId, except: JSON.stringify(except) })!;
    },
    invites(now = Date.now()): InviteCounts {
      return invites.get({ now })!;
    },
    /** Registrations of participants still registered, per quarter-hour, ascending. */
    registrationsPerQuarter(except: readonly number[]): QuarterCount[] {
      return registrations.all({ except: JSON.stringify(except) });
    },
    /** Check-ins in force (not undone), per quarter-hour, ascending. */
    checkinsPerQuarter(): QuarterCount[] {
      return checkins.all();
    },
    deliveryOutcomes(): DeliveryOutcome[] {
      return deliveries.all();
    },
  };
}

export type OverviewRepo = ReturnType<typeof createOverviewRepo>;
