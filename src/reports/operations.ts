import type { Repos } from "../db/repos/index.js";
import type { ChatLogEntry } from "../db/repos/chatlog.js";
import type { JobRow, JobTally } from "../db/repos/jobs.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { WaveCounts } from "../db/repos/tickets.js";
import type { UserRow } from "../db/repos/users.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { EngineControl } from "../delivery/engine.js";
import type { Translate } from "../i18n.js";
import { createSheets, type SheetDeps, type Sheets } from "./sheets.js";

/** Where the event stands, for the admin menu's heading. */
export interface Overview {
  participants: number;
  wave?: { wave: WaveRow; counts: WaveCounts; failed: number };
  jobs: Array<{ job: JobRow; tally: JobTally }>;
  /** The engine is working on a job now (unfinished jobs without it are waiting for it). */
  engineBusy: boolean;
}

export type ChatLogExport =
  | { kind: "unknown" }
  | { kind: "erased"; user: UserRow; deletedAt: number }
  | { kind: "empty"; user: UserRow }
  /** A snapshot: lines written while the file is made stay out of it, so the header's counts are the file's. */
  | { kind: "log"; user: UserRow; lines: number; firstAt: number; lastAt: number; entries(): Generator<ChatLogEntry> };

/** The read side: report sheets, the chat log export, the security log and the menu's overview. */
export function createReportsOperations(deps: SheetDeps & { repos: Repos; engine: EngineControl }) {
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

    overview(): Overview {
      const wave = repos.waves.active();
      const latest = wave ? repos.jobs.latestOf("tickets", wave.id) : undefined;
      return {
        participants: repos.users.countParticipants(),
        ...(wave ? { wave: { wave, counts: repos.tickets.counts(wave.id), failed: latest ? repos.jobs.tally(latest.id).failed : 0 } } : {}),
        jobs: repos.jobs.unfinished().map((job) => ({ job, tally: repos.jobs.tally(job.id) })),
        engineBusy: deps.engine.isBusy(),
      };
    },

    /** Reading reports and someone's conversation are admin actions like any other (SPEC §9). */
    recordExport(entry: { by: number; action: string; args?: string; result: string }): void {
      repos.audit.record({ actorId: entry.by, action: entry.action, ...(entry.args !== undefined ? { args: entry.args } : {}), result: entry.result });
    },
  };
}

export type ReportsOperations = ReturnType<typeof createReportsOperations>;
