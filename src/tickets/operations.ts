import type { Document } from "grammy/types";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { TicketRow } from "../db/repos/tickets.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { Logger } from "../logger.js";
import type { WaveRefusal, WavesOperations } from "../waves/operations.js";
import { importFromTelegram, type UploadResult } from "./upload.js";

/** `confirmPromptId`: a successful import offers "Confirm the wave" as a button, carrying this prompt. */
export type UploadOutcome = WaveRefusal | { ok: true; wave: WaveRow; result: UploadResult; confirmPromptId?: number };

/**
 * Why a participant has no ticket yet (/ticket):
 * no_wave — no wave is on and they are not waiting for one;
 * not_sent — a wave is on, its tickets have not been sent to them yet;
 * waiting — tickets ran out: they are on the waiting list, served first;
 * wave_ended — the wave ended without a ticket for them (still on the list for the next).
 */
export type NoTicketReason = "no_wave" | "not_sent" | "waiting" | "wave_ended";

export type OwnTickets = { ok: true; tickets: Array<{ ticket: TicketRow; wave: WaveRow }> } | { ok: false; reason: NoTicketReason };

/** Tickets as participants and admins ask for them: a ZIP sent in Telegram, and a participant's own tickets. */
export function createTicketsOperations(deps: { config: Config; repos: Repos; logger: Logger; waves: WavesOperations }) {
  const { repos } = deps;
  return {
    /**
     * /upload_zip and /upload_zip_add: the ZIP downloaded and imported into
     * the open wave, all or nothing (the wave is checked again inside the
     * import's transaction: a delivery may start while the file is read).
     * Imported: the answer in `chatId` offers to confirm the wave.
     */
    async upload(args: { document: Pick<Document, "file_id" | "file_name" | "file_size">; mode: "replace" | "add"; by: number; chatId: number }): Promise<UploadOutcome> {
      const state = deps.waves.idle();
      if (!state.ok) return state;
      const { chatId, ...upload } = args;
      const result = await importFromTelegram(deps, { ...upload, waveId: state.wave.id });
      if (!result.ok) return { ok: true, wave: state.wave, result };
      return { ok: true, wave: state.wave, result, confirmPromptId: deps.waves.offerConfirm({ waveId: state.wave.id, by: args.by, chatId }) };
    },

    /** /ticket: what this participant received in the wave that is on, or else in their latest one, with its wave. */
    ofParticipant(userId: number): Array<{ ticket: TicketRow; wave: WaveRow }> {
      return repos.tickets.ticketsOfUser(userId, repos.waves.active()?.id).map((ticket) => ({ ticket, wave: repos.waves.byId(ticket.wave_id)! }));
    },

    /** /ticket: the participant's tickets, or which step they are at without one. */
    own(userId: number): OwnTickets {
      const own = this.ofParticipant(userId);
      if (own.length > 0) return { ok: true, tickets: own };
      const active = repos.waves.active();
      const waiting = repos.waiting.of(userId);
      if (waiting) return { ok: false, reason: active ? "waiting" : "wave_ended" };
      return { ok: false, reason: active ? "not_sent" : "no_wave" };
    },
  };
}

export type TicketsOperations = ReturnType<typeof createTicketsOperations>;
