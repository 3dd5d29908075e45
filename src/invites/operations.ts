import type { Repos } from "../db/repos/index.js";
import { inviteStatus, type InviteStatus } from "../db/repos/invites.js";
import { newInviteCode } from "./codes.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GeneratedInvites {
  codes: string[];
  createdAt: number;
  expiresAt: number | null;
}

export type RevokeResult = { ok: true } | { ok: false; reason: "unknown" } | { ok: false; reason: "not_unused"; status: InviteStatus };

/** Invite links (SPEC §5, §6): generated in batches, single-use, optionally expiring, revocable while unused. */
export function createInvitesOperations(deps: { repos: Repos }) {
  const { repos } = deps;
  return {
    /** /gen_invites N [days]: N fresh codes in one transaction. */
    generate(args: { count: number; days: number | null; by: number }, now = Date.now()): GeneratedInvites {
      const expiresAt = args.days === null ? null : now + args.days * DAY_MS;
      const codes = Array.from({ length: args.count }, newInviteCode);
      const batch = repos.invites.createBatch(codes, args.by, expiresAt, now);
      repos.audit.record({ actorId: args.by, action: "gen_invites", args: `${args.count}${args.days ? ` ${args.days}d` : ""}`, result: `batch ${batch}` });
      return { codes, createdAt: now, expiresAt };
    },

    /** /revoke_invite CODE: only an unused code can be withdrawn (a reservation on it goes too). */
    revoke(args: { code: string; by: number }): RevokeResult {
      const invite = repos.invites.find(args.code);
      if (!invite) return { ok: false, reason: "unknown" };
      const revoked = repos.invites.revoke(args.code, args.by);
      repos.audit.record({ actorId: args.by, action: "revoke_invite", args: args.code, result: revoked ? "revoked" : inviteStatus(invite) });
      return revoked ? { ok: true } : { ok: false, reason: "not_unused", status: inviteStatus(invite) };
    },

    /** /revoke_invites unused: every code not used yet (expired ones stay expired). */
    revokeUnused(args: { by: number }): number {
      const count = repos.invites.revokeUnused(args.by);
      repos.audit.record({ actorId: args.by, action: "revoke_invites", args: "unused", result: `${count} revoked` });
      return count;
    },
  };
}

export type InvitesOperations = ReturnType<typeof createInvitesOperations>;
