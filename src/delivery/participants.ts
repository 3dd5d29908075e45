import type { JobRow, JobsRepo } from "../db/repos/jobs.js";
import type { UserRow, UsersRepo } from "../db/repos/users.js";

const MIN_PAGE = 256;
import type { JobProducer } from "./types.js";

/**
 * The walk both producers share: registration order from the job's cursor,
 * staff skipped, `visit` deciding for each participant whether a delivery
 * row is due (it creates the row and returns its id, or returns undefined).
 * Stops after `limit` rows and saves the cursor, so the next call — or the
 * next process after a crash — continues exactly there. `page` may leave
 * out, in SQL, participants `visit` would skip anyway (a second
 * /send_tickets after 100 000 tickets went out walks only the newcomers).
 */
export function walkParticipants(
  repos: { users: UsersRepo; jobs: JobsRepo },
  job: JobRow,
  limit: number,
  isOrganiser: (userId: number) => boolean,
  visit: (user: UserRow) => number | undefined,
  page: (afterSeq: number, limit: number) => UserRow[] = (after, n) => repos.users.participantsAfter(after, n),
): ReturnType<JobProducer["prepare"]> {
  const { jobs } = repos;
  const deliveries: ReturnType<JobProducer["prepare"]>["deliveries"] = [];
  // Pages of at least this many rows: a small window must not mean a query per few participants.
  const pageSize = Math.max(limit, MIN_PAGE);
  let cursor = job.cursor;
  for (;;) {
    const rows = page(cursor, pageSize);
    if (rows.length === 0) {
      jobs.setCursor(job.id, cursor);
      return { deliveries, done: true };
    }
    for (const user of rows) {
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
