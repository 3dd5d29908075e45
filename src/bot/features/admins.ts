import { Composer } from "grammy";
import type { UserRow } from "../../db/repos/users.js";
import { localeFor } from "../../i18n.js";
import { forgetVisitor } from "../../people/erasure.js";
import type { BotContext } from "../context.js";
import { publishAdminCommands, withdrawAdminCommands } from "../command-menus.js";
import { findUser, parseUserRef, showRef, showUser } from "../user-ref.js";

/** /add_admin and /remove_admin (founders only; SPEC §4, §6). */
export const adminsFeature = new Composer<BotContext>();

adminsFeature.command("add_admin", async (ctx) => {
  const target = await resolveTarget(ctx, "add-admin-usage");
  if (!target) return;
  const { config, repos } = ctx.deps;
  if (config.FOUNDER_IDS.includes(target.id)) return ctx.reply(ctx.t("admin-is-founder", { user: showUser(target) }));
  const added = repos.admins.add(target.id, ctx.from!.id);
  repos.records.audit({ actorId: ctx.from!.id, action: "add_admin", args: String(target.id), result: added ? "added" : "already admin" });
  if (!added) return ctx.reply(ctx.t("admin-already", { user: showUser(target) }));
  ctx.log.info({ admin: target.id }, "admin added");
  await publishAdminCommands(ctx.api, target.id, "admin", (l, k) => ctx.deps.i18n.t(l, k), config.DEFAULT_LOCALE).catch(
    (error: unknown) => ctx.log.warn({ err: error }, "could not publish the admin command list"),
  );
  await ctx.api
    .sendMessage(target.id, ctx.deps.i18n.t(localeFor(target.language_code, config.DEFAULT_LOCALE), "admin-you-are-admin"))
    .catch((error: unknown) => ctx.log.info({ err: error }, "could not tell the new admin"));
  return ctx.reply(ctx.t("admin-added", { user: showUser(target) }));
});

adminsFeature.command("remove_admin", async (ctx) => {
  const target = await resolveTarget(ctx, "remove-admin-usage");
  if (!target) return;
  const { config, repos } = ctx.deps;
  if (config.FOUNDER_IDS.includes(target.id)) return ctx.reply(ctx.t("admin-founder-cannot-be-removed", { user: showUser(target) }));
  const removed = repos.admins.remove(target.id);
  repos.records.audit({ actorId: ctx.from!.id, action: "remove_admin", args: String(target.id), result: removed ? "removed" : "not an admin" });
  if (!removed) return ctx.reply(ctx.t("admin-not-admin", { user: showUser(target) }));
  ctx.log.info({ admin: target.id }, "admin removed");
  // No longer an organiser and never a participant: known by id only from now on.
  if (target.registered_at === null) forgetVisitor(repos, target.id);
  await withdrawAdminCommands(ctx.api, target.id).catch((error: unknown) =>
    ctx.log.warn({ err: error }, "could not withdraw the admin command list"),
  );
  return ctx.reply(ctx.t("admin-removed", { user: showUser(target) }));
});

/** The person named in the command's argument, or a clear message saying what was expected. */
export async function resolveTarget(ctx: BotContext, usageKey: string): Promise<UserRow | undefined> {
  const argument = typeof ctx.match === "string" ? ctx.match.trim() : "";
  if (argument === "") {
    await ctx.reply(ctx.t(usageKey));
    return undefined;
  }
  const ref = parseUserRef(argument);
  if (!ref) {
    await ctx.reply(`${ctx.t("user-ref-invalid")}\n\n${ctx.t(usageKey)}`);
    return undefined;
  }
  const user = findUser(ctx.deps.repos.users, ref);
  if (!user) {
    await ctx.reply(ctx.t("user-unknown", { user: showRef(ref) }));
    return undefined;
  }
  return user;
}
