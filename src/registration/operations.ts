import type { Repos } from "../db/repos/index.js";
import type { CompleteResult, OpenRefusal } from "../db/repos/invites.js";
import type { SecurityEvent } from "../db/repos/security.js";
import type { TelegramProfile } from "../db/repos/users.js";
import { failpoint } from "../failpoints.js";
import type { Locale } from "../i18n.js";
import type { Role } from "../people/operations.js";
import type { Agreement } from "./agreement.js";

/** Deep-link payloads are at most 64 characters of [A-Za-z0-9_-] (Bot API). */
const CODE_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

export type StartResult =
  | { kind: "organiser" }
  | { kind: "staff" }
  | { kind: "registered" }
  /** Locked out after too many bad codes: the attempt is ignored, without an answer. */
  | { kind: "ignored" }
  | { kind: "no_code" }
  /** The code is reserved for the person: show the agreement, or the username step if they consented already. */
  | { kind: "agreement" }
  | { kind: "need_username" }
  | { kind: "refused"; reason: OpenRefusal }
  /** This bad code crossed the limit: the lock-out starts now (and is in the security log). */
  | { kind: "locked_now"; event: SecurityEvent };

/** The outcome of Accept or "Check again". */
export type FinishResult = "registered" | "need_username" | "still_no_username" | "expired" | "code_gone" | "already" | "agreement_changed";

/**
 * Registration (SPEC §5): /start CODE → agreement → username → registered.
 * Before the last step the bot keeps only the id, the reservation and the
 * consent; the profile is stored when the registration completes.
 */
export function createRegistrationOperations(deps: { repos: Repos; agreement: Agreement }) {
  const { repos, agreement } = deps;
  const { invites } = repos;
  // Reports name the version a person accepted with the day it first appeared.
  for (const text of Object.values(agreement)) repos.agreements.publish(text.version);

  /** Registers the person if they have a username: the code consumed and the profile stored in one transaction. */
  function complete(user: TelegramProfile, step: "accept" | "check"): FinishResult {
    if (!user.username) return step === "check" ? "still_no_username" : "need_username";
    failpoint("register:before-commit");
    const result: CompleteResult = repos.transaction(() => {
      const outcome = invites.complete(user.id);
      if (outcome === "registered") repos.users.touch(user);
      return outcome;
    });
    if (result === "registered") failpoint("register:committed");
    if (result === "registered") return "registered";
    return result === "code_gone" ? "code_gone" : "expired";
  }

  return {
    start(args: { user: TelegramProfile; role: Role; code: string }): StartResult {
      const { user, role } = args;
      const code = args.code.trim();
      if (role === "founder" || role === "admin") return { kind: "organiser" };
      if (role === "staff") return { kind: "staff" };
      if (role === "participant") return { kind: "registered" };
      if (invites.lockedUntil(user.id) !== null) return { kind: "ignored" };
      if (code === "") {
        const pending = invites.pending(user.id);
        if (!pending) return { kind: "no_code" };
        return { kind: pending.consent_at === null ? "agreement" : "need_username" };
      }
      const opened = CODE_FORMAT.test(code) ? invites.open(user.id, code) : ({ ok: false, reason: "unknown" } as const);
      if (opened.ok) return { kind: opened.pending.consent_at === null ? "agreement" : "need_username" };
      if (invites.recordBadAttempt(user.id)) {
        const event = repos.security.record({
          userId: user.id,
          username: user.username ?? null,
          kind: "lockout",
          action: "/start",
        });
        return { kind: "locked_now", event };
      }
      return { kind: "refused", reason: opened.reason };
    },

    /**
     * Accept, pressed on an agreement shown with `version`: the consent is to
     * that very text. A version the bot no longer has (the operator edited the
     * text since, or an old button without one) records nothing.
     */
    accept(args: { user: TelegramProfile; role: Role; version: string | undefined }): FinishResult {
      if (args.role !== "visitor") return "already";
      const shown = Object.values(agreement).find((a) => a.version === args.version);
      if (!shown) return "agreement_changed";
      if (!invites.recordConsent(args.user.id, shown.version)) return "expired";
      return complete(args.user, "accept");
    },

    /** "Check again" after setting a username. */
    check(args: { user: TelegramProfile; role: Role }): FinishResult {
      if (args.role !== "visitor") return "already";
      if (!invites.pending(args.user.id)) return "expired";
      return complete(args.user, "check");
    },

    /** Decline: the reservation goes; only the refusal is kept (with the version of the text in their language). */
    decline(args: { userId: number; role: Role; locale: Locale }): "declined" | "already" {
      if (args.role !== "visitor") return "already";
      invites.decline(args.userId, agreement[args.locale].version);
      return "declined";
    },
  };
}

export type RegistrationOperations = ReturnType<typeof createRegistrationOperations>;
