import type { UserRow } from "../db/repos/users.js";

/**
 * Whether a person may still be sent something by a delivery job: a
 * registered participant who has not been erased. (Whether organisers may be
 * is the producer's rule: tickets never, broadcasts when chosen.)
 */
export function recipientVerdict(user: Pick<UserRow, "registered_at" | "deleted_at"> | undefined): "ok" | "erased" | "not_recipient" {
  if (!user) return "not_recipient";
  if (user.deleted_at !== null) return "erased";
  return user.registered_at !== null ? "ok" : "not_recipient";
}
