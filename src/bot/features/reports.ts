import { Composer } from "grammy";
import type { SecurityEvent } from "../../db/repos/records.js";
import type { UserRow } from "../../db/repos/users.js";
import type { WaveSummary } from "../../db/repos/waves.js";
import { chatLineFormatter, singleLine, writeTextFile } from "../../reports/text.js";
import { msToDate, writeWorkbook, type Column, type Sheet } from "../../reports/xlsx.js";
import { formatTime } from "../../time.js";
import type { BotContext } from "../context.js";
import { fileStamp, replyWithFile } from "../replies.js";
import { showUser } from "../user-ref.js";
import { resolveTarget } from "./admins.js";
import { inviteColumns } from "./invites.js";
import { failedSheet, ticketsSheet } from "./tickets.js";
import { adminsSheet, participantsSheet } from "./users.js";

/** /chatlog and /full_report (SPEC §6, §9). */
export const reportsFeature = new Composer<BotContext>();

reportsFeature.command("chatlog", async (ctx) => {
  const target = await resolveTarget(ctx, "chatlog-usage");
  if (target) await sendChatlog(ctx, target.id);
});

/**
 * Sends the whole conversation of a user with the bot as a .txt file,
 * streamed from the database into a temporary file (a log of any length is
 * never held in memory).
 */
export async function sendChatlog(ctx: BotContext, userId: number): Promise<void> {
  const { repos, config } = ctx.deps;
  const user = repos.users.findById(userId);
  if (!user) {
    await ctx.reply(ctx.t("user-unknown", { user: String(userId) }));
    return;
  }
  // A snapshot: lines written while the file is being made (this very
  // request, if an admin exports their own log) stay out of it, so the
  // header's counts are the file's.
  const span = repos.chatLog.span(userId);
  if (span.lines === 0 || span.firstAt === null || span.lastAt === null) {
    await ctx.reply(
      user.deleted_at !== null
        ? ctx.t("chatlog-deleted", { id: String(userId), date: formatTime(user.deleted_at, config.TIME_ZONE) })
        : ctx.t("chatlog-empty", { user: showUser(user) }),
    );
    return;
  }
  const zone = config.TIME_ZONE;
  const header = [
    ctx.t("chatlog-title", { user: describePerson(user) }),
    ctx.t("chatlog-range", { lines: span.lines, from: formatTime(span.firstAt, zone), to: formatTime(span.lastAt, zone), zone }),
    ...(user.deleted_at !== null ? [ctx.t("chatlog-deleted-note", { date: formatTime(user.deleted_at, zone) })] : []),
    ctx.t("chatlog-exported", { time: formatTime(Date.now(), zone), admin: showUser({ id: ctx.from!.id, username: ctx.from!.username ?? null, deleted_at: null }) }),
    ctx.t("chatlog-legend"),
  ];
  const format = chatLineFormatter({ timeZone: zone, labels: { in: ctx.t("chatlog-in"), out: ctx.t("chatlog-out") } });
  function* text(): Generator<string> {
    yield `${header.join("\n")}\n\n`;
    for (const entry of repos.chatLog.iterate(userId, span.lastId)) yield format(entry);
  }
  await replyWithFile(
    ctx,
    `chatlog-${userId}-${fileStamp()}.txt`,
    async (path) => {
      await writeTextFile(path, text());
      // Reading someone's conversation is an admin action like any other
      // (SPEC §9); recorded before the file leaves, so no export goes unrecorded.
      repos.records.audit({ actorId: ctx.from!.id, action: "chatlog", args: String(userId), result: `${span.lines} lines` });
    },
    () => ctx.t("chatlog-caption", { user: showUser(user), lines: span.lines }),
  );
}

/** "@anna (123), Anna Petrova": id, username and name, on one printable line. */
function describePerson(user: UserRow): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return singleLine(name ? `${showUser(user)}, ${name}` : showUser(user));
}

reportsFeature.command("full_report", (ctx) => fullReport(ctx));

/**
 * Every record of the event in one workbook. Each sheet's rows come from the
 * database a page at a time and are committed as written, so 50 000
 * participants never sit in memory.
 */
export async function fullReport(ctx: BotContext): Promise<void> {
  const { repos } = ctx.deps;
  const sheets: Sheet<unknown>[] = [
    participantsSheet(ctx),
    adminsSheet(ctx),
    ticketsSheet(ctx),
    { name: ctx.t("sheet-invites"), columns: inviteColumns(ctx), rows: repos.invites.iterate() },
    wavesSheet(ctx),
    failedSheet(ctx),
    securitySheet(ctx),
  ];
  await replyWithFile(
    ctx,
    `report-${fileStamp()}.xlsx`,
    async (path) => {
      const counts = await writeWorkbook(path, sheets);
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      repos.records.audit({ actorId: ctx.from!.id, action: "full_report", result: `${rows} rows` });
      return counts;
    },
    (counts) => [ctx.t("full-report-caption"), ...sheets.map((s) => ctx.t("full-report-sheet", { sheet: s.name, count: counts[s.name] ?? 0 }))].join("\n"),
  );
}

export function wavesSheet(ctx: BotContext): Sheet<WaveSummary> {
  const columns: Column<WaveSummary>[] = [
    { header: ctx.t("col-wave-id"), width: 8, type: "number", value: (w) => w.id },
    { header: ctx.t("col-name"), width: 24, value: (w) => w.name },
    { header: ctx.t("col-status"), width: 16, value: (w) => ctx.t(`wave-status-${w.status}`) },
    { header: ctx.t("col-created-at"), width: 20, type: "date", value: (w) => msToDate(w.created_at) },
    { header: ctx.t("col-created-by"), width: 14, type: "id", value: (w) => w.created_by },
    { header: ctx.t("col-confirmed-at"), width: 20, type: "date", value: (w) => msToDate(w.confirmed_at) },
    { header: ctx.t("col-ended-at"), width: 20, type: "date", value: (w) => msToDate(w.ended_at) },
    { header: ctx.t("col-ended-by"), width: 14, type: "id", value: (w) => w.ended_by },
    { header: ctx.t("col-tickets-total"), width: 10, type: "number", value: (w) => w.tickets_total },
    { header: ctx.t("col-tickets-available"), width: 10, type: "number", value: (w) => w.tickets_available },
    { header: ctx.t("col-tickets-sent"), width: 10, type: "number", value: (w) => w.tickets_sent },
    { header: ctx.t("col-tickets-archived"), width: 10, type: "number", value: (w) => w.tickets_archived },
    { header: ctx.t("col-delivery-jobs"), width: 12, type: "number", value: (w) => w.delivery_jobs },
  ];
  return { name: ctx.t("sheet-waves"), columns, rows: ctx.deps.repos.waves.summaries() };
}

export function securitySheet(ctx: BotContext): Sheet<SecurityEvent> {
  const columns: Column<SecurityEvent>[] = [
    { header: ctx.t("col-time"), width: 20, type: "date", value: (e) => msToDate(e.at) },
    { header: ctx.t("col-user-id"), width: 14, type: "id", value: (e) => e.user_id },
    { header: ctx.t("col-username"), width: 22, value: (e) => (e.username ? `@${e.username}` : "") },
    { header: ctx.t("col-kind"), width: 16, value: (e) => ctx.t(`security-kind-${e.kind}`) },
    { header: ctx.t("col-action"), width: 30, value: (e) => e.action },
    { header: ctx.t("col-details"), width: 40, value: (e) => e.details },
  ];
  return { name: ctx.t("sheet-security"), columns, rows: ctx.deps.repos.records.iterateSecurity() };
}
