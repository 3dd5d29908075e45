import { Menu } from "@grammyjs/menu";
import { Composer } from "grammy";
import type { BotContext, PrivateContext } from "../context.js";
import { generateInvites } from "./invites.js";
import { exportUsers, failedReport, fullReport, listTickets, showSecurityLog } from "./reports.js";
import { sendTickets } from "./send-tickets.js";
import { sendStats } from "./stats.js";
import { startUpload } from "./uploads.js";
import { askEndWave, confirmWave, newWave } from "./waves.js";

/**
 * /menu: every admin command reachable by buttons (SPEC §6), each calling the
 * same function as the command. The guard (middlewares/authorization.ts)
 * checks every press against the role at that moment, so a menu drawn for a
 * since-removed admin does nothing for them. Commands that need an argument
 * (a name, a user, a text) answer with how to write them.
 */
const menu = (id: string) => new Menu<PrivateContext>(`menu:${id}`, { onMenuOutdated: false });
const back = (m: Menu<PrivateContext>) => m.back((ctx) => ctx.t("menu-back"));
const hint = (key: string) => (ctx: PrivateContext) => ctx.reply(ctx.t(key));

const waveMenu = menu("wave")
  .text((ctx) => ctx.t("menu-wave-confirm"), (ctx) => confirmWave(ctx))
  .text((ctx) => ctx.t("menu-wave-send"), (ctx) => sendTickets(ctx))
  .row()
  .text((ctx) => ctx.t("menu-wave-upload"), (ctx) => startUpload(ctx, "replace"))
  .text((ctx) => ctx.t("menu-wave-upload-add"), (ctx) => startUpload(ctx, "add"))
  .row()
  .text((ctx) => ctx.t("menu-wave-end"), (ctx) => askEndWave(ctx))
  .text((ctx) => ctx.t("menu-wave-new"), (ctx) => newWave(ctx, ""))
  .row()
  .text((ctx) => ctx.t("menu-wave-list"), (ctx) => listTickets(ctx))
  .row();
back(waveMenu);

const INVITE_BATCHES = [10, 50, 100, 500] as const;
const invitesMenu = menu("invites");
for (const [index, count] of INVITE_BATCHES.entries()) {
  invitesMenu.text((ctx) => ctx.t("menu-invites-generate", { count }), (ctx) => generateInvites(ctx, count, null));
  if (index % 2 === 1) invitesMenu.row();
}
invitesMenu.text((ctx) => ctx.t("menu-invites-how"), hint("menu-invites-help")).row();
back(invitesMenu);

const peopleMenu = menu("people")
  .text((ctx) => ctx.t("menu-export-users"), (ctx) => exportUsers(ctx))
  .text((ctx) => ctx.t("menu-security-log"), (ctx) => showSecurityLog(ctx))
  .row()
  .text((ctx) => ctx.t("menu-delete-user"), hint("delete-user-usage"))
  .text((ctx) => ctx.t("menu-admins"), (ctx) => ctx.reply(ctx.t(ctx.role === "founder" ? "menu-admins-help" : "menu-admins-founders-only")))
  .row();
back(peopleMenu);

const reportsMenu = menu("reports")
  .text((ctx) => ctx.t("menu-full-report"), (ctx) => fullReport(ctx))
  .text((ctx) => ctx.t("menu-wave-list"), (ctx) => listTickets(ctx))
  .row()
  .text((ctx) => ctx.t("menu-failed-report"), (ctx) => failedReport(ctx))
  .text((ctx) => ctx.t("menu-export-users"), (ctx) => exportUsers(ctx))
  .row()
  .text((ctx) => ctx.t("menu-chatlog"), hint("menu-chatlog-help"))
  .text((ctx) => ctx.t("menu-security-log"), (ctx) => showSecurityLog(ctx))
  .row();
back(reportsMenu);

export const adminMenu = new Menu<PrivateContext>("menu", { onMenuOutdated: false })
  .submenu((ctx) => ctx.t("menu-wave"), "menu:wave")
  .text((ctx) => ctx.t("menu-broadcast"), hint("broadcast-usage"))
  .row()
  .submenu((ctx) => ctx.t("menu-invites"), "menu:invites")
  .submenu((ctx) => ctx.t("menu-people"), "menu:people")
  .row()
  .submenu((ctx) => ctx.t("menu-reports"), "menu:reports")
  .text((ctx) => ctx.t("menu-stats"), (ctx) => sendStats(ctx))
  .row()
  .text(
    (ctx) => ctx.t("menu-refresh"),
    async (ctx) => {
      const text = menuText(ctx);
      // Nothing new to show: Telegram refuses an edit that changes nothing.
      if (ctx.callbackQuery.message?.text === text) return;
      await ctx.editMessageText(text, { reply_markup: adminMenu }).catch(() => undefined);
    },
  );
adminMenu.register([waveMenu, invitesMenu, peopleMenu, reportsMenu]);

export const menuFeature = new Composer<BotContext>();
const inPrivate = menuFeature.chatType("private");
inPrivate.use(adminMenu);
inPrivate.command("menu", (ctx) => ctx.reply(menuText(ctx), { reply_markup: adminMenu }));

/** The menu's heading: participants, and where the open wave and a running delivery stand. */
export function menuText(ctx: PrivateContext): string {
  const overview = ctx.deps.ops.reports.overview();
  const lines = [ctx.t("menu-title", { participants: overview.participants })];
  if (!overview.wave) lines.push(ctx.t("menu-no-wave"));
  else {
    const { wave, counts, failed } = overview.wave;
    lines.push(ctx.t("menu-wave-state", { wave: wave.name, status: ctx.t(`wave-status-${ctx.deps.ops.waves.progress(wave)}`), available: counts.available, sent: counts.sent, failed }));
  }
  for (const { job, tally } of overview.jobs) {
    lines.push(ctx.t("menu-job", { id: job.id, kind: ctx.t(`job-kind-${job.kind}`), sent: tally.sent, total: job.total, failed: tally.failed }));
  }
  if (!overview.engineBusy && overview.jobs.length > 0) lines.push(ctx.t("menu-job-waiting"));
  return lines.join("\n");
}
