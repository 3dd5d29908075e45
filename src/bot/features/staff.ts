import { Composer } from "grammy";
import { localeFor } from "../../i18n.js";
import { showUser } from "../../people/user-ref.js";
import { publishChatCommands, withdrawChatCommands } from "../command-menus.js";
import type { BotContext } from "../context.js";
import { resolveTarget } from "../targets.js";

/** /add_staff and /remove_staff (admins): door staff check people in and nothing else. */
export const staffFeature = new Composer<BotContext>();
const inPrivate = staffFeature.chatType("private");

inPrivate.command("add_staff", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "add-staff-usage");
  if (!target) return;
  const { config, i18n } = ctx.deps;
  const result = ctx.deps.ops.people.addStaff({ target, by: ctx.from.id });
  if (!result.ok) return ctx.reply(ctx.t(`staff-not-added-${result.reason}`, { user: showUser(target) }));
  ctx.log.info({ staff: target.id }, "door staff added");
  await publishChatCommands(ctx.api, target.id, "staff", (l, k) => i18n.t(l, k), config.DEFAULT_LOCALE).catch((error: unknown) =>
    ctx.log.warn({ err: error }, "could not publish the door staff command list"),
  );
  await ctx.api
    .sendMessage(target.id, i18n.t(localeFor(target.language_code, config.DEFAULT_LOCALE), "staff-you-are-staff"))
    .catch((error: unknown) => ctx.log.info({ err: error }, "could not tell the new door staff member"));
  return ctx.reply(ctx.t("staff-added", { user: showUser(target) }));
});

inPrivate.command("remove_staff", async (ctx) => {
  const target = await resolveTarget(ctx, ctx.match, "remove-staff-usage");
  if (!target) return;
  const result = ctx.deps.ops.people.removeStaff({ target, by: ctx.from.id });
  if (!result.ok) return ctx.reply(ctx.t("staff-not-staff", { user: showUser(target) }));
  await withdrawChatCommands(ctx.api, target.id).catch((error: unknown) => ctx.log.warn({ err: error }, "could not withdraw the door staff command list"));
  return ctx.reply(ctx.t("staff-removed", { user: showUser(target) }));
});
