import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import { walkParticipants } from "../delivery/participants.js";
import type { JobProducer } from "../delivery/types.js";
import { recipientVerdict } from "../people/recipients.js";
import { sendBroadcast } from "./send.js";
import { announcementTitle } from "./title.js";

export interface BroadcastProducerDeps {
  config: Config;
  repos: Repos;
  isOrganiser(userId: number): boolean;
}

/**
 * Announcements on top of the delivery engine: the participants of the
 * chosen audience in registration order, without those who blocked the bot
 * (organisers, when chosen, were queued with the job).
 */
export function createBroadcastProducer(deps: BroadcastProducerDeps): JobProducer {
  const { repos, config } = deps;
  const { users, jobs, broadcasts } = repos;
  return {
    prepare(job, limit) {
      // The audience is read as the walk reaches each person; people who blocked the bot are left out.
      const broadcast = broadcasts.byId(job.ref_id)!;
      const wave = repos.audiences.wave();
      return walkParticipants(repos, job, limit, deps.isOrganiser, (user) =>
        repos.audiences.includes(broadcast.audience, wave, user.id)
          ? jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: null, status: "pending" })
          : undefined,
      );
    },
    recheck(_job, delivery) {
      // Admins were queued because the admin chose them; anyone else must still be a participant.
      const verdict = recipientVerdict(users.findById(delivery.user_id));
      return verdict === "not_recipient" && deps.isOrganiser(delivery.user_id) ? "ok" : verdict;
    },
    async send(api, job, delivery, signal) {
      const broadcast = broadcasts.byId(job.ref_id)!;
      const person = users.findById(delivery.user_id);
      const { messageId } = await sendBroadcast(api, broadcast, delivery.user_id, { paid: config.PAID_BROADCAST, signal, person });
      return { messageId, fileId: null };
    },
    onSent() {
      return true;
    },
    onFailed(_job, delivery, failure) {
      if (failure.kind === "blocked" || failure.kind === "deactivated") users.markBlocked(delivery.user_id);
      return true;
    },
    onSkipped() {},
    onDropped() {},
    onFinished(job, cancelled) {
      broadcasts.transition(job.ref_id, "sending", cancelled ? "stopped" : "sent");
    },
    describe(job, t) {
      return t("delivery-what-broadcast", { text: announcementTitle(broadcasts.byId(job.ref_id)?.summary ?? "", t) });
    },
    summaryExtras() {
      return [];
    },
  };
}
