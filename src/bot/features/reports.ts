import { Composer } from "grammy";
import type { UserRow } from "../../db/repos/users.js";
import { showUser } from "../../people/user-ref.js";
import { chatLogText, securityActionText } from "../../reports/markers.js";
import { chatLineFormatter, singleLine, writeTextFile } from "../../reports/text.js";
import { writeWorkbook, type Sheet } from "../../reports/xlsx.js";
import { fitList } from "../../telegram/limits.js";
import { formatTime } from "../../time.js";
import type { BotContext, PrivateContext } from "../context.js";
import { fileStamp, replyWithFile, replyWithWorkbook } from "../replies.js";
import { resolveTarget } from "../targets.js";

/**
 * Every report (SPEC §6, §9): /full_report, /export_users, /list_tickets,
 * /failed_report as .xlsx; /chatlog as .txt; /security_log as a message.
 * The sheets themselves are in src/reports/sheets.ts.
 */
export const reportsFeature = new Composer<BotContext>();
const inPrivate = reportsFeature.chatType("private");

inPrivate.command("full_report", (ctx) => fullReport(ctx));
inPrivate.command("export_users", (ctx) => exportUsers(ctx));
inPrivate.command("list_tickets", (ctx) => listTickets(ctx));
inPrivate.command("failed_report", (ctx) => failedReport(ctx));
inPrivate.command("security_log", (ctx) => showSecurityLog(ctx));
inPrivate.command("chatlog", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "chatlog-usage");
  if (target) await sendChatlog(ctx, target.id);
});

/**
 * Every record of the event in one workbook. Each sheet's rows come from the
 * database a page at a time and are committed as written, so 50 000
 * participants never sit in memory.
 */
export async function fullReport(ctx: PrivateContext): Promise<void> {
  const { reports } = ctx.deps.ops;
  const s = reports.sheets(ctx.t);
  const sheets: Sheet<unknown>[] = [s.participants(), s.admins(), s.staff(), s.tickets(), s.invites(), s.waves(), s.failed(), s.checkins(), s.security()];
  await replyWithFile(
    ctx,
    `report-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`,
    async (path) => {
      const counts = await writeWorkbook(path, sheets);
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      reports.recordExport({ by: ctx.from.id, action: "full_report", result: `${rows} rows` });
      return counts;
    },
    (counts) => [ctx.t("full-report-caption"), ...sheets.map((sheet) => ctx.t("full-report-sheet", { sheet: sheet.name, count: counts[sheet.name] ?? 0 }))].join("\n"),
  );
}

export async function exportUsers(ctx: PrivateContext): Promise<void> {
  const s = ctx.deps.ops.reports.sheets(ctx.t);
  await replyWithWorkbook(ctx, `users-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`, [s.participants(), s.admins(), s.staff()], (counts) =>
    ctx.t("export-users-done", {
      participants: counts[ctx.t("sheet-participants")] ?? 0,
      admins: counts[ctx.t("sheet-admins")] ?? 0,
      staff: counts[ctx.t("sheet-staff")] ?? 0,
    }),
  );
}

export async function listTickets(ctx: PrivateContext): Promise<void> {
  await replyWithWorkbook(ctx, `tickets-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`, [ctx.deps.ops.reports.sheets(ctx.t).tickets()], (counts) =>
    ctx.t("list-tickets-done", { count: counts[ctx.t("sheet-tickets")] ?? 0 }),
  );
}

export async function failedReport(ctx: PrivateContext): Promise<void> {
  await replyWithWorkbook(ctx, `failed-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`, [ctx.deps.ops.reports.sheets(ctx.t).failed()], (counts) =>
    ctx.t("failed-report-done", { count: counts[ctx.t("sheet-failed")] ?? 0 }),
  );
}

const SECURITY_LOG_LINES = 20;

export function showSecurityLog(ctx: PrivateContext): Promise<unknown> {
  const { events, total } = ctx.deps.ops.reports.securityLog(SECURITY_LOG_LINES);
  if (events.length === 0) return ctx.reply(ctx.t("security-log-empty"));
  const lines = events.map((e) =>
    ctx.t("security-log-line", {
      time: formatTime(e.at, ctx.deps.config.TIME_ZONE),
      user: e.user_id === null ? "?" : e.username ? `@${e.username} (${e.user_id})` : String(e.user_id),
      kind: ctx.t(`security-kind-${e.kind}`),
      action: securityActionText(e.action, ctx.t),
    }),
  );
  const head = ctx.t(events.length < total ? "security-log-header" : "security-log-header-all", { count: events.length, total });
  return ctx.reply(fitList({ head, lines, more: (count) => ctx.t("list-and-more", { count }) }).text);
}

/**
 * Sends the whole conversation of a person with the bot as a .txt file,
 * streamed from the database into a temporary file (a log of any length is
 * never held in memory).
 */
export async function sendChatlog(ctx: PrivateContext, userId: number): Promise<void> {
  const { reports } = ctx.deps.ops;
  const zone = ctx.deps.config.TIME_ZONE;
  const log = reports.chatLog(userId);
  switch (log.kind) {
    case "unknown":
      await ctx.reply(ctx.t("user-unknown", { user: String(userId) }));
      return;
    case "erased":
      await ctx.reply(ctx.t("chatlog-deleted", { id: String(userId), date: formatTime(log.deletedAt, zone) }));
      return;
    case "empty":
      await ctx.reply(ctx.t("chatlog-empty", { user: showUser(log.user) }));
      return;
    case "log":
      break;
  }
  const { user, entries } = log;
  const header = [
    ctx.t("chatlog-title", { user: describePerson(user) }),
    ctx.t("chatlog-range", { lines: log.lines, from: formatTime(log.firstAt, zone), to: formatTime(log.lastAt, zone), zone }),
    ...(user.deleted_at !== null ? [ctx.t("chatlog-deleted-note", { date: formatTime(user.deleted_at, zone) })] : []),
    ctx.t("chatlog-exported", { time: formatTime(Date.now(), zone), admin: showUser({ id: ctx.from.id, username: ctx.from.username ?? null, deleted_at: null }) }),
    ctx.t("chatlog-legend"),
  ];
  const format = chatLineFormatter({ timeZone: zone, labels: { in: ctx.t("chatlog-in"), out: ctx.t("chatlog-out") } });
  function* text(): Generator<string> {
    yield `${header.join("\n")}\n\n`;
    for (const entry of entries()) yield format({ at: entry.at, direction: entry.direction, content: chatLogText(entry, ctx.t) });
  }
  await replyWithFile(
    ctx,
    `chatlog-${userId}-${fileStamp(ctx.deps.config.TIME_ZONE)}.txt`,
    async (path) => {
      await writeTextFile(path, text());
      // Recorded before the file leaves, so no export goes unrecorded.
      reports.recordExport({ by: ctx.from.id, action: "chatlog", args: String(userId), result: `${log.lines} lines` });
    },
    () => ctx.t("chatlog-caption", { user: showUser(user), lines: log.lines }),
  );
}

/** "@anna (123), Anna Petrova": id, username and name, on one printable line. */
function describePerson(user: UserRow): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return singleLine(name ? `${showUser(user)}, ${name}` : showUser(user));
}
