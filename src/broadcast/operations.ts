import type { Message } from "grammy/types";
import type { Repos } from "../db/repos/index.js";
import type { AudienceCount } from "../db/repos/audiences.js";
import type { Audience, BroadcastRow } from "../db/repos/broadcasts.js";
import type { JobRow } from "../db/repos/jobs.js";
import type { EngineControl } from "../delivery/engine.js";
import type { PeopleOperations } from "../people/operations.js";
import { cutText } from "../tickets/names.js";
import { broadcastFromMessage, type BroadcastSource } from "./content.js";

/** Who an announcement reaches now: its audience's participants (blocked ones apart) and the organisers, when chosen. */
export interface Recipients extends AudienceCount {
  organisers: number[];
}

export type DraftResult = { ok: true; draft: BroadcastRow } | Extract<BroadcastSource, { ok: false }>;

export type ConfirmBroadcast =
  /** Queued; `launch()` starts it once the admin has been told. */
  | { ok: true; job: JobRow; total: number; queued: boolean; launch(): void }
  | { ok: false; reason: "nobody" };

export type ScheduleBroadcast = { ok: true; draft: BroadcastRow; recipients: Recipients } | { ok: false; reason: "past" | "not_draft" };

export type StartScheduled =
  | { ok: true; broadcast: BroadcastRow; job: JobRow; total: number; lateMs: number }
  | { ok: false; reason: "nobody"; broadcast: BroadcastRow }
  | { ok: false; reason: "not_scheduled" };

/**
 * Announcements (SPEC §6, issue 16): a draft until the admin confirms the
 * preview — now, or at a chosen moment — then a delivery job of the same
 * engine as tickets. The audience is resolved when the job is made (for a
 * scheduled one: at its moment) and walked as the job runs; people who
 * blocked the bot are left out. A draft belongs to the chat it was made in; a
 * button of another chat, or of a draft no longer waiting, finds nothing.
 */
export function createBroadcastOperations(deps: { repos: Repos; people: PeopleOperations; engine: EngineControl }) {
  const { repos, people, engine } = deps;
  const { broadcasts } = repos;

  const recipients = (draft: BroadcastRow): Recipients => ({
    ...repos.audiences.count(draft.audience, repos.audiences.wave(), people.organiserIds()),
    organisers: draft.include_admins === 1 ? people.organiserIds() : [],
  });

  /** The draft (or scheduled announcement) becomes a delivery job for its audience as it is now; chosen organisers are queued with it. */
  function createJob(draft: BroadcastRow, args: { by: number; chatId: number; locale: string }, link: (jobId: number) => boolean): { job: JobRow; total: number } | undefined {
    const { reachable, organisers } = recipients(draft);
    const total = reachable + organisers.length;
    if (total === 0) return undefined;
    const job = repos.transaction(() => {
      const created = repos.jobs.create({ kind: "broadcast", refId: draft.id, startedBy: args.by, chatId: args.chatId, locale: args.locale, total });
      if (!link(created.id)) throw new Error(`broadcast ${draft.id} is no longer waiting`);
      // Organisers are queued with the job; the engine sends pending rows first.
      for (const organiserId of organisers) repos.jobs.addDelivery({ jobId: created.id, userId: organiserId, itemId: null, status: "pending" });
      return created;
    });
    repos.audit.record({
      actorId: args.by,
      action: "broadcast",
      args: `#${draft.id} ${draft.audience} ${cutText(draft.summary, 100)}`,
      result: `job ${job.id}, ${total} recipients`,
    });
    return { job, total };
  }

  return {
    recipients,

    /** /broadcast: what the admin's message asks to send, as a draft to preview. */
    draft(args: { message: Message; by: number; chatId: number }): DraftResult {
      const source = broadcastFromMessage(args.message);
      if (!source.ok) return source;
      const draft = broadcasts.createDraft({ by: args.by, chatId: args.chatId, summary: cutText(source.summary, 500), content: source.content });
      return { ok: true, draft };
    },
    /** The preview could not be sent (Telegram refused to copy the message): the draft is dropped. */
    discard(draftId: number): void {
      broadcasts.transition(draftId, "draft", "cancelled");
    },
    setControlMessage(draftId: number, messageId: number): void {
      broadcasts.setControlMessage(draftId, messageId);
    },
    /** The draft a control button of this chat refers to, while it still waits for confirmation. */
    waiting(draftId: number, chatId: number): BroadcastRow | undefined {
      const draft = broadcasts.byId(draftId);
      return draft && draft.chat_id === chatId && draft.status === "draft" ? draft : undefined;
    },
    toggleOrganisers(draft: BroadcastRow): BroadcastRow {
      broadcasts.toggleAdmins(draft.id);
      return broadcasts.byId(draft.id)!;
    },
    chooseAudience(draft: BroadcastRow, audience: Audience): BroadcastRow {
      broadcasts.setAudience(draft.id, audience);
      return broadcasts.byId(draft.id)!;
    },
    cancel(draft: BroadcastRow): boolean {
      return broadcasts.transition(draft.id, "draft", "cancelled");
    },
    /** /cancel: every draft of this admin that still waits. */
    cancelDraftsOf(adminId: number): number {
      return broadcasts.draftsOf(adminId).filter((draft) => broadcasts.transition(draft.id, "draft", "cancelled")).length;
    },

    /** ✅ Send: the draft becomes a delivery job now. */
    confirm(args: { draft: BroadcastRow; by: number; chatId: number; locale: string }): ConfirmBroadcast {
      const queued = engine.isBusy();
      const created = createJob(args.draft, args, (jobId) => broadcasts.attachJob(args.draft.id, jobId));
      if (!created) return { ok: false, reason: "nobody" };
      return { ok: true, ...created, queued, launch: () => engine.kick() };
    },

    /** 🕒 Later: the draft waits for `at`; a moment that has passed is refused. */
    schedule(args: { draftId: number; chatId: number; at: number; by: number; locale: string }, now = Date.now()): ScheduleBroadcast {
      if (args.at <= now) return { ok: false, reason: "past" };
      const draft = broadcasts.byId(args.draftId);
      if (!draft || draft.chat_id !== args.chatId || !broadcasts.schedule(draft.id, { at: args.at, by: args.by, locale: args.locale })) return { ok: false, reason: "not_draft" };
      const scheduled = broadcasts.byId(draft.id)!;
      repos.audit.record({ actorId: args.by, action: "schedule_broadcast", args: `#${draft.id} ${cutText(draft.summary, 100)}`, result: `at ${new Date(args.at).toISOString()}` });
      return { ok: true, draft: scheduled, recipients: recipients(scheduled) };
    },
    /** /scheduled: what waits for its moment, soonest first. */
    scheduled(): Array<{ broadcast: BroadcastRow; recipients: Recipients }> {
      return broadcasts.scheduled().map((broadcast) => ({ broadcast, recipients: recipients(broadcast) }));
    },
    /** ❌ on /scheduled: false when it has started or was cancelled meanwhile. */
    unschedule(args: { id: number; by: number }): { ok: true; broadcast: BroadcastRow } | { ok: false; broadcast: BroadcastRow | undefined } {
      const cancelled = broadcasts.transition(args.id, "scheduled", "cancelled");
      const broadcast = broadcasts.byId(args.id);
      if (!cancelled || !broadcast) return { ok: false, broadcast };
      repos.audit.record({ actorId: args.by, action: "unschedule_broadcast", args: `#${args.id}`, result: "cancelled" });
      return { ok: true, broadcast };
    },
    /** Scheduled announcements whose moment has come, or passed while the bot was down. */
    due(now = Date.now()): BroadcastRow[] {
      return broadcasts.due(now);
    },
    /**
     * Starts a due announcement exactly once: scheduled → sending and its job
     * in one transaction, so a restart finds it either waiting or running.
     * Nobody in the audience any more: it ends as sent to no one, and says so.
     */
    startScheduled(id: number, now = Date.now()): StartScheduled {
      const broadcast = broadcasts.byId(id);
      if (!broadcast || broadcast.status !== "scheduled") return { ok: false, reason: "not_scheduled" };
      const by = broadcast.scheduled_by ?? broadcast.created_by;
      const locale = broadcast.locale ?? "ru";
      const created = createJob(broadcast, { by, chatId: broadcast.chat_id, locale }, (jobId) => broadcasts.startScheduled(id, jobId));
      if (!created) {
        return broadcasts.transition(id, "scheduled", "sent") ? { ok: false, reason: "nobody", broadcast } : { ok: false, reason: "not_scheduled" };
      }
      engine.kick();
      return { ok: true, broadcast, ...created, lateMs: Math.max(0, now - (broadcast.scheduled_at ?? now)) };
    },
  };
}

export type BroadcastOperations = ReturnType<typeof createBroadcastOperations>;
