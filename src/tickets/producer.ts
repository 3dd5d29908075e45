import { existsSync, readFileSync } from "node:fs";
import { InlineKeyboard, InputFile } from "grammy";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { DeliveryRow, JobRow } from "../db/repos/jobs.js";
import type { PickKinds, TicketRow } from "../db/repos/tickets.js";
import type { UserRow } from "../db/repos/users.js";
import { MissingFileError } from "../delivery/failures.js";
import { walkParticipants } from "../delivery/participants.js";
import type { JobProducer, SkipReason } from "../delivery/types.js";
import { localeFor, type Translate } from "../i18n.js";
import { recipientVerdict } from "../people/recipients.js";
import { passButtons } from "../door/buttons.js";
import { newPassCode } from "../door/passes.js";
import { BUFFER_FILE_MAX_BYTES, BufferFile } from "../telegram/direct-call.js";
import { ticketCaption } from "./caption.js";
import { ticketFilePath } from "./storage.js";
import { sentFileName } from "./names.js";

export interface TicketProducerDeps {
  config: Config;
  repos: Repos;
  translate(locale: string): Translate;
  /** Founders and admins receive no tickets (SPEC §7). */
  isOrganiser(userId: number): boolean;
}

/** What a notice delivery tells instead of sending a ticket. */
export type TicketNotice = "no_ticket" | "wave_ended";

/**
 * What a send uploads: a small ticket's bytes, read at once (one read
 * instead of a file stream per send: at the paid ceiling that was a large
 * part of the CPU per delivery), a larger one's path, streamed so that
 * memory per send in flight stays bounded. Either is read again on a retry.
 */
function ticketFile(path: string, ticket: TicketRow): InputFile {
  const name = sentFileName(ticket.file_name);
  if (ticket.size > BUFFER_FILE_MAX_BYTES) {
    if (!existsSync(path)) throw new MissingFileError(ticket.file_name);
    return new InputFile(path, name);
  }
  try {
    return new BufferFile(readFileSync(path), name);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") throw new MissingFileError(ticket.file_name);
    throw error;
  }
}

/**
 * Ticket waves on top of the delivery engine: walks the waiting list first,
 * then the participants in registration order, skips those who already hold
 * a ticket of the wave, assigns one ticket each (in the engine's
 * transaction, before the send) and sends it as a document.
 *
 * The rule for people it has no ticket for: each is put on the waiting list
 * (keeping an earlier place) and told so once per wave, by a notice delivery
 * of the same job — paced, retried, resumed and re-checked like a ticket,
 * counted in the summary under "no ticket left". Whoever is waiting is
 * served first by the next run, in the order they were left without. When
 * the wave ends, a job of notices only (jobs.notice = wave_ended, queued by
 * /end_wave) tells those who were told they were waiting that this wave is
 * over for them; it walks the wave's waiting list and reports to nobody.
 * A ticket that reaches its person takes them off the list.
 */
export function createTicketProducer(deps: TicketProducerDeps): JobProducer {
  const { config, repos } = deps;
  const { waves, tickets, users, jobs, waiting } = repos;

  /** An available ticket for this person whose file is really there. */
  function pickTicket(waveId: number, user: { id: number; username: string | null }, kinds: PickKinds): TicketRow | undefined {
    for (;;) {
      const ticket = tickets.pickFor(waveId, user, kinds);
      if (!ticket || existsSync(ticketFilePath(config.paths, ticket))) return ticket;
      tickets.markMissing(ticket.id); // recorded against the ticket; the person gets another
    }
  }

  /**
   * The caption and the button's label, the same for every ticket of a wave
   * in one language while the event's details stay as they are: translated
   * once, not per send (at a thousand sends a second that showed in the profile).
   */
  const texts = new Map<string, { caption: string; passButton: string }>();
  function textsFor(locale: string, wave: string): { caption: string; passButton: string } {
    const event = repos.event.get();
    // What the caption shows of the event: a change by /event mid-wave reaches the next ticket.
    const key = `${locale}\n${wave}\n${event?.name}\n${event?.starts_at}\n${event?.place}`;
    let found = texts.get(key);
    if (!found) {
      const t = deps.translate(locale);
      found = { caption: ticketCaption(t, { event, wave, timeZone: config.TIME_ZONE }), passButton: t("pass-button") };
      if (texts.size > 100) texts.clear();
      texts.set(key, found);
    }
    return found;
  }

  /**
   * The ticket and language the re-check read at the claim, for the send
   * that follows it at once: the send does not read them again.
   */
  const checked = new Map<number, { ticket: TicketRow; languageCode: string | null }>();

  /**
   * Deliveries to people marked as having blocked the bot (tickets are still
   * tried for them): one that arrives proves they no longer do, and the
   * organisers' counts of who blocked the bot follow.
   */
  const blockedBefore = new Set<number>();

  /** The ticket is already where an erasure put it: bound to this person for good. */
  const boundToErased = (ticket: TicketRow | undefined, userId: number): boolean =>
    ticket?.status === "revoked" && ticket.user_id === userId && ticket.revoke_reason === "erased";

  /** One participant of the walk: a ticket assigned, or a place on the waiting list (told once per wave). */
  function visit(job: JobRow, user: UserRow, kinds: PickKinds): number | undefined {
    if (tickets.hasTicket(job.ref_id, user.id) || jobs.hasDelivery(job.id, user.id)) return undefined;
    const ticket = pickTicket(job.ref_id, user, kinds);
    if (!ticket) {
      waiting.leftWithout(user.id, job.ref_id);
      if (waiting.markTold(user.id, job.ref_id)) return jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: null, status: "pending", notice: "no_ticket" });
      jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: null, status: "skipped", errorKind: "no_ticket" });
      return undefined;
    }
    // Inside the engine's transaction, right after pickFor found it available: a refusal here is a bug, not a race.
    if (!tickets.assign(ticket.id, user.id)) throw new Error(`ticket ${ticket.id} could not be assigned to ${user.id}`);
    return jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: ticket.id, status: "pending" });
  }

  /**
   * The waiting list, first come first served. Its progress is the job's own
   * delivery rows (whoever has one is done), so a restart continues there;
   * someone who needs nothing any more (became an organiser, holds a ticket
   * of the wave) leaves the list.
   */
  function walkWaitingList(job: JobRow, limit: number, kinds: PickKinds): DeliveryRow[] {
    const deliveries: DeliveryRow[] = [];
    while (deliveries.length < limit) {
      const next = waiting.nextForJob(job.id, limit - deliveries.length);
      if (next.length === 0) break;
      for (const entry of next) {
        const user = users.findById(entry.user_id)!;
        if (deps.isOrganiser(user.id) || tickets.hasTicket(job.ref_id, user.id)) {
          waiting.remove(user.id);
          continue;
        }
        const id = visit(job, user, kinds);
        if (id !== undefined) deliveries.push(jobs.delivery(id)!);
      }
    }
    return deliveries;
  }

  /** The wave-ended notices: everyone told in this wave that they were waiting, by id from the cursor. */
  function walkWaveEnded(job: JobRow, limit: number): ReturnType<JobProducer["prepare"]> {
    const rows = waiting.toldInWave(job.ref_id, job.cursor, limit);
    const deliveries: DeliveryRow[] = [];
    for (const row of rows) {
      if (deps.isOrganiser(row.user_id)) continue;
      const id = jobs.addDelivery({ jobId: job.id, userId: row.user_id, itemId: null, status: "pending", notice: "wave_ended" });
      if (id !== undefined) deliveries.push(jobs.delivery(id)!);
    }
    if (rows.length > 0) jobs.setCursor(job.id, rows[rows.length - 1]!.user_id);
    return { deliveries, done: rows.length < limit };
  }

  /** A notice is still worth sending: to a participant who is still waiting (for this wave's end: in this wave). */
  function recheckNotice(job: JobRow, delivery: DeliveryRow): "ok" | SkipReason {
    const user = users.findById(delivery.user_id);
    const verdict = recipientVerdict(user);
    if (verdict !== "ok") return verdict;
    if (deps.isOrganiser(delivery.user_id)) return "staff";
    const entry = waiting.of(delivery.user_id);
    if (!entry || entry.wave_id !== job.ref_id) return "not_recipient";
    if (user!.blocked_at !== null) blockedBefore.add(delivery.id);
    return "ok";
  }

  return {
    prepare(job, limit) {
      if (job.notice === "wave_ended") return walkWaveEnded(job, limit);
      // A reissue: its one delivery was queued with the job; nobody else is walked.
      if (job.scope === "queued") return { deliveries: [], done: true };
      // Whether the wave has tickets held for someone or named in a manifest at all: the same for this whole batch.
      const kinds = tickets.pickKinds(job.ref_id);
      const first = walkWaitingList(job, limit, kinds);
      if (first.length >= limit) return { deliveries: first, done: false };
      // Only participants without a ticket of the wave, by index: a later run does not walk everyone served before.
      const rest = walkParticipants(
        repos,
        job,
        limit - first.length,
        deps.isOrganiser,
        (user) => visit(job, user, kinds),
        (after, n) => tickets.participantsWithoutTicketAfter(job.ref_id, after, n),
      );
      return { deliveries: [...first, ...rest.deliveries], done: rest.done };
    },

    quiet(job) {
      return job.notice !== null;
    },

    recheck(job, delivery): "ok" | SkipReason {
      if (delivery.notice !== null) return recheckNotice(job, delivery);
      const ticket = delivery.item_id === null ? undefined : tickets.ticket(delivery.item_id);
      if (!ticket || ticket.wave_id !== job.ref_id || ticket.status !== "assigned" || ticket.user_id !== delivery.user_id) {
        return boundToErased(ticket, delivery.user_id) ? "erased" : "ticket_changed";
      }
      const user = users.findById(delivery.user_id);
      const verdict = recipientVerdict(user);
      if (verdict !== "ok") return verdict;
      if (deps.isOrganiser(delivery.user_id)) return "staff";
      checked.set(delivery.id, { ticket, languageCode: user!.language_code });
      if (user!.blocked_at !== null) blockedBefore.add(delivery.id);
      return "ok";
    },

    async send(api, job, delivery, signal) {
      if (delivery.notice !== null) {
        const t = deps.translate(localeFor(users.findById(delivery.user_id)?.language_code, config.DEFAULT_LOCALE));
        const text = t(delivery.notice === "wave_ended" ? "notice-wave-ended" : "notice-waiting-list");
        const message = await api.sendMessage(
          delivery.user_id,
          text,
          { ...(config.PAID_BROADCAST ? { allow_paid_broadcast: true } : {}) },
          signal as Parameters<typeof api.sendMessage>[3],
        );
        return { messageId: message.message_id, fileId: null };
      }
      // What the re-check just read, in the same claim (else read again: a send without a claim in this process).
      const seen = checked.get(delivery.id);
      checked.delete(delivery.id);
      const ticket = seen?.ticket ?? tickets.ticket(delivery.item_id!)!;
      const languageCode = seen ? seen.languageCode : users.findById(delivery.user_id)?.language_code;
      const file = ticketFile(ticketFilePath(config.paths, ticket), ticket);
      const wave = waves.byId(job.ref_id)!;
      const texts = textsFor(localeFor(languageCode, config.DEFAULT_LOCALE), wave.name);
      const message = await api.sendDocument(
        delivery.user_id,
        file,
        {
          caption: texts.caption,
          // The pass as a button, not an extra message per delivery: the wave's pace stays one message per person.
          reply_markup: new InlineKeyboard().text(texts.passButton, passButtons.data("show", ticket.id)),
          ...(config.PROTECT_TICKETS ? { protect_content: true } : {}),
          ...(config.PAID_BROADCAST ? { allow_paid_broadcast: true } : {}),
        },
        signal as Parameters<typeof api.sendDocument>[3],
      );
      return { messageId: message.message_id, fileId: message.document?.file_id ?? null };
    },

    onSent(_job, delivery, result) {
      if (blockedBefore.delete(delivery.id)) users.markReachable(delivery.user_id);
      if (delivery.notice !== null) return true;
      if (tickets.markSent(delivery.item_id!, delivery.user_id, result)) {
        // A sent ticket has its personal entry pass, and its person waits no more.
        repos.passes.add(delivery.item_id!, delivery.user_id, newPassCode());
        waiting.remove(delivery.user_id);
        return true;
      }
      // Sent while the person was being erased: the erasure already bound the ticket to them.
      return boundToErased(tickets.ticket(delivery.item_id!), delivery.user_id);
    },

    onFailed(_job, delivery, failure, final) {
      if (failure.kind === "blocked" || failure.kind === "deactivated") users.markBlocked(delivery.user_id);
      if (delivery.notice !== null) return true;
      const ticket = tickets.ticket(delivery.item_id!);
      if (boundToErased(ticket, delivery.user_id)) return true;
      if (!final) return tickets.noteAttempt(delivery.item_id!, failure.description);
      // A permanent failure proves the ticket was not delivered: back to the
      // pool. After network errors it may have been, so it waits for the same
      // person (no ticket is ever sent to two people).
      return tickets.release(delivery.item_id!, delivery.user_id, {
        error: failure.description,
        heldFor: failure.permanent ? null : delivery.user_id,
        missing: failure.kind === "missing_file",
        // A final transient failure is a give-up after the retry rounds, whose attempts are counted already.
        attempted: failure.permanent,
      });
    },

    onSkipped(_job, delivery) {
      if (delivery.item_id === null) return;
      // Never attempted: back to the pool. An earlier attempt may have reached
      // the person: held for them, never anyone else's.
      tickets.release(delivery.item_id, delivery.user_id, { error: null, heldFor: delivery.claimed_at === null ? null : delivery.user_id, missing: false });
    },

    onDropped(job, delivery) {
      // A notice never attempted: they may be told by a later run.
      if (delivery.notice === "no_ticket") return waiting.untell(delivery.user_id, job.ref_id);
      if (delivery.item_id === null) return;
      tickets.release(delivery.item_id!, delivery.user_id, { error: null, heldFor: null, missing: false });
    },

    onFinished(job) {
      checked.clear();
      blockedBefore.clear();
      if (job.scope === "wave" && job.notice === null) waves.transition(job.ref_id, "sending", "confirmed");
    },

    describe(job, t) {
      const wave = waves.byId(job.ref_id)?.name ?? `#${job.ref_id}`;
      if (job.notice === "wave_ended") return t("delivery-what-wave-ended", { wave });
      return t(job.scope === "queued" ? "delivery-what-reissue" : "delivery-what-tickets", { wave });
    },

    summaryExtras(job, t, tally) {
      if (job.notice !== null) return [];
      const counts = tickets.counts(job.ref_id);
      const someoneWaits = tally.failed > 0 || (tally.skippedByKind.no_ticket ?? 0) > 0;
      return [t("delivery-summary-tickets-left", { count: counts.available }), ...(someoneWaits ? [t("delivery-summary-waiting-hint")] : [])];
    },
  };
}
