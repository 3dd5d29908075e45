import type { Config } from "../config.js";
import type { ChatLogEntry } from "../db/repos/chatlog.js";
import type { CheckinRow } from "../db/repos/checkins.js";
import type { InviteRow } from "../db/repos/invites.js";
import type { QuestionRow } from "../db/repos/questions.js";
import type { WaitingRow } from "../db/repos/waiting.js";
import type { Repos } from "../db/repos/index.js";
import type { Described } from "../telegram/describe.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { DeliveryRow } from "../db/repos/jobs.js";
import type { TicketRow } from "../db/repos/tickets.js";
import type { TelegramProfile, UserRow } from "../db/repos/users.js";
import type { WaveRow } from "../db/repos/waves.js";
import { confirmErasure, confirmLeave, forgetIdentifiedVisitors, forgetVisitor, requestErasure, requestLeave, type ErasureNotices } from "./erasure.js";
import type { UserRef } from "./user-ref.js";

/** Who someone is to the bot, read at the moment of use (a role revoked a second ago is already gone). */
export type Role = "founder" | "admin" | "staff" | "participant" | "visitor";

export interface PeopleDeps {
  config: Pick<Config, "FOUNDER_IDS">;
  repos: Repos;
  /** What erasure tells the person before it (the bot's; tests may leave it out). */
  notices?: ErasureNotices;
}

export type AddAdmin = { ok: true } | { ok: false; reason: "founder" | "already_admin" };
export type RemoveAdmin = { ok: true } | { ok: false; reason: "founder" | "not_admin" };
export type AddStaff = { ok: true } | { ok: false; reason: "founder" | "admin" | "already_staff" };
export type RemoveStaff = { ok: true } | { ok: false; reason: "not_staff" };

/** What an admin sees about one person (/find). */
export interface PersonCard {
  person: UserRow;
  role: Role;
  tickets: Array<{ ticket: TicketRow; wave: WaveRow }>;
  lastFailure: DeliveryRow | undefined;
  /** When the agreement version the person accepted first appeared. */
  agreementSince: number | undefined;
}

/** Everything the bot stores about a person (/mydata): each part as stored, the chat log streamed. */
export interface PersonalData {
  person: UserRow;
  invite: InviteRow | undefined;
  tickets: Array<{ ticket: TicketRow; wave: WaveRow }>;
  checkins: CheckinRow[];
  waiting: WaitingRow | undefined;
  questions: Array<QuestionRow & { answered_at: number | null; answered_by: number | null }>;
  /** When the agreement version the person accepted first appeared. */
  agreementSince: number | undefined;
  chatLines: number;
  chatLog(): Generator<ChatLogEntry>;
}

/** A line of a person's conversation with the bot, either way. */
export interface ChatLine extends Described {
  userId: number;
  direction: "in" | "out";
  messageId?: number | undefined;
}

/**
 * People: roles, organisers, what the bot keeps of whom, and erasure.
 * Founders come from the configuration, admins and participants from the
 * database. Participants and organisers are known with their profile and
 * conversation; anyone else by id only (SPEC §11).
 */
export function createPeopleOperations(deps: PeopleDeps) {
  const { config, repos } = deps;
  const isFounder = (userId: number): boolean => config.FOUNDER_IDS.includes(userId);
  const roleOf = (userId: number): Role => {
    if (isFounder(userId)) return "founder";
    if (repos.admins.isAdmin(userId)) return "admin";
    if (repos.staff.isStaff(userId)) return "staff";
    return repos.users.isParticipant(userId) ? "participant" : "visitor";
  };
  /** Owners, admins and door staff: they receive no tickets, and announcements only when chosen. */
  const isOrganiser = (userId: number): boolean => {
    const role = roleOf(userId);
    return role !== "participant" && role !== "visitor";
  };
  /** Every owner and admin, now (owners first). */
  const adminIds = (): number[] => [...new Set([...config.FOUNDER_IDS, ...repos.admins.list().map((a) => a.user_id)])];
  /** Every owner, admin and door staff member, now. */
  const organiserIds = (): number[] => [...new Set([...adminIds(), ...repos.staff.list().map((s) => s.user_id)])];

  return {
    roleOf,
    isOrganiser,
    adminIds,
    organiserIds,
    find(ref: UserRef): UserRow | undefined {
      return ref.kind === "id" ? repos.users.findById(ref.id) : repos.users.findByUsername(ref.username);
    },
    byId(userId: number): UserRow | undefined {
      return repos.users.findById(userId);
    },

    /** Someone sent an update: an organiser's or participant's profile is refreshed; anyone else is noted by id. */
    noteSender(profile: TelegramProfile, role: Role): void {
      if (role === "visitor") repos.users.seen(profile.id);
      else repos.users.touch(profile);
    },
    /** The person blocked the bot: worth knowing before a delivery (kept for people the bot knows by name only). */
    blockedTheBot(userId: number, role: Role): void {
      if (role !== "visitor") repos.users.markBlocked(userId);
    },
    /** Writes a line of the conversation, for participants and organisers only. */
    recordChatLine(line: ChatLine, at = Date.now()): void {
      // A participant is the common case (every delivery): one query for them.
      if (repos.users.isParticipant(line.userId) || roleOf(line.userId) !== "visitor") repos.chatLog.record(line, at);
    },
    /** What the bot received as message #id from this person (to describe a copy of it). */
    receivedMessage(userId: number, messageId: number): Described | undefined {
      const entry = repos.chatLog.incoming(userId, messageId);
      if (!entry) return undefined;
      // An edited message is copied as it reads now: its kind without the "edited" mark.
      const kind = entry.kind.replace(/^edited_/, "");
      return entry.detail !== null ? { kind, detail: entry.detail, content: entry.content } : { kind, content: entry.content };
    },
    /** An admin-only command or button used without the right (SPEC §4). */
    refused(args: { userId: number | null; username: string | null; action: string }): SecurityEvent {
      return repos.security.record({ ...args, kind: "unauthorized" });
    },

    /** /add_admin: founders are set in the configuration and need no adding. */
    addAdmin(args: { target: UserRow; by: number }): AddAdmin {
      if (isFounder(args.target.id)) return { ok: false, reason: "founder" };
      const added = repos.admins.add(args.target.id, args.by);
      repos.audit.record({ actorId: args.by, action: "add_admin", args: String(args.target.id), result: added ? "added" : "already admin" });
      return added ? { ok: true } : { ok: false, reason: "already_admin" };
    },
    /** /remove_admin: someone who never registered is known by id only from then on. */
    removeAdmin(args: { target: UserRow; by: number }): RemoveAdmin {
      if (isFounder(args.target.id)) return { ok: false, reason: "founder" };
      const removed = repos.admins.remove(args.target.id);
      repos.audit.record({ actorId: args.by, action: "remove_admin", args: String(args.target.id), result: removed ? "removed" : "not an admin" });
      if (!removed) return { ok: false, reason: "not_admin" };
      if (args.target.registered_at === null) forgetVisitor(repos, args.target.id);
      return { ok: true };
    },

    /** /add_staff: door staff check people in and do nothing else; owners and admins can do that already. */
    addStaff(args: { target: UserRow; by: number }): AddStaff {
      const role = roleOf(args.target.id);
      if (role === "founder" || role === "admin") return { ok: false, reason: role };
      const added = repos.staff.add(args.target.id, args.by);
      repos.audit.record({ actorId: args.by, action: "add_staff", args: String(args.target.id), result: added ? "added" : "already staff" });
      return added ? { ok: true } : { ok: false, reason: "already_staff" };
    },
    /** /remove_staff: someone who never registered is known by id only from then on. */
    removeStaff(args: { target: UserRow; by: number }): RemoveStaff {
      const removed = repos.staff.remove(args.target.id);
      repos.audit.record({ actorId: args.by, action: "remove_staff", args: String(args.target.id), result: removed ? "removed" : "not staff" });
      if (!removed) return { ok: false, reason: "not_staff" };
      if (args.target.registered_at === null) forgetVisitor(repos, args.target.id);
      return { ok: true };
    },
    /** Door staff, with who added them (the Staff sheet). */
    staff: () => repos.staff.list(),

    /** /find: registration, tickets of every wave with their state and times, the latest delivery that did not arrive. */
    card(userId: number): PersonCard | undefined {
      const person = repos.users.findById(userId);
      if (!person) return undefined;
      const tickets = repos.tickets.historyOf(userId).map((ticket) => ({ ticket, wave: repos.waves.byId(ticket.wave_id)! }));
      const agreementSince = person.agreement_version !== null ? repos.agreements.firstSeen().get(person.agreement_version) : undefined;
      return { person, role: roleOf(userId), tickets, lastFailure: repos.jobs.lastFailureOf(userId), agreementSince };
    },
    /** The person a ticket file belongs to (or was held for), for /find and /checkin by file name. */
    ownersOfFile(fileName: string): UserRow[] {
      const ids = new Set(repos.tickets.findByFileName(fileName).map((t) => t.user_id ?? t.held_for).filter((id): id is number => id !== null));
      return [...ids].map((id) => repos.users.findById(id)).filter((u): u is UserRow => u !== undefined);
    },

    requestErasure: (args: { userId: number; by: number; chatId: number }) => requestErasure({ repos, roleOf }, args),
    confirmErasure: (args: Parameters<typeof confirmErasure>[1]) => confirmErasure({ repos, roleOf, notices: deps.notices }, args),
    /** /leave: the participant's own erasure, after a confirmation. */
    requestLeave: (args: { userId: number; chatId: number }) => requestLeave({ repos, roleOf }, args),
    confirmLeave: (args: Parameters<typeof confirmLeave>[1]) => confirmLeave({ repos, roleOf }, args),

    /** /mydata: everything stored about a registered person, as stored (a snapshot of the chat log up to now). */
    dataOf(userId: number): PersonalData | undefined {
      const person = repos.users.findById(userId);
      if (!person || person.registered_at === null) return undefined;
      const span = repos.chatLog.span(userId);
      return {
        person,
        invite: person.invite_code ? repos.invites.find(person.invite_code) : undefined,
        tickets: repos.tickets.historyOf(userId).map((ticket) => ({ ticket, wave: repos.waves.byId(ticket.wave_id)! })),
        checkins: repos.checkins.ofUser(userId),
        waiting: repos.waiting.of(userId),
        questions: repos.questions.questionsOfUser(userId),
        agreementSince: person.agreement_version !== null ? repos.agreements.firstSeen().get(person.agreement_version) : undefined,
        chatLines: span.lines,
        chatLog: () => repos.chatLog.iterate(userId, span.lastId),
      };
    },
    /** At start-up: profiles and conversations an older version kept of people who never registered. */
    forgetIdentifiedVisitors: () => forgetIdentifiedVisitors(repos, config.FOUNDER_IDS),
  };
}

export type PeopleOperations = ReturnType<typeof createPeopleOperations>;
