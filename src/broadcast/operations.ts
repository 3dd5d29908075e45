import type { Message } from "grammy/types";
import type { Repos } from "../db/repos/index.js";
import type { BroadcastRow } from "../db/repos/broadcasts.js";
import type { JobRow } from "../db/repos/jobs.js";
import type { EngineControl } from "../delivery/engine.js";
import type { PeopleOperations } from "../people/operations.js";
import { cutText } from "../tickets/names.js";
import { broadcastFromMessage, type BroadcastSource } from "./content.js";

export interface Audience {
  participants: number;
  /** Organisers who receive it too (when the admin chose so). */
  admins: number[];
}

export type DraftResult = { ok: true; draft: BroadcastRow } | Extract<BroadcastSource, { ok: false }>;

export type ConfirmBroadcast =
  /** Queued; `launch()` starts it once the admin has been told. */
  | { ok: true; job: JobRow; total: number; queued: boolean; launch(): void }
  | { ok: false; reason: "nobody" };

/**
 * Broadcasts (SPEC §6): a draft until the admin confirms the preview, then a
 * delivery job of the same engine as tickets. A draft belongs to the chat it
 * was made in; a button of another chat, or of a draft no longer waiting,
 * finds nothing.
 */
export function createBroadcastOperations(deps: { repos: Repos; people: PeopleOperations; engine: EngineControl }) {
  const { repos, people, engine } = deps;
  const { broadcasts } = repos;

  const audience = (draft: BroadcastRow): Audience => ({
    participants: people.recipientCount(),
    admins: draft.include_admins === 1 ? people.organiserIds() : [],
  });

  return {
    audience,

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
    toggleAdmins(draft: BroadcastRow): BroadcastRow {
      broadcasts.toggleAdmins(draft.id);
      return broadcasts.byId(draft.id)!;
    },
    cancel(draft: BroadcastRow): boolean {
      return broadcasts.transition(draft.id, "draft", "cancelled");
    },
    /** /cancel: every draft of this admin that still waits. */
    cancelDraftsOf(adminId: number): number {
      return broadcasts.draftsOf(adminId).filter((draft) => broadcasts.transition(draft.id, "draft", "cancelled")).length;
    },

    /** ✅ Send: the draft becomes a delivery job for the audience as it is now; chosen admins are queued with it. */
    confirm(args: { draft: BroadcastRow; by: number; chatId: number; locale: string }): ConfirmBroadcast {
      const { participants, admins } = audience(args.draft);
      const total = participants + admins.length;
      if (total === 0) return { ok: false, reason: "nobody" };
      const queued = engine.isBusy();
      const job = repos.transaction(() => {
        const created = repos.jobs.create({ kind: "broadcast", refId: args.draft.id, startedBy: args.by, chatId: args.chatId, locale: args.locale, total });
        if (!broadcasts.attachJob(args.draft.id, created.id)) throw new Error(`broadcast ${args.draft.id} is no longer a draft`);
        // Admins are queued with the job; the engine sends pending rows first.
        for (const adminId of admins) repos.jobs.addDelivery({ jobId: created.id, userId: adminId, itemId: null, status: "pending" });
        return created;
      });
      repos.audit.record({
        actorId: args.by,
        action: "broadcast",
        args: `#${args.draft.id} ${cutText(args.draft.summary, 100)}`,
        result: `job ${job.id}, ${total} recipients`,
      });
      return { ok: true, job, total, queued, launch: () => engine.kick() };
    },
  };
}

export type BroadcastOperations = ReturnType<typeof createBroadcastOperations>;
