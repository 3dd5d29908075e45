import type { Db } from "../database.js";
import { createAdminsRepo } from "./admins.js";
import { createAgreementsRepo } from "./agreements.js";
import { createAudiencesRepo } from "./audiences.js";
import { createAuditRepo } from "./audit.js";
import { createBroadcastsRepo } from "./broadcasts.js";
import { createChatLogRepo } from "./chatlog.js";
import { createCheckinsRepo } from "./checkins.js";
import { createEventRepo } from "./event.js";
import { createInvitesRepo } from "./invites.js";
import { createJobsRepo } from "./jobs.js";
import { createOverviewRepo } from "./overview.js";
import { createPassesRepo } from "./passes.js";
import { createPromptsRepo } from "./prompts.js";
import { createQuestionsRepo } from "./questions.js";
import { createSecurityRepo } from "./security.js";
import { createStaffRepo } from "./staff.js";
import { createSystemRepo } from "./system.js";
import { createTicketsRepo } from "./tickets.js";
import { createUsersRepo } from "./users.js";
import { createWaitingRepo } from "./waiting.js";
import { createWavesRepo } from "./waves.js";

/**
 * The repositories: the only code with SQL. Each owns its tables and knows
 * no rule; a change that spans several is one `transaction` of the use-case
 * layer.
 */
export function createRepos(db: Db) {
  return {
    users: createUsersRepo(db),
    admins: createAdminsRepo(db),
    agreements: createAgreementsRepo(db),
    audiences: createAudiencesRepo(db),
    staff: createStaffRepo(db),
    invites: createInvitesRepo(db),
    audit: createAuditRepo(db),
    security: createSecurityRepo(db),
    chatLog: createChatLogRepo(db),
    system: createSystemRepo(db),
    waves: createWavesRepo(db),
    tickets: createTicketsRepo(db),
    jobs: createJobsRepo(db),
    broadcasts: createBroadcastsRepo(db),
    prompts: createPromptsRepo(db),
    passes: createPassesRepo(db),
    checkins: createCheckinsRepo(db),
    event: createEventRepo(db),
    questions: createQuestionsRepo(db),
    waiting: createWaitingRepo(db),
    overview: createOverviewRepo(db),
    /** Runs several repository calls as one transaction (nested calls become savepoints). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Repos = ReturnType<typeof createRepos>;
