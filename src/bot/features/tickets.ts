import { Composer } from "grammy";
import { ticketCaption } from "../../tickets/caption.js";
import type { BotContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";

/** The participant's /ticket: lost tickets are the most common support request. */
export const ticketsFeature = new Composer<BotContext>();

/** Sent again by file_id: no upload. Without a ticket: which step they are at (no wave yet, not sent yet, waiting list, wave ended). */
ticketsFeature.chatType("private").command("ticket", async (ctx) => {
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t("ticket-admin"));
  const own = ctx.deps.ops.tickets.own(ctx.from.id);
  if (!own.ok) return ctx.reply(ctx.t("ticket-none", { reason: own.reason }));
  const event = ctx.deps.ops.event.details();
  for (const { ticket, wave } of own.tickets) {
    if (!ticket.file_id) continue;
    await ctx.replyWithDocument(ticket.file_id, {
      caption: ticketCaption(ctx.t, { event, wave: wave.name, timeZone: ctx.deps.config.TIME_ZONE }),
      ...(ctx.deps.config.PROTECT_TICKETS ? { protect_content: true } : {}),
    });
  }
  return undefined;
});
