import { Composer } from "grammy";
import type { AdminRow } from "../../db/repos/admins.js";
import type { UserRow } from "../../db/repos/users.js";
import { msToDate, type Column, type Sheet } from "../../reports/xlsx.js";
import { formatTime } from "../../time.js";
import type { BotContext } from "../context.js";
import { confirmErasure, requestErasure } from "../../people/erasure.js";
import { keepPrompt } from "../../waves/operations.js";
import { pressedPrompt, promptKeyboard } from "../prompts.js";
import { editOrReply, fileStamp, replyWithWorkbook } from "../replies.js";
import { fitList } from "../../telegram/limits.js";
import { showUser } from "../user-ref.js";
import { resolveTarget } from "./admins.js";

/** /export_users, /delete_user and /security_log. */
export const usersFeature = new Composer<BotContext>();

usersFeature.command("export_users", (ctx) => exportUsers(ctx));

export async function exportUsers(ctx: BotContext): Promise<void> {
  await replyWithWorkbook(ctx, `users-${fileStamp()}.xlsx`, [participantsSheet(ctx), adminsSheet(ctx)], (counts) =>
    ctx.t("export-users-done", { participants: counts[ctx.t("sheet-participants")] ?? 0, admins: counts[ctx.t("sheet-admins")] ?? 0 }),
  );
}

export function participantsSheet(ctx: BotContext): Sheet<UserRow> {
  const columns: Column<UserRow>[] = [
    { header: ctx.t("col-number"), width: 8, type: "number", value: (u) => u.registration_seq },
    { header: ctx.t("col-user-id"), width: 14, type: "id", value: (u) => u.id },
    { header: ctx.t("col-username"), width: 22, value: (u) => (u.username ? `@${u.username}` : "") },
    { header: ctx.t("col-first-name"), width: 18, value: (u) => u.first_name },
    { header: ctx.t("col-last-name"), width: 18, value: (u) => u.last_name },
    { header: ctx.t("col-language"), width: 10, value: (u) => u.language_code },
    { header: ctx.t("col-registered-at"), width: 20, type: "date", value: (u) => msToDate(u.registered_at) },
    { header: ctx.t("col-invite-code"), width: 26, value: (u) => u.invite_code },
    { header: ctx.t("col-consent-at"), width: 20, type: "date", value: (u) => msToDate(u.consent_at) },
    { header: ctx.t("col-agreement-version"), width: 18, value: (u) => u.agreement_version },
    { header: ctx.t("col-blocked-at"), width: 20, type: "date", value: (u) => msToDate(u.blocked_at) },
  ];
  return { name: ctx.t("sheet-participants"), columns, rows: ctx.deps.repos.users.iterateParticipants() };
}

interface AdminLine {
  id: number;
  role: "founder" | "admin";
  user: UserRow | undefined;
  admin: AdminRow | undefined;
}

export function adminsSheet(ctx: BotContext): Sheet<AdminLine> {
  const { config, repos } = ctx.deps;
  const founders: AdminLine[] = config.FOUNDER_IDS.map((id) => ({ id, role: "founder", user: repos.users.findById(id), admin: undefined }));
  const admins: AdminLine[] = repos.admins
    .list()
    .filter((a) => !config.FOUNDER_IDS.includes(a.user_id))
    .map((a) => ({ id: a.user_id, role: "admin", user: repos.users.findById(a.user_id), admin: a }));
  const columns: Column<AdminLine>[] = [
    { header: ctx.t("col-user-id"), width: 14, type: "id", value: (a) => a.id },
    { header: ctx.t("col-username"), width: 22, value: (a) => (a.user?.username ? `@${a.user.username}` : "") },
    { header: ctx.t("col-first-name"), width: 18, value: (a) => a.user?.first_name },
    { header: ctx.t("col-last-name"), width: 18, value: (a) => a.user?.last_name },
    { header: ctx.t("col-role"), width: 12, value: (a) => ctx.t(`role-${a.role}`) },
    { header: ctx.t("col-added-by"), width: 14, type: "id", value: (a) => a.admin?.added_by },
    { header: ctx.t("col-added-at"), width: 20, type: "date", value: (a) => msToDate(a.admin?.added_at) },
  ];
  return { name: ctx.t("sheet-admins"), columns, rows: [...founders, ...admins] };
}

usersFeature.command("delete_user", async (ctx) => {
  const target = await resolveTarget(ctx, "delete-user-usage");
  if (!target) return;
  const result = requestErasure(ctx.deps, { userId: target.id, by: ctx.from!.id, chatId: ctx.chat!.id });
  if (!result.ok) return ctx.reply(ctx.t(`delete-user-is-${result.reason}`, { user: showUser(target) }));
  const question = target.registered_at !== null ? "delete-user-confirm" : "delete-user-confirm-visitor";
  return ctx.reply(ctx.t(question, { user: showUser(target) }), {
    reply_markup: promptKeyboard(ctx, "user", "delete", result.promptId, ctx.t("delete-user-button-confirm")),
  });
});

usersFeature.callbackQuery(/^user:(delete|keep):/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const pressed = pressedPrompt(ctx, "delete_user");
  if (!pressed) return editOrReply(ctx, ctx.t("button-expired"));
  if (pressed.action === "keep") return editOrReply(ctx, ctx.t(keepPrompt(ctx.deps.repos, pressed.prompt) ? "delete-user-kept" : "button-expired"));
  const result = confirmErasure(ctx.deps, { prompt: pressed.prompt, by: ctx.from.id });
  const id = String(result.userId);
  if (result.ok) {
    ctx.log.info({ deleted_user: result.userId }, "person erased");
    return editOrReply(ctx, ctx.t("delete-user-done", { id, lines: result.erasure.chatLines }));
  }
  if (result.reason === "answered") return editOrReply(ctx, ctx.t(result.kept ? "delete-user-kept" : "delete-user-already", { id }));
  return editOrReply(ctx, ctx.t(`delete-user-is-${result.reason}`, { user: id }));
});

const SECURITY_LOG_LINES = 20;

usersFeature.command("security_log", (ctx) => showSecurityLog(ctx));

export function showSecurityLog(ctx: BotContext): Promise<unknown> {
  const { repos, config } = ctx.deps;
  const events = repos.records.latestSecurity(SECURITY_LOG_LINES);
  if (events.length === 0) return ctx.reply(ctx.t("security-log-empty"));
  const lines = events.map((e) =>
    ctx.t("security-log-line", {
      time: formatTime(e.at, config.TIME_ZONE),
      user: e.user_id === null ? "?" : e.username ? `@${e.username} (${e.user_id})` : String(e.user_id),
      kind: ctx.t(`security-kind-${e.kind}`),
      action: e.action,
    }),
  );
  const head = ctx.t("security-log-header", { count: events.length, total: repos.records.countSecurity() });
  return ctx.reply(fitList({ head, lines, more: (count) => ctx.t("list-and-more", { count }) }).text);
}
