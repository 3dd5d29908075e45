import type { Repos } from "../db/repos/index.js";
import type { JobRow } from "../db/repos/jobs.js";
import type { PromptRow } from "../db/repos/prompts.js";
import type { TicketRow } from "../db/repos/tickets.js";
import type { UserRow } from "../db/repos/users.js";
import type { EngineControl } from "../delivery/engine.js";

export type ReissueRefusal =
  | "no_wave"
  | "not_participant"
  | "no_ticket"
  /** The ticket is on its way (a delivery is running or waiting for a retry): reissue once it settles. */
  | "in_flight"
  /** The ticket was named for the person by a manifest: the admin names the replacement file. */
  | "named_needs_file"
  | "file_unknown"
  | "file_not_available"
  | "none_available";

export type RequestReissue = { ok: true; promptId: number; person: UserRow; old: TicketRow; replacement?: TicketRow } | { ok: false; reason: ReissueRefusal };

export type ConfirmReissue =
  | { ok: true; person: UserRow; old: TicketRow; replacement: TicketRow; job: JobRow; launch(): void }
  | { ok: false; reason: "answered"; kept: boolean }
  | { ok: false; reason: "stale" | "none_available" | "file_not_available" };

interface ReissuePrompt {
  userId: number;
  oldTicketId: number;
  replacementId?: number;
}

/**
 * /reissue (the "door" issue): the person's ticket of the open wave is
 * revoked — its pass stops working and its file is never given to anyone —
 * and a new available ticket is assigned and sent to them through the
 * delivery engine, as a job of that one delivery.
 */
export function createReissueOperations(deps: { repos: Repos; engine: EngineControl }) {
  const { repos, engine } = deps;
  const { tickets, waves } = repos;

  /** A replacement named by its file: available, and not named for somebody else. */
  function namedReplacement(waveId: number, person: UserRow, fileName: string): TicketRow | ReissueRefusal {
    const found = tickets.findByFileName(fileName).filter((t) => t.wave_id === waveId);
    if (found.length !== 1) return "file_unknown";
    const ticket = found[0]!;
    const mine = ticket.named_key === null || ticket.named_key === `id:${person.id}` || ticket.named_key === `username:${person.username?.toLowerCase()}`;
    return ticket.status === "available" && ticket.held_for === null && mine ? ticket : "file_not_available";
  }

  return {
    request(args: { userId: number; fileName?: string; by: number; chatId: number }): RequestReissue {
      const wave = waves.active();
      if (!wave) return { ok: false, reason: "no_wave" };
      const person = repos.users.findById(args.userId);
      if (!person || person.registered_at === null) return { ok: false, reason: "not_participant" };
      const current = tickets.historyOf(person.id).filter((t) => t.wave_id === wave.id && t.user_id === person.id);
      const old = current.find((t) => t.status === "sent");
      if (!old) return { ok: false, reason: current.some((t) => t.status === "assigned") ? "in_flight" : "no_ticket" };
      let replacement: TicketRow | undefined;
      if (args.fileName) {
        const named = namedReplacement(wave.id, person, args.fileName);
        if (typeof named === "string") return { ok: false, reason: named };
        replacement = named;
      } else if (old.named_key !== null) {
        return { ok: false, reason: "named_needs_file" };
      } else if (!tickets.pickFor(wave.id, person)) {
        return { ok: false, reason: "none_available" };
      }
      const payload: ReissuePrompt = { userId: person.id, oldTicketId: old.id, ...(replacement ? { replacementId: replacement.id } : {}) };
      const promptId = repos.prompts.create({ kind: "reissue", payload, by: args.by, chatId: args.chatId });
      return { ok: true, promptId, person, old, ...(replacement ? { replacement } : {}) };
    },

    confirm(args: { prompt: PromptRow; by: number; chatId: number; locale: string }): ConfirmReissue {
      const payload = JSON.parse(args.prompt.payload) as ReissuePrompt;
      if (args.prompt.resolved_at !== null) return { ok: false, reason: "answered", kept: args.prompt.resolution === "kept" };
      return repos.transaction((): ConfirmReissue => {
        const person = repos.users.findById(payload.userId);
        const old = tickets.ticket(payload.oldTicketId);
        const wave = waves.active();
        if (!person || !old || !wave || old.wave_id !== wave.id || old.status !== "sent" || old.user_id !== person.id) return { ok: false, reason: "stale" };
        let replacement: TicketRow | undefined;
        if (payload.replacementId !== undefined) {
          replacement = tickets.ticket(payload.replacementId);
          if (replacement?.status !== "available" || replacement.held_for !== null) return { ok: false, reason: "file_not_available" };
        } else {
          replacement = tickets.pickFor(wave.id, person);
          if (!replacement) return { ok: false, reason: "none_available" };
        }
        if (!repos.prompts.resolve(args.prompt.id, "done")) return { ok: false, reason: "answered", kept: false };
        if (!tickets.revoke(old.id, person.id, "reissued")) throw new Error(`ticket ${old.id} could not be revoked`);
        if (!tickets.assign(replacement.id, person.id)) throw new Error(`ticket ${replacement.id} could not be assigned`);
        const job = repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: args.by, chatId: args.chatId, locale: args.locale, total: 1, scope: "queued" });
        repos.jobs.addDelivery({ jobId: job.id, userId: person.id, itemId: replacement.id, status: "pending" });
        repos.audit.record({ actorId: args.by, action: "reissue", args: String(person.id), result: `ticket ${old.id} revoked, ticket ${replacement.id} assigned, job ${job.id}` });
        return { ok: true, person, old: tickets.ticket(old.id)!, replacement: tickets.ticket(replacement.id)!, job, launch: () => engine.kick() };
      });
    },
  };
}

export type ReissueOperations = ReturnType<typeof createReissueOperations>;
