import type { Config } from "../config.js";
import type { CheckinRow } from "../db/repos/checkins.js";
import type { Repos } from "../db/repos/index.js";
import type { DoorListRow, PassRow } from "../db/repos/passes.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { TicketRow } from "../db/repos/tickets.js";
import type { UserRow } from "../db/repos/users.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { PeopleOperations, Role } from "../people/operations.js";
import { parseUserRef } from "../people/user-ref.js";
import { newPassCode } from "./passes.js";

/** Why a pass or a person does not get in. */
export type InvalidReason = "unknown" | "reissued" | "erased" | "wave_ended" | "no_ticket" | "ambiguous";

/** The three answers of the door, and the refusal of someone who is not door staff. */
export type DoorVerdict =
  | { kind: "admitted"; person: UserRow; ticket: TicketRow; wave: WaveRow; checkin: CheckinRow }
  | { kind: "already_inside"; person: UserRow; checkin: CheckinRow; by: UserRow | undefined }
  | { kind: "invalid"; reason: InvalidReason }
  | { kind: "not_allowed"; event: SecurityEvent };


export interface DoorOverview {
  entered: number;
  holders: number;
  latest: Array<{ checkin: CheckinRow; person: UserRow | undefined; by: UserRow | undefined }>;
  refusedLastHour: number;
}

const DOOR_ROLES: readonly Role[] = ["staff", "admin", "founder"];
const HOUR_MS = 60 * 60 * 1000;

/**
 * The event day (the "door" issue): a personal pass per sent ticket, bound
 * to the ticket and its person; door staff scan it (the QR opens the bot with
 * /start <pass>) or check people in by hand. One person is inside at most
 * once — two scans of one pass at the same moment admit exactly one — and
 * every attempt is in the door log.
 */
export function createDoorOperations(deps: { config: Pick<Config, "PASSES_END_WITH_WAVE">; repos: Repos; people: PeopleOperations }) {
  const { config, repos, people } = deps;
  const { passes, tickets, checkins } = repos;

  /** Why this ticket of this person does not admit them now, or undefined when it does. */
  function invalidity(ticket: TicketRow | undefined, userId: number): InvalidReason | undefined {
    const person = repos.users.findById(userId);
    if (!person || person.deleted_at !== null || person.registered_at === null) return "erased";
    if (!ticket) return "unknown";
    if (ticket.status === "revoked") return ticket.revoke_reason ?? "unknown";
    if (ticket.status !== "sent" || ticket.user_id !== userId) return "unknown";
    if (config.PASSES_END_WITH_WAVE && repos.waves.byId(ticket.wave_id)?.status === "ended") return "wave_ended";
    return undefined;
  }

  /** Admits the person with this ticket, or says since when they are inside; one transaction, so two at once admit one. */
  function admit(ticket: TicketRow, person: UserRow, by: number, method: "scan" | "manual", pass: string | null): DoorVerdict {
    return repos.transaction((): DoorVerdict => {
      const checkin = checkins.admit({ userId: person.id, ticketId: ticket.id, by, method });
      if (!checkin) {
        const inside = checkins.inside(person.id)!;
        checkins.log({ by, pass, userId: person.id, result: "already_inside" });
        return { kind: "already_inside", person, checkin: inside, by: repos.users.findById(inside.by) };
      }
      checkins.log({ by, pass, userId: person.id, result: "admitted" });
      return { kind: "admitted", person, ticket, wave: repos.waves.byId(ticket.wave_id)!, checkin };
    });
  }

  function refuse(by: number, reason: InvalidReason, pass: string | null, userId?: number): DoorVerdict {
    checkins.log({ by, pass, userId: userId ?? null, result: "invalid", reason });
    return { kind: "invalid", reason };
  }

  /** The ticket a person gets in with: a valid one, the open wave's first. */
  function validTicketOf(person: UserRow): TicketRow | undefined {
    return tickets.sentOf(person.id).find((t) => invalidity(t, person.id) === undefined);
  }

  return {
    /**
     * A pass scanned: /start <pass> from the door staff's account. Anyone
     * else opening a pass link is refused as for any staff action (and the
     * security log has it); nothing is checked in.
     */
    scan(args: { code: string; by: { id: number; username?: string | undefined }; role: Role }): DoorVerdict {
      const { code, by } = args;
      if (!DOOR_ROLES.includes(args.role)) {
        const event = people.refused({ userId: by.id, username: by.username ?? null, action: "pass scan" });
        checkins.log({ by: by.id, pass: code, result: "not_allowed" });
        return { kind: "not_allowed", event };
      }
      const pass = passes.byCode(code);
      if (!pass) return refuse(by.id, "unknown", code);
      const ticket = tickets.ticket(pass.ticket_id);
      const reason = invalidity(ticket, pass.user_id);
      if (reason) return refuse(by.id, reason, code, pass.user_id);
      return admit(ticket!, repos.users.findById(pass.user_id)!, by.id, "scan", code);
    },

    /**
     * /checkin @username|id|file: for a dead phone. The same three answers.
     * The argument is a person when it names one the bot knows, else the
     * file name of a ticket.
     */
    checkIn(args: { target: string; by: number }): DoorVerdict {
      const ref = parseUserRef(args.target);
      let person = ref ? people.find(ref) : undefined;
      let ticket: TicketRow | undefined;
      if (!person) {
        const found = tickets.findByFileName(args.target, 2);
        if (found.length > 1) return refuse(args.by, "ambiguous", null);
        ticket = found[0];
        const holder = ticket?.user_id ?? undefined;
        if (!ticket || holder === undefined) return refuse(args.by, "unknown", null);
        const reason = invalidity(ticket, holder);
        if (reason) return refuse(args.by, reason, null, holder);
        person = repos.users.findById(holder);
      } else {
        if (person.registered_at === null) return refuse(args.by, person.deleted_at ? "erased" : "unknown", null, person.id);
        ticket = validTicketOf(person);
        if (!ticket) return refuse(args.by, "no_ticket", null, person.id);
      }
      return admit(ticket, person!, args.by, "manual", null);
    },

    /** /checkin_undo: a check-in made by mistake (admins; audited). */
    undo(args: { userId: number; by: number }): boolean {
      const undone = checkins.undo(args.userId, args.by);
      repos.audit.record({ actorId: args.by, action: "checkin_undo", args: String(args.userId), result: undone ? "undone" : "was not inside" });
      return undone;
    },

    /** /door: how many are in, the latest check-ins, and scans refused in the last hour. */
    overview(now = Date.now()): DoorOverview {
      const latest = checkins.latest(10).map((checkin) => ({ checkin, person: repos.users.findById(checkin.user_id), by: repos.users.findById(checkin.by) }));
      return {
        entered: checkins.countInside(),
        holders: tickets.countHolders(config.PASSES_END_WITH_WAVE),
        latest,
        refusedLastHour: checkins.refusedSince(now - HOUR_MS),
      };
    },

    /** Every pass that admits someone, for the door list (a network failure at the venue). */
    doorList(): Generator<DoorListRow> {
      return passes.iterateDoorList(config.PASSES_END_WITH_WAVE);
    },

    /** A participant's valid passes (/pass), newest wave first; a ticket sent before passes existed gets one now. */
    passesOf(userId: number): Array<{ pass: PassRow; ticket: TicketRow; wave: WaveRow }> {
      return tickets
        .sentOf(userId)
        .filter((ticket) => invalidity(ticket, userId) === undefined)
        .map((ticket) => ({ pass: passes.ensure(ticket.id, userId, newPassCode()), ticket, wave: repos.waves.byId(ticket.wave_id)! }));
    },

    /** The pass of one ticket, when it is this person's and admits them (the button on the ticket document). */
    passOf(ticketId: number, userId: number): { pass: PassRow; ticket: TicketRow; wave: WaveRow } | undefined {
      const ticket = tickets.ticket(ticketId);
      if (!ticket || invalidity(ticket, userId) !== undefined) return undefined;
      return { pass: passes.ensure(ticket.id, userId, newPassCode()), ticket, wave: repos.waves.byId(ticket.wave_id)! };
    },

    /** Is this person inside now, and since when (the person card). */
    inside(userId: number): { checkin: CheckinRow; by: UserRow | undefined } | undefined {
      const checkin = checkins.inside(userId);
      return checkin ? { checkin, by: repos.users.findById(checkin.by) } : undefined;
    },

    /** Every check-in, for the report's Check-ins sheet. */
    iterateCheckins: () => checkins.iterate(),
  };
}

export type DoorOperations = ReturnType<typeof createDoorOperations>;
