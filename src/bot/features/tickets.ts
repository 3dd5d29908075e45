import { Composer } from "grammy";
import type { FailedDelivery } from "../../db/repos/jobs.js";
import type { TicketRow } from "../../db/repos/waves.js";
import { msToDate, type Column, type Sheet } from "../../reports/xlsx.js";
import type { BotContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";
import { fileStamp, replyWithWorkbook } from "../replies.js";

/** The participant's /ticket, and the admin's /list_tickets and /failed_report. */
export const ticketsFeature = new Composer<BotContext>();

/** Lost tickets are the most common support request: send them again, by file_id (no upload). */
ticketsFeature.command("ticket", async (ctx) => {
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t("ticket-admin"));
  const { repos } = ctx.deps;
  const tickets = repos.waves.ticketsOfUser(ctx.from!.id, repos.waves.active()?.id);
  if (tickets.length === 0) return ctx.reply(ctx.t("ticket-none"));
  for (const ticket of tickets) {
    const wave = repos.waves.byId(ticket.wave_id)!;
    await ctx.replyWithDocument(ticket.file_id!, {
      caption: ctx.t("ticket-caption", { wave: wave.name }),
      ...(ctx.deps.config.PROTECT_TICKETS ? { protect_content: true } : {}),
    });
  }
  return undefined;
});

ticketsFeature.command("list_tickets", (ctx) => listTickets(ctx));

export async function listTickets(ctx: BotContext): Promise<void> {
  await replyWithWorkbook(ctx, `tickets-${fileStamp()}.xlsx`, [ticketsSheet(ctx)], (counts) =>
    ctx.t("list-tickets-done", { count: counts[ctx.t("sheet-tickets")] ?? 0 }),
  );
}

export function ticketsSheet(ctx: BotContext): Sheet<TicketRow> {
  const { repos } = ctx.deps;
  const waveNames = new Map(repos.waves.all().map((w) => [w.id, w.name]));
  const who = usernameLookup(ctx);
  const columns: Column<TicketRow>[] = [
    { header: ctx.t("col-ticket-id"), width: 8, type: "number", value: (t) => t.id },
    { header: ctx.t("col-wave"), width: 18, value: (t) => waveNames.get(t.wave_id) ?? String(t.wave_id) },
    { header: ctx.t("col-file"), width: 32, value: (t) => t.file_name },
    { header: ctx.t("col-status"), width: 12, value: (t) => ctx.t(`ticket-status-${t.status}`) },
    { header: ctx.t("col-user-id"), width: 14, type: "id", value: (t) => t.user_id ?? t.held_for },
    { header: ctx.t("col-username"), width: 22, value: (t) => who(t.user_id ?? t.held_for) },
    { header: ctx.t("col-named-for"), width: 20, value: (t) => (t.named_key === "nobody" ? ctx.t("named-not-in-manifest") : t.named_as) },
    { header: ctx.t("col-assigned-at"), width: 20, type: "date", value: (t) => msToDate(t.assigned_at) },
    { header: ctx.t("col-sent-at"), width: 20, type: "date", value: (t) => msToDate(t.sent_at) },
    { header: ctx.t("col-attempts"), width: 9, type: "number", value: (t) => t.attempts },
    { header: ctx.t("col-last-error"), width: 40, value: (t) => (t.held_for ? `${t.last_error ?? ""} (${ctx.t("ticket-held")})` : t.last_error) },
  ];
  return { name: ctx.t("sheet-tickets"), columns, rows: repos.waves.iterateTickets() };
}

ticketsFeature.command("failed_report", (ctx) => failedReport(ctx));

export async function failedReport(ctx: BotContext): Promise<void> {
  await replyWithWorkbook(ctx, `failed-${fileStamp()}.xlsx`, [failedSheet(ctx)], (counts) =>
    ctx.t("failed-report-done", { count: counts[ctx.t("sheet-failed")] ?? 0 }),
  );
}

export function failedSheet(ctx: BotContext): Sheet<FailedDelivery> {
  const { repos } = ctx.deps;
  const who = usernameLookup(ctx);
  const waveNames = new Map(repos.waves.all().map((w) => [w.id, w.name]));
  const what = (d: FailedDelivery) => {
    if (d.kind === "broadcast") return ctx.t("failed-what-broadcast", { id: d.ref_id });
    const ticket = d.item_id !== null ? repos.waves.ticket(d.item_id) : undefined;
    return ctx.t("failed-what-ticket", { file: ticket?.file_name ?? "?", wave: waveNames.get(d.ref_id) ?? String(d.ref_id) });
  };
  const columns: Column<FailedDelivery>[] = [
    { header: ctx.t("col-user-id"), width: 14, type: "id", value: (d) => d.user_id },
    { header: ctx.t("col-username"), width: 22, value: (d) => who(d.user_id) },
    { header: ctx.t("col-what"), width: 40, value: what },
    { header: ctx.t("col-reason"), width: 24, value: (d) => ctx.t(`failure-${d.error_kind ?? "internal"}`) },
    { header: ctx.t("col-error"), width: 50, value: (d) => d.error },
    { header: ctx.t("col-attempts"), width: 9, type: "number", value: (d) => d.attempts },
    { header: ctx.t("col-time"), width: 20, type: "date", value: (d) => msToDate(d.updated_at) },
  ];
  return { name: ctx.t("sheet-failed"), columns, rows: repos.jobs.iterateFailed() };
}

/** "@name", "deleted user #id" or "" for a user id; looked up once per person per report. */
function usernameLookup(ctx: BotContext): (id: number | null) => string | null {
  const cache = new Map<number, string>();
  return (id) => {
    if (id === null) return null;
    let label = cache.get(id);
    if (label === undefined) {
      const user = ctx.deps.repos.users.findById(id);
      label = user?.deleted_at ? ctx.t("deleted-user", { id: String(id) }) : user?.username ? `@${user.username}` : "";
      cache.set(id, label);
    }
    return label;
  };
}
