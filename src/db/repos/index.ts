import type { Db } from "../database.js";
import { createAdminsRepo } from "./admins.js";
import { createBroadcastsRepo } from "./broadcasts.js";
import { createChatLogRepo } from "./chatlog.js";
import { createInvitesRepo } from "./invites.js";
import { createJobsRepo } from "./jobs.js";
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
  const dropPending = db.prepare<[number]>(`DELETE FROM pending_registrations WHERE user_id = ?`);
  // A ticket a manifest named for the person's username stays theirs, by id.
  const nameTicketsById = db.prepare<{ nameKey: string; idKey: string; id: string }>(
    `UPDATE tickets SET named_key = @idKey, named_as = @id WHERE named_key = @nameKey`,
  );
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
    /**
     * /delete_user in one transaction: personal data, chat log and reservation
     * go, unsent tickets return to the pool; the id stays so that ticket
     * history reads "deleted user #id". Their username also goes from other
     * people's chat logs (an admin's "/delete_user @anna") and from tickets a
     * manifest named for them.
     */
    eraseParticipant(userId: number, now = Date.now()): { chatLines: number; ticketsReleased: number } {
      return db.transaction(() => {
        const username = users.findById(userId)?.username;
        const ticketsReleased = waves.releaseUnsentOf(userId);
        const chatLines = chatLog.erase(userId);
        if (username) {
          chatLog.forgetMentions(username, `#${userId}`);
          nameTicketsById.run({ nameKey: `username:${username.toLowerCase()}`, idKey: `id:${userId}`, id: String(userId) });
        }
        records.forgetSecurityUser(userId);
        dropPending.run(userId);
        users.erase(userId, now);
        return { chatLines, ticketsReleased };
      })();
    },
    /** Runs several repository calls as one transaction. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Repos = ReturnType<typeof createRepos>;
