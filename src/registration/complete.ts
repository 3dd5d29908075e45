import type { Repos } from "../db/repos/index.js";
import type { CompleteResult } from "../db/repos/invites.js";
import type { TelegramProfile } from "../db/repos/users.js";

/**
 * The last step of SPEC §5: the reserved code is consumed and the person
 * becomes a participant, and only now is their profile stored (before
 * consent the bot knows them by id only) — one transaction.
 */
export function completeRegistration(repos: Repos, profile: TelegramProfile, now = Date.now()): CompleteResult {
  return repos.transaction(() => {
    const result = repos.invites.complete(profile.id, now);
    if (result === "registered") repos.users.touch(profile, now);
    return result;
  });
}
