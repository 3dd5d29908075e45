import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";

/** The participant's /ticket: lost tickets are the most common support request. */
export const ticketsFeature = new Composer<BotContext>();

/** Sent again by file_id: no upload. */
ticketsFeature.chatType("private").command("ticket", async (ctx) => {
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t("ticket-admin"));
  const tickets = ctx.deps.ops.tickets.ofParticipant(ctx.from.id);
  if (tickets.length === 0) return ctx.reply(ctx.t("ticket-none"));
  for (const { ticket, wave } of tickets) {
    if (!ticket.file_id) continue;
    await ctx.replyWithDocument(ticket.file_id, {
      caption: ctx.t("ticket-caption", { wave: wave.name }),
      ...(ctx.deps.config.PROTECT_TICKETS ? { protect_content: true } : {}),
    });
  }
  return undefined;
});
