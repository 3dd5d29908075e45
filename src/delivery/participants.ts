import type { JobRow, JobsRepo } from "../db/repos/jobs.js";
import type { UserRow, UsersRepo } from "../db/repos/users.js";
import type { JobProducer } from "./types.js";

/**
 * The walk both producers share: registration order from the job's cursor,
 * staff skipped, `visit` deciding for each participant whether a delivery
 * row is due (it creates the row and returns its id, or returns undefined).
 * Stops after `limit` rows and saves the cursor, so the next call — or the
 * next process after a crash — continues exactly there.
 */
export function walkParticipants(
  repos: { users: UsersRepo; jobs: JobsRepo },
  job: JobRow,
  limit: number,
  isOrganiser: (userId: number) => boolean,
  visit: (user: UserRow) => number | undefined,
): ReturnType<JobProducer["prepare"]> {
  const { users, jobs } = repos;
  const deliveries: ReturnType<JobProducer["prepare"]>["deliveries"] = [];
  let cursor = job.cursor;
  for (;;) {
    const page = users.participantsAfter(cursor, limit);
    if (page.length === 0) {
      jobs.setCursor(job.id, cursor);
      return { deliveries, done: true };
    }
    for (const user of page) {
      cursor = user.registration_seq!;
      if (isOrganiser(user.id)) continue;
      const id = visit(user);
      if (id === undefined) continue;
      deliveries.push(jobs.delivery(id)!);
      if (deliveries.length >= limit) {
        jobs.setCursor(job.id, cursor);
        return { deliveries, done: false };
      }
    }
  }
}
