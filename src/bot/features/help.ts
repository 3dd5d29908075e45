import { Composer } from "grammy";
import { commandsFor } from "../commands.js";
import type { BotContext } from "../context.js";

/** /help per role, /myid and /cancel: available to everyone. */
export const helpFeature = new Composer<BotContext>();
const inPrivate = helpFeature.chatType("private");

inPrivate.command("help", (ctx) => {
  const lines = commandsFor(ctx.role).map((c) => `/${c.name} — ${ctx.t(`cmd-${c.name}`)}`);
  return ctx.reply(`${ctx.t(`help-intro-${ctx.role}`)}\n\n${lines.join("\n")}`);
});

inPrivate.command("myid", (ctx) => ctx.reply(ctx.t("myid", { id: String(ctx.from.id) })));

/** Leaves any multi-step dialog: the "send me the ZIP" conversation and broadcast previews awaiting confirmation. */
inPrivate.command("cancel", async (ctx) => {
  let cancelled = Object.keys(ctx.conversation.active()).length;
  await ctx.conversation.exitAll();
  cancelled += ctx.deps.ops.broadcasts.cancelDraftsOf(ctx.from.id);
  return ctx.reply(ctx.t(cancelled > 0 ? "cancel-done" : "cancel-nothing"));
});
