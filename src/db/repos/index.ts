import type { Db } from "../database.js";
import { createAdminsRepo } from "./admins.js";
import { createBroadcastsRepo } from "./broadcasts.js";
import { createChatLogRepo } from "./chatlog.js";
import { createInvitesRepo } from "./invites.js";
import { createJobsRepo } from "./jobs.js";
import { createPromptsRepo } from "./prompts.js";
import { createRecordsRepo } from "./records.js";
import { createSystemRepo } from "./system.js";
import { createUsersRepo } from "./users.js";
import { createWavesRepo } from "./waves.js";

/** The only way the rest of the code reaches the database. */
export function createRepos(db: Db) {
  const users = createUsersRepo(db);
  const records = createRecordsRepo(db);
  const chatLog = createChatLogRepo(db);
  const waves = createWavesRepo(db);
  return {
    db,
    users,
    admins: createAdminsRepo(db),
    invites: createInvitesRepo(db),
    records,
    chatLog,
    system: createSystemRepo(db),
    waves,
    jobs: createJobsRepo(db),
    broadcasts: createBroadcastsRepo(db),
    prompts: createPromptsRepo(db),
    /** Runs several repository calls as one transaction. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Repos = ReturnType<typeof createRepos>;
