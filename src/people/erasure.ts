import type { Repos } from "../db/repos/index.js";
import type { PromptRow } from "../db/repos/prompts.js";
import type { Role } from "./operations.js";
import { showPerson } from "./user-ref.js";

export interface Erasure {
  /** The person had registered (as opposed to someone known by id only). */
  wasParticipant: boolean;
  chatLines: number;
  /** Tickets that certainly never left, back in the pool. */
  ticketsReleased: number;
  /** Tickets sent, or whose delivery may have happened: bound to the erased record for good. */
  ticketsRevoked: number;
  /** Deliveries of running jobs that will not be sent. */
  deliveriesCancelled: number;
  /** Questions they sent the organisers, erased (their relayed copies reduced to "#id"). */
  questions: number;
}

/**
 * Erases a person, in one transaction (SPEC §11): /delete_user for anyone the
 * bot knows, and /leave.
 *
 * - Nothing more is sent to them: their deliveries still due in running jobs
 *   are skipped now (the engine also re-checks every send). A send already
 *   in flight cannot be called back; its outcome is recorded when it returns.
 * - A ticket goes back to the pool only when it certainly never left: its
 *   delivery was never attempted. One that was sent, or whose delivery may
 *   have happened (in flight, waiting for a retry, held after an uncertain
 *   attempt), stays bound to the erased record as revoked: never anyone
 *   else's, and no longer theirs should they come back with a new invite.
 * - Their profile, chat log, registration in progress, refusals and
 *   lock-out go; their @username goes from other people's chat logs and
 *   from tickets a manifest named for it; the security log keeps the id.
 *   The id itself stays, so history reads "deleted user #id".
 * - What they asked the organisers goes; the copies relayed to admins'
 *   private chats become a "question_erased" line in those admins' chat
 *   logs (read as "[вопрос от #id]" / "[question from #id]"),
 *   and their name as the bot showed it to admins ("Anna Ivanova, @anna
 *   (123)" on a person card) becomes "#id" there. A batch still waiting for
 *   its minute is never sent. They leave the waiting list.
 */
export function eraseUser(repos: Repos, userId: number, now = Date.now()): Erasure {
  return repos.transaction(() => {
    const { users, jobs, tickets, chatLog, security, invites, questions, waiting } = repos;
    const user = users.findById(userId);
    let deliveriesCancelled = 0;
    for (const delivery of jobs.openDeliveriesOf(userId)) {
      const inFlight = delivery.status === "pending" && delivery.claimed_at !== null;
      if (!inFlight && jobs.skip(delivery.id, "erased", now)) deliveriesCancelled++;
    }
    let ticketsReleased = 0;
    let ticketsRevoked = 0;
    for (const ticket of tickets.boundTo(userId)) {
      const delivery = ticket.status === "assigned" ? jobs.latestDeliveryOf(ticket.id, userId) : undefined;
      const neverAttempted = delivery !== undefined && delivery.claimed_at === null;
      if (neverAttempted && tickets.release(ticket.id, userId, { error: null, heldFor: null, missing: false })) ticketsReleased++;
      else if (tickets.revoke(ticket.id, userId, "erased", now)) ticketsRevoked++;
    }
    const chatLines = chatLog.erase(userId);
    for (const message of questions.messagesOfUser(userId)) {
      if (message.chat_id > 0) chatLog.rewriteSent(message.chat_id, message.message_id, { kind: "question_erased", detail: `#${userId}`, content: "" });
    }
    const erasedQuestions = questions.eraseUser(userId, now);
    waiting.remove(userId);
    // The name as shown to admins first: it contains the "@name (id)" mention replaced next.
    if (user && (user.first_name || user.last_name)) chatLog.forgetText(showPerson(user), `#${userId}`);
    if (user?.username) {
      chatLog.forgetMentions(user.username, userId);
      tickets.nameByIdInstead(user.username, userId);
    }
    security.forgetUser(userId);
    invites.forgetUser(userId);
    users.erase(userId, now);
    return { wasParticipant: user?.registered_at != null, chatLines, ticketsReleased, ticketsRevoked, deliveriesCancelled, questions: erasedQuestions };
  });
}

/**
 * Someone who is neither a participant nor an organiser is known by id only
 * (SPEC §11). Called at start-up, for profiles and chat logs an older version
 * kept of visitors, and when an admin who never registered is removed.
 */
export function forgetVisitor(repos: Repos, userId: number): void {
  repos.transaction(() => {
    repos.users.forgetProfile(userId);
    repos.chatLog.erase(userId);
  });
}

export function forgetIdentifiedVisitors(repos: Repos, founderIds: readonly number[]): number {
  const ids = repos.users.identifiedVisitors(founderIds);
  for (const id of ids) forgetVisitor(repos, id);
  return ids.length;
}

export type ErasureRefusal = "founder" | "admin" | "staff";

/** Messages erasure sends the person concerned, before it (the bot layer writes them in their language). */
export interface ErasureNotices {
  /** "The organisers removed you from the event": /delete_user, sent once, before the erasure. */
  removed(userId: number): Promise<void>;
}

/** What erasure needs to know of people: who is an organiser now. */
export interface ErasureDeps {
  repos: Repos;
  roleOf(userId: number): Role;
  notices?: ErasureNotices | undefined;
}

/** Owners (configuration), admins and door staff (remove the role first) are not erased through the bot. */
function erasureRefusal(deps: ErasureDeps, userId: number): ErasureRefusal | undefined {
  const role = deps.roleOf(userId);
  return role === "founder" || role === "admin" || role === "staff" ? role : undefined;
}

export type RequestErasure = { ok: true; promptId: number } | { ok: false; reason: ErasureRefusal };

/** /delete_user: anyone the bot knows, after a confirmation whose prompt names them. */
export function requestErasure(deps: ErasureDeps, args: { userId: number; by: number; chatId: number }): RequestErasure {
  return askToErase(deps, "delete_user", args);
}

/** The confirmation question of an erasure (/delete_user by an admin, /leave by the person), unless the person may not be erased. */
function askToErase(deps: ErasureDeps, kind: "delete_user" | "leave", args: { userId: number; by: number; chatId: number }): RequestErasure {
  const refusal = erasureRefusal(deps, args.userId);
  if (refusal) return { ok: false, reason: refusal };
  const promptId = deps.repos.prompts.create({ kind, payload: { userId: args.userId }, by: args.by, chatId: args.chatId });
  return { ok: true, promptId };
}

export type ConfirmErasure =
  | { ok: true; userId: number; erasure: Erasure }
  | { ok: false; reason: "answered"; userId: number; kept: boolean }
  | { ok: false; reason: ErasureRefusal; userId: number };

/**
 * The confirmation pressed: the person its own prompt named is erased, the
 * prompt answered in the same transaction. A participant is told first,
 * once: after the erasure nothing more is sent to them. (Should the process
 * die between the two, the press is handled again after the restart and the
 * notice repeated — to the same person, never after the erasure.)
 */
export async function confirmErasure(deps: ErasureDeps, args: { prompt: PromptRow; by: number }, now = Date.now()): Promise<ConfirmErasure> {
  const { repos } = deps;
  const { userId } = JSON.parse(args.prompt.payload) as { userId: number };
  const person = repos.users.findById(userId);
  const due = args.prompt.resolved_at === null && !erasureRefusal(deps, userId);
  if (due && deps.notices && person?.registered_at != null && person.deleted_at === null && person.blocked_at === null) await deps.notices.removed(userId);
  return repos.transaction((): ConfirmErasure => {
    if (args.prompt.resolved_at !== null) return { ok: false, reason: "answered", userId, kept: args.prompt.resolution === "kept" };
    // Checked again: the person may have become an admin since the question.
    const refusal = erasureRefusal(deps, userId);
    if (refusal) return { ok: false, reason: refusal, userId };
    if (!repos.prompts.resolve(args.prompt.id, "done", now)) return { ok: false, reason: "answered", userId, kept: false };
    const erasure = eraseUser(repos, userId, now);
    // The audit keeps the id only: the person's name is what is being removed.
    repos.audit.record({ actorId: args.by, action: "delete_user", args: String(userId), result: `deleted; ${erasure.ticketsReleased} tickets back, ${erasure.ticketsRevoked} revoked` });
    return { ok: true, userId, erasure };
  });
}

export type RequestLeave = RequestErasure;

/** /leave: a participant asks to be erased; the prompt keeps who asked. Organisers leave their role first. */
export function requestLeave(deps: ErasureDeps, args: { userId: number; chatId: number }): RequestLeave {
  return askToErase(deps, "leave", { ...args, by: args.userId });
}

export type ConfirmLeave =
  | { ok: true; userId: number; erasure: Erasure }
  | { ok: false; reason: "answered"; kept: boolean }
  | { ok: false; reason: "stale" }
  | { ok: false; reason: ErasureRefusal };

/**
 * /leave confirmed by the person it asked: erased exactly as /delete_user
 * erases (eraseUser), the prompt answered in the same transaction. The audit
 * log keeps that #id left, nothing more.
 */
export function confirmLeave(deps: ErasureDeps, args: { prompt: PromptRow; by: number }, now = Date.now()): ConfirmLeave {
  const { repos } = deps;
  const { userId } = JSON.parse(args.prompt.payload) as { userId: number };
  if (userId !== args.by) return { ok: false, reason: "stale" };
  return repos.transaction((): ConfirmLeave => {
    if (args.prompt.resolved_at !== null) return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept" };
    const refusal = erasureRefusal(deps, userId);
    if (refusal) return { ok: false, reason: refusal };
    if (repos.users.findById(userId)?.registered_at == null) return { ok: false, reason: "stale" };
    if (!repos.prompts.resolve(args.prompt.id, "done", now)) return { ok: false, reason: "answered", kept: false };
    const erasure = eraseUser(repos, userId, now);
    repos.audit.record({ actorId: userId, action: "leave", args: String(userId), result: `erased; ${erasure.ticketsReleased} tickets back, ${erasure.ticketsRevoked} revoked` });
    return { ok: true, userId, erasure };
  });
}
