import { Composer } from "grammy";
import { localeFor } from "../../i18n.js";
import { showUser } from "../../people/user-ref.js";
import { publishChatCommands, withdrawChatCommands } from "../command-menus.js";
import type { BotContext } from "../context.js";
import { resolveTarget } from "../targets.js";

/** /add_admin and /remove_admin (founders only; SPEC §4, §6). */
export const adminsFeature = new Composer<BotContext>();
const inPrivate = adminsFeature.chatType("private");

inPrivate.command("add_admin", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "add-admin-usage");
  if (!target) return;
  const { config, i18n } = ctx.deps;
  const result = ctx.deps.ops.people.addAdmin({ target, by: ctx.from.id });
  if (!result.ok) return ctx.reply(ctx.t(result.reason === "founder" ? "admin-is-founder" : "admin-already", { user: showUser(target) }));
  ctx.log.info({ admin: target.id }, "admin added");
  await publishChatCommands(ctx.api, target.id, "admin", (l, k) => i18n.t(l, k), config.DEFAULT_LOCALE).catch((error: unknown) =>
    ctx.log.warn({ err: error }, "could not publish the admin command list"),
  );
  // Someone known by id only is told in the bot's default language.
  await ctx.api
    .sendMessage(target.id, i18n.t(localeFor(target.language_code, config.DEFAULT_LOCALE), "admin-you-are-admin"))
    .catch((error: unknown) => ctx.log.info({ err: error }, "could not tell the new admin"));
  return ctx.reply(ctx.t("admin-added", { user: showUser(target) }));
});

inPrivate.command("remove_admin", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "remove-admin-usage");
  if (!target) return;
  const result = ctx.deps.ops.people.removeAdmin({ target, by: ctx.from.id });
  if (!result.ok) return ctx.reply(ctx.t(result.reason === "founder" ? "admin-founder-cannot-be-removed" : "admin-not-admin", { user: showUser(target) }));
  ctx.log.info({ admin: target.id }, "admin removed");
  await withdrawChatCommands(ctx.api, target.id).catch((error: unknown) => ctx.log.warn({ err: error }, "could not withdraw the admin command list"));
  return ctx.reply(ctx.t("admin-removed", { user: showUser(target) }));
});
