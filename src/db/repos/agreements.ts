import type { Db } from "../database.js";

/** Every version of the agreement text the bot has shown, with the moment it first did. */
export function createAgreementsRepo(db: Db) {
  const publish = db.prepare<{ version: string; at: number }>(`INSERT OR IGNORE INTO agreement_versions (version, first_seen_at) VALUES (@version, @at)`);
  const all = db.prepare<[], { version: string; first_seen_at: number }>(`SELECT version, first_seen_at FROM agreement_versions`);
  return {
    /** Notes a version at start-up; one seen before keeps its first date. */
    publish(version: string, now = Date.now()): void {
      publish.run({ version, at: now });
    },
    /** version → when it first appeared. */
    firstSeen(): Map<string, number> {
      return new Map(all.all().map((row) => [row.version, row.first_seen_at]));
    },
  };
}

export type AgreementsRepo = ReturnType<typeof createAgreementsRepo>;
