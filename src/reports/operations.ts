import type { Repos } from "../db/repos/index.js";
import type { ChatLogEntry } from "../db/repos/chatlog.js";
import type { JobRow, JobTally } from "../db/repos/jobs.js";
import type { DeliveryOutcome, InviteCounts, PeopleCounts } from "../db/repos/overview.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { WaveCounts } from "../db/repos/tickets.js";
import type { UserRow } from "../db/repos/users.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { EngineControl } from "../delivery/engine.js";
import { FAILURE_KINDS, type FailureKind } from "../delivery/failures.js";
import type { Translate } from "../i18n.js";
import type { PeopleOperations } from "../people/operations.js";
import { checkinSlots, cumulativeRegistrations } from "../stats/series.js";
import type { StatsData } from "../stats/types.js";
import { createSheets, type SheetDeps, type Sheets } from "./sheets.js";

/** Where the event stands, for the admin menu's heading. */
export interface Overview {
  /** Participants (not organisers): those the bot can reach, and those who blocked it. */
  people: PeopleCounts;
  invites: Pick<InviteCounts, "used" | "unused">;
  /** People inside (check-ins not undone), as /door counts them. */
  checkedIn: number;
  /** The open wave; `withoutTicket` splits its participants still without a ticket like `people`. */
  wave?: { wave: WaveRow; counts: WaveCounts; failed: number; withoutTicket: PeopleCounts };
  jobs: Array<{ job: JobRow; tally: JobTally }>;
  /** The engine is working on a job now (unfinished jobs without it are waiting for it). */
  engineBusy: boolean;
}

export interface ReportsDeps extends SheetDeps {
  repos: Repos;
  engine: EngineControl;
  people: SheetDeps["people"] & Pick<PeopleOperations, "organiserIds">;
  /** Check-ins are counted against the holders of passes that admit (see the door). */
  passesEndWithWave: boolean;
}

export type ChatLogExport =
  | { kind: "unknown" }
  | { kind: "erased"; user: UserRow; deletedAt: number }
  | { kind: "empty"; user: UserRow }
  /** A snapshot: lines written while the file is made stay out of it, so the header's counts are the file's. */
  | { kind: "log"; user: UserRow; lines: number; firstAt: number; lastAt: number; entries(): Generator<ChatLogEntry> };

/** The read side: report sheets, the chat log export, the security log, the menu's overview and /stats. */
export function createReportsOperations(deps: ReportsDeps) {
  const { repos } = deps;
  return {
    sheets(t: Translate): Sheets {
      return createSheets(deps, t);
    },

    chatLog(userId: number): ChatLogExport {
      const user = repos.users.findById(userId);
      if (!user) return { kind: "unknown" };
      const span = repos.chatLog.span(userId);
      if (span.lines === 0 || span.firstAt === null || span.lastAt === null) {
        return user.deleted_at !== null ? { kind: "erased", user, deletedAt: user.deleted_at } : { kind: "empty", user };
      }
      return { kind: "log", user, lines: span.lines, firstAt: span.firstAt, lastAt: span.lastAt, entries: () => repos.chatLog.iterate(userId, span.lastId) };
    },

    securityLog(limit: number): { events: SecurityEvent[]; total: number } {
      return { events: repos.security.latest(limit), total: repos.security.count() };
    },

    overview(now = Date.now()): Overview {
      const organisers = deps.people.organiserIds();
      const wave = repos.waves.active();
      const latest = wave ? repos.jobs.latestOf("tickets", wave.id) : undefined;
      const { used, unused } = repos.overview.invites(now);
      return {
        people: repos.overview.people(organisers),
        invites: { used, unused },
        checkedIn: repos.checkins.countInside(),
        ...(wave
          ? {
              wave: {
                wave,
                counts: repos.tickets.counts(wave.id),
                failed: latest ? repos.jobs.tally(latest.id).failed : 0,
                withoutTicket: repos.overview.withoutTicket(wave.id, organisers),
              },
            }
          : {}),
        jobs: repos.jobs.unfinished().map((job) => ({ job, tally: repos.jobs.tally(job.id) })),
        engineBusy: deps.engine.isBusy(),
      };
    },

    /**
     * Everything the /stats picture shows, counted now: participants
     * registered over time (organisers left out), invites by status, the
     * open wave's tickets, every delivery of tickets and announcements by
     * outcome, and check-ins over the event day, in the configured zone.
     */
    stats(now = Date.now()): StatsData {
      const organisers = deps.people.organiserIds();
      const wave = repos.waves.active();
      const eventName = repos.event.get()?.name;
      const counts = wave ? repos.tickets.counts(wave.id) : undefined;
      return {
        generatedAt: now,
        timeZone: deps.timeZone,
        ...(eventName ? { eventName } : {}),
        registrations: cumulativeRegistrations(repos.overview.registrationsPerQuarter(organisers), now, deps.timeZone),
        invites: repos.overview.invites(now),
        ...(wave && counts
          ? { wave: { name: wave.name, available: counts.available, assigned: counts.assigned, sent: counts.sent, archived: counts.archived, missing: counts.missing, revoked: counts.revoked } }
          : {}),
        deliveries: deliveryTotals(repos.overview.deliveryOutcomes()),
        checkins: {
          total: repos.checkins.countInside(),
          holders: repos.tickets.countHolders(deps.passesEndWithWave),
          ...checkinSlots(repos.overview.checkinsPerQuarter(), deps.timeZone),
        },
      };
    },

    /** Reading reports and someone's conversation are admin actions like any other (SPEC §9). */
    recordExport(entry: { by: number; action: string; args?: string; result: string }): void {
      repos.audit.record({ actorId: entry.by, action: entry.action, ...(entry.args !== undefined ? { args: entry.args } : {}), result: entry.result });
    },
  };
}

export type ReportsOperations = ReturnType<typeof createReportsOperations>;

const KNOWN_FAILURES: ReadonlySet<string> = new Set(FAILURE_KINDS);

/** Sent, and not delivered by reason; a failure of a kind this version does not know counts as internal. */
function deliveryTotals(outcomes: readonly DeliveryOutcome[]): StatsData["deliveries"] {
  const totals: StatsData["deliveries"] = { sent: 0, notDelivered: {} };
  for (const { status, error_kind: kind, n } of outcomes) {
    if (status === "sent") totals.sent += n;
    else {
      const reason = status === "skipped" ? "erased" : kind !== null && KNOWN_FAILURES.has(kind) ? (kind as FailureKind) : "internal";
      totals.notDelivered[reason] = (totals.notDelivered[reason] ?? 0) + n;
    }
  }
  return totals;
}
