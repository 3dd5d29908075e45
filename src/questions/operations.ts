import type { Message } from "grammy/types";
import type { Repos } from "../db/repos/index.js";
import type { UserRow } from "../db/repos/users.js";
import type { Role } from "../people/operations.js";
import type { RelayControl } from "./relay.js";

/** At most this many relays per participant within RELAY_WINDOW_MS; the rest wait, batched, for the window. */
export const RELAY_LIMIT = 3;
export const RELAY_WINDOW_MS = 60_000;

export type ReceiveQuestion =
  /** `now`: on its way to the organisers; `batched`: waits with the others until `dueAt`. */
  | { ok: true; relayed: "now" | "batched"; dueAt: number; relayId: number; acknowledge: boolean }
  | { ok: false; reason: "not_participant" };

export type AnswerQuestion =
  | { ok: true; user: UserRow }
  /** The message replied to is not one of the relayed questions. */
  | { ok: false; reason: "not_a_question" }
  /** Only owners and admins answer. */
  | { ok: false; reason: "not_admin" }
  /** The participant was deleted or left: nothing is sent. */
  | { ok: false; reason: "gone"; userId: number }
  | { ok: false; reason: "undelivered"; user: UserRow; description: string };

export type ShowFiles = { ok: true; count: number } | { ok: false; reason: "not_found" | "gone" };

/**
 * Questions to the organisers (issue 15). A registered participant's message
 * that is not a command is stored and relayed to the organisers: to
 * SUPPORT_CHAT_ID, or to every owner's and admin's private chat. The rate
 * limit, per participant: at most RELAY_LIMIT relays within any
 * RELAY_WINDOW_MS; a message over it joins the participant's batch, which
 * goes out as one message when the window has room again. Both the messages
 * and the batch's due time are in the database, so a restart loses nothing.
 * The participant hears that their message went to the organisers at most
 * once per window. An owner's or admin's reply to any relayed message goes
 * back to the participant as from the organisers, and every copy is marked
 * answered (by whom).
 */
export function createQuestionsOperations(deps: { repos: Repos; relay: RelayControl; roleOf(userId: number): Role }) {
  const { repos, relay } = deps;
  const { questions } = repos;

  return {
    /**
     * A participant's message: stored, and relayed at once when the limit
     * allows (resolves once it went out, so the participant hears of it
     * after the organisers have it), else batched.
     */
    async receive(args: { userId: number; messageId: number; kind: string; detail?: string | undefined; content: string }, now = Date.now()): Promise<ReceiveQuestion> {
      if (deps.roleOf(args.userId) !== "participant") return { ok: false, reason: "not_participant" } as const;
      const result = repos.transaction((): ReceiveQuestion => {
        let target = questions.openBatch(args.userId, now);
        if (!target) {
          // Relays that went out within the window, newest first: a full window means the next waits for its oldest to age out.
          const released = questions.releasedSince(args.userId, RELAY_WINDOW_MS, now);
          const dueAt = released.length < RELAY_LIMIT ? now : released[RELAY_LIMIT - 1]! + RELAY_WINDOW_MS;
          target = questions.createRelay(args.userId, dueAt, now);
        }
        const last = questions.lastAcknowledged(args.userId);
        const acknowledge = last === null || now - last >= RELAY_WINDOW_MS;
        questions.addQuestion({ relayId: target.id, userId: args.userId, messageId: args.messageId, kind: args.kind, detail: args.detail, content: args.content, acknowledged: acknowledge }, now);
        return { ok: true, relayed: target.due_at <= now ? "now" : "batched", dueAt: target.due_at, relayId: target.id, acknowledge };
      });
      if (result.ok && result.relayed === "now") await relay.kick();
      else void relay.kick();
      return result;
    },

    /**
     * An organiser replied (Telegram's reply) to a relayed message in chat
     * `chatId`: the reply goes to the participant, quoted under their
     * question, and every copy of the relay is marked answered by them.
     */
    async answer(args: { chatId: number; replyTo: number; by: number; message: Message }): Promise<AnswerQuestion> {
      const target = questions.messageAt(args.chatId, args.replyTo);
      if (!target) return { ok: false, reason: "not_a_question" };
      const role = deps.roleOf(args.by);
      if (role !== "founder" && role !== "admin") return { ok: false, reason: "not_admin" };
      const relayRow = questions.relay(target.relay_id)!;
      const user = repos.users.findById(relayRow.user_id);
      const asked = questions.questionsOf(relayRow.id);
      if (!user || user.deleted_at !== null || user.registered_at === null || asked.length === 0) return { ok: false, reason: "gone", userId: relayRow.user_id };
      const sent = await relay.sendAnswer({ user, quote: asked[asked.length - 1]!.message_id, fromChatId: args.chatId, message: args.message });
      if (!sent.ok) return { ok: false, reason: "undelivered", user, description: sent.description };
      repos.transaction(() => {
        questions.markAnswered(relayRow.id, args.by);
        repos.audit.record({ actorId: args.by, action: "answer", args: String(user.id), result: `relay ${relayRow.id}` });
      });
      relay.markAnswered(relayRow.id);
      return { ok: true, user };
    },

    /** "Show the files" on a batch: the photos, documents, voice messages … of the batch, copied into this chat. */
    async showFiles(args: { relayId: number; chatId: number }): Promise<ShowFiles> {
      const relayRow = questions.relay(args.relayId);
      if (!relayRow) return { ok: false, reason: "not_found" };
      const asked = questions.questionsOf(relayRow.id);
      if (asked.length === 0 || repos.users.findById(relayRow.user_id)?.deleted_at != null) return { ok: false, reason: "gone" };
      return { ok: true, count: await relay.copyFiles(relayRow.id, args.chatId) };
    },
  };
}

export type QuestionsOperations = ReturnType<typeof createQuestionsOperations>;
