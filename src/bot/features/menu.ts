import { Menu } from "@grammyjs/menu";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { generateInvites } from "./invites.js";
import { exportUsers, showSecurityLog } from "./users.js";

/**
 * /menu: every admin command reachable by buttons (SPEC §6). Buttons call the
 * same functions as the commands. The guard (middlewares/authorization.ts)
 * checks every press against the role at that moment, so a menu drawn for a
 * since-removed admin does nothing for them.
 */
const INVITE_BATCHES = [10, 50, 100, 500] as const;

const invitesMenu = new Menu<BotContext>("menu:invites", { onMenuOutdated: false });
for (const [index, count] of INVITE_BATCHES.entries()) {
  invitesMenu.text(
    (ctx) => ctx.t("menu-invites-generate", { count }),
    (ctx) => generateInvites(ctx, count, null),
  );
  if (index % 2 === 1) invitesMenu.row();
}
invitesMenu.text((ctx) => ctx.t("menu-invites-how"), (ctx) => ctx.reply(ctx.t("menu-invites-help"))).row();
invitesMenu.back((ctx) => ctx.t("menu-back"));

const peopleMenu = new Menu<BotContext>("menu:people", { onMenuOutdated: false });
peopleMenu
  .text((ctx) => ctx.t("menu-export-users"), (ctx) => exportUsers(ctx))
  .text((ctx) => ctx.t("menu-security-log"), (ctx) => showSecurityLog(ctx))
  .row()
  .text((ctx) => ctx.t("menu-delete-user"), (ctx) => ctx.reply(ctx.t("delete-user-usage")))
  .text((ctx) => ctx.t("menu-admins"), (ctx) => ctx.reply(ctx.t(ctx.role === "founder" ? "menu-admins-help" : "menu-admins-founders-only")))
  .row()
  .back((ctx) => ctx.t("menu-back"));

export const adminMenu = new Menu<BotContext>("menu", { onMenuOutdated: false });
adminMenu
  .submenu((ctx) => ctx.t("menu-invites"), "menu:invites")
  .submenu((ctx) => ctx.t("menu-people"), "menu:people")
  .row();
adminMenu.register([invitesMenu, peopleMenu]);

export const menuFeature = new Composer<BotContext>();
menuFeature.use(adminMenu);
menuFeature.command("menu", (ctx) => ctx.reply(menuText(ctx), { reply_markup: adminMenu }));

function menuText(ctx: BotContext): string {
  const { repos } = ctx.deps;
  return ctx.t("menu-title", { participants: repos.users.countParticipants() });
}
