import { Composer } from "grammy";
import { parseInviteArgs } from "../../invites/codes.js";
import type { BotContext, PrivateContext } from "../context.js";
import { fileStamp, replyWithWorkbook } from "../replies.js";

/** /gen_invites N [days], /revoke_invite CODE, /revoke_invites unused. */
export const invitesFeature = new Composer<BotContext>();
const inPrivate = invitesFeature.chatType("private");

inPrivate.command("gen_invites", async (ctx) => {
  const args = parseInviteArgs(ctx.match);
  if (!args.ok) return ctx.reply(ctx.t("gen-invites-usage"));
  return generateInvites(ctx, args.count, args.days);
});

/** N invite links as an .xlsx (also from the admin menu). */
export async function generateInvites(ctx: PrivateContext, count: number, days: number | null): Promise<void> {
  const generated = ctx.deps.ops.invites.generate({ count, days, by: ctx.from.id });
  const creator = ctx.from.username ? `@${ctx.from.username}` : String(ctx.from.id);
  const sheet = ctx.deps.ops.reports.sheets(ctx.t).newInvites(generated, creator);
  await replyWithWorkbook(ctx, `invites-${fileStamp(ctx.deps.config.TIME_ZONE)}.xlsx`, [sheet], () =>
    ctx.t(days === null ? "gen-invites-done" : "gen-invites-done-expiring", { count, days: days ?? 0 }),
  );
}

inPrivate.command("revoke_invite", async (ctx) => {
  const code = ctx.match.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) return ctx.reply(ctx.t("revoke-invite-usage"));
  const result = ctx.deps.ops.invites.revoke({ code, by: ctx.from.id });
  if (result.ok) return ctx.reply(ctx.t("revoke-invite-done"));
  if (result.reason === "unknown") return ctx.reply(ctx.t("revoke-invite-unknown"));
  return ctx.reply(ctx.t("revoke-invite-not-unused", { status: ctx.t(`invite-status-${result.status}`) }));
});

inPrivate.command("revoke_invites", async (ctx) => {
  if (ctx.match.trim().toLowerCase() !== "unused") return ctx.reply(ctx.t("revoke-invites-usage"));
  return ctx.reply(ctx.t("revoke-invites-done", { count: ctx.deps.ops.invites.revokeUnused({ by: ctx.from.id }) }));
});
