import { existsSync, readFileSync } from "node:fs";
import { InlineKeyboard, InputFile } from "grammy";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { PickKinds, TicketRow } from "../db/repos/tickets.js";
import { MissingFileError } from "../delivery/failures.js";
import { walkParticipants } from "../delivery/participants.js";
import type { JobProducer, SkipReason } from "../delivery/types.js";
import { localeFor, type Translate } from "../i18n.js";
import { recipientVerdict } from "../people/recipients.js";
import { passButtons } from "../door/buttons.js";
import { newPassCode } from "../door/passes.js";
import { BUFFER_FILE_MAX_BYTES, BufferFile } from "../telegram/direct-call.js";
import { ticketFilePath } from "./storage.js";
import { sentFileName } from "./names.js";

export interface TicketProducerDeps {
  config: Config;
  repos: Repos;
  translate(locale: string): Translate;
  /** Founders and admins receive no tickets (SPEC §7). */
  isOrganiser(userId: number): boolean;
}

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
 * Ticket waves on top of the delivery engine: walks the participants in
 * registration order, skips those who already hold a ticket of the wave,
 * assigns one ticket each (in the engine's transaction, before the send) and
 * sends it as a document.
 */
export function createTicketProducer(deps: TicketProducerDeps): JobProducer {
  const { config, repos } = deps;
  const { waves, tickets, users, jobs } = repos;

  /** An available ticket for this person whose file is really there. */
  function pickTicket(waveId: number, user: { id: number; username: string | null }, kinds: PickKinds): TicketRow | undefined {
    for (;;) {
      const ticket = tickets.pickFor(waveId, user, kinds);
      if (!ticket || existsSync(ticketFilePath(config.paths, ticket))) return ticket;
      tickets.markMissing(ticket.id); // recorded against the ticket; the person gets another
    }
  }

  /** The caption and the button's label, the same for every ticket of a wave in one language: translated once. */
  const texts = new Map<string, { caption: string; passButton: string }>();
  function textsFor(locale: string, wave: string): { caption: string; passButton: string } {
    const key = `${locale}\n${wave}`;
    let found = texts.get(key);
    if (!found) {
      const t = deps.translate(locale);
      found = { caption: t("ticket-caption", { wave }), passButton: t("pass-button") };
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

  /** The ticket is already where an erasure put it: bound to this person for good. */
  const boundToErased = (ticket: TicketRow | undefined, userId: number): boolean =>
    ticket?.status === "revoked" && ticket.user_id === userId && ticket.revoke_reason === "erased";

  return {
    prepare(job, limit) {
      // A reissue: its one delivery was queued with the job; nobody else is walked.
      if (job.scope === "queued") return { deliveries: [], done: true };
      // Whether the wave has tickets held for someone or named in a manifest at all: the same for this whole batch.
      const kinds = tickets.pickKinds(job.ref_id);
      return walkParticipants(repos, job, limit, deps.isOrganiser, (user) => {
        if (tickets.hasTicket(job.ref_id, user.id) || jobs.hasDelivery(job.id, user.id)) return undefined;
        const ticket = pickTicket(job.ref_id, user, kinds);
        if (!ticket) {
          jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: null, status: "skipped", errorKind: "no_ticket" });
          return undefined;
        }
        // Inside the engine's transaction, right after pickFor found it available: a refusal here is a bug, not a race.
        if (!tickets.assign(ticket.id, user.id)) throw new Error(`ticket ${ticket.id} could not be assigned to ${user.id}`);
        return jobs.addDelivery({ jobId: job.id, userId: user.id, itemId: ticket.id, status: "pending" });
      }, (after, limit) => tickets.participantsWithoutTicketAfter(job.ref_id, after, limit));
    },

    recheck(job, delivery): "ok" | SkipReason {
      const ticket = delivery.item_id === null ? undefined : tickets.ticket(delivery.item_id);
      if (!ticket || ticket.wave_id !== job.ref_id || ticket.status !== "assigned" || ticket.user_id !== delivery.user_id) {
        return boundToErased(ticket, delivery.user_id) ? "erased" : "ticket_changed";
      }
      const user = users.findById(delivery.user_id);
      const verdict = recipientVerdict(user);
      if (verdict !== "ok") return verdict;
      if (deps.isOrganiser(delivery.user_id)) return "staff";
      checked.set(delivery.id, { ticket, languageCode: user!.language_code });
      return "ok";
    },

    async send(api, job, delivery, signal) {
      // What the re-check just read, in the same claim (else read again: a send without a claim in this process).
      const seen = checked.get(delivery.id);
      checked.delete(delivery.id);
      const ticket = seen?.ticket ?? tickets.ticket(delivery.item_id!)!;
      const languageCode = seen ? seen.languageCode : users.findById(delivery.user_id)?.language_code;
      const path = ticketFilePath(config.paths, ticket);
      const file = ticketFile(path, ticket);
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
      if (tickets.markSent(delivery.item_id!, delivery.user_id, result)) {
        // A sent ticket has its personal entry pass.
        repos.passes.add(delivery.item_id!, delivery.user_id, newPassCode());
        return true;
      }
      // Sent while the person was being erased: the erasure already bound the ticket to them.
      return boundToErased(tickets.ticket(delivery.item_id!), delivery.user_id);
    },

    onFailed(_job, delivery, failure, final) {
      if (failure.kind === "blocked" || failure.kind === "deactivated") users.markBlocked(delivery.user_id);
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

    onDropped(_job, delivery) {
      tickets.release(delivery.item_id!, delivery.user_id, { error: null, heldFor: null, missing: false });
    },

    onFinished(job) {
      checked.clear();
      if (job.scope === "wave") waves.transition(job.ref_id, "sending", "confirmed");
    },

    describe(job, t) {
      const wave = waves.byId(job.ref_id)?.name ?? `#${job.ref_id}`;
      return t(job.scope === "queued" ? "delivery-what-reissue" : "delivery-what-tickets", { wave });
    },

    summaryExtras(job, t) {
      const counts = tickets.counts(job.ref_id);
      return [t("delivery-summary-tickets-left", { count: counts.available })];
    },
  };
}
