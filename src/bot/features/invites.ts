import { Composer } from "grammy";
import { inviteStatus, type InviteRow } from "../../db/repos/invites.js";
import { inviteLink, newInviteCode, parseInviteArgs } from "../../invites/codes.js";
import { msToDate, type Column } from "../../reports/xlsx.js";
import type { BotContext } from "../context.js";
import { fileStamp, replyWithWorkbook } from "../replies.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** /gen_invites N [days], /revoke_invite CODE, /revoke_invites unused. */
export const invitesFeature = new Composer<BotContext>();

invitesFeature.command("gen_invites", async (ctx) => {
  const args = parseInviteArgs(ctx.match);
  if (!args.ok) return ctx.reply(ctx.t("gen-invites-usage"));
  return generateInvites(ctx, args.count, args.days);
});

/** Also used by the admin menu. */
export async function generateInvites(ctx: BotContext, count: number, days: number | null): Promise<void> {
  const { repos } = ctx.deps;
  const now = Date.now();
  const expiresAt = days === null ? null : now + days * DAY_MS;
  const codes = Array.from({ length: count }, newInviteCode);
  const batch = repos.invites.createBatch(codes, ctx.from!.id, expiresAt, now);
  repos.records.audit({ actorId: ctx.from!.id, action: "gen_invites", args: `${count}${days ? ` ${days}d` : ""}`, result: `batch ${batch}` });
  const bot = ctx.deps.botUsername();
  const creator = ctx.from!.username ? `@${ctx.from!.username}` : String(ctx.from!.id);
  const columns: Column<string>[] = [
    { header: ctx.t("col-code"), width: 26, value: (code) => code },
    { header: ctx.t("col-link"), width: 60, value: (code) => inviteLink(bot, code) },
    { header: ctx.t("col-created-at"), width: 20, type: "date", value: () => new Date(now) },
    { header: ctx.t("col-created-by"), width: 22, value: () => creator },
    { header: ctx.t("col-expires-at"), width: 20, type: "date", value: () => msToDate(expiresAt) },
  ];
  await replyWithWorkbook(ctx, `invites-${fileStamp()}.xlsx`, [{ name: ctx.t("sheet-invites"), columns, rows: codes }], () =>
    ctx.t(days === null ? "gen-invites-done" : "gen-invites-done-expiring", { count, days: days ?? 0 }),
  );
}

invitesFeature.command("revoke_invite", async (ctx) => {
  const code = ctx.match.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return ctx.reply(ctx.t("revoke-invite-usage"));
  const { repos } = ctx.deps;
  const invite = repos.invites.find(code);
  if (!invite) return ctx.reply(ctx.t("revoke-invite-unknown"));
  const revoked = repos.invites.revoke(code, ctx.from!.id);
  repos.records.audit({ actorId: ctx.from!.id, action: "revoke_invite", args: code, result: revoked ? "revoked" : inviteStatus(invite) });
  if (!revoked) return ctx.reply(ctx.t("revoke-invite-not-unused", { status: ctx.t(`invite-status-${inviteStatus(invite)}`) }));
  return ctx.reply(ctx.t("revoke-invite-done"));
});

invitesFeature.command("revoke_invites", async (ctx) => {
  if (ctx.match.trim().toLowerCase() !== "unused") return ctx.reply(ctx.t("revoke-invites-usage"));
  const { repos } = ctx.deps;
  const count = repos.invites.revokeUnused(ctx.from!.id);
  repos.records.audit({ actorId: ctx.from!.id, action: "revoke_invites", args: "unused", result: `${count} revoked` });
  return ctx.reply(ctx.t("revoke-invites-done", { count }));
});

/** The Invites sheet of /full_report: each code's status and who used it when. */
export function inviteColumns(ctx: BotContext, now = Date.now()): Column<InviteRow>[] {
  const bot = ctx.deps.botUsername();
  return [
    { header: ctx.t("col-code"), width: 26, value: (i) => i.code },
    { header: ctx.t("col-link"), width: 60, value: (i) => inviteLink(bot, i.code) },
    { header: ctx.t("col-status"), width: 12, value: (i) => ctx.t(`invite-status-${inviteStatus(i, now)}`) },
    { header: ctx.t("col-created-at"), width: 20, type: "date", value: (i) => msToDate(i.created_at) },
    { header: ctx.t("col-created-by"), width: 14, type: "id", value: (i) => i.created_by },
    { header: ctx.t("col-expires-at"), width: 20, type: "date", value: (i) => msToDate(i.expires_at) },
    { header: ctx.t("col-used-by"), width: 14, type: "id", value: (i) => i.used_by },
    { header: ctx.t("col-used-at"), width: 20, type: "date", value: (i) => msToDate(i.used_at) },
    { header: ctx.t("col-revoked-at"), width: 20, type: "date", value: (i) => msToDate(i.revoked_at) },
  ];
}
