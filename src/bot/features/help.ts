import { Composer } from "grammy";
import { commandsFor } from "../commands.js";
import type { BotContext } from "../context.js";

/** /help per role, /myid and /cancel: available to everyone. */
export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", (ctx) => {
  const lines = commandsFor(ctx.role).map((c) => `/${c.name} — ${ctx.t(`cmd-${c.name}`)}`);
  const intro = ctx.t(`help-intro-${ctx.role}`);
  return ctx.reply(`${intro}\n\n${lines.join("\n")}`);
});

helpFeature.command("myid", (ctx) => ctx.reply(ctx.t("myid", { id: String(ctx.from!.id) })));

/** Leaves any multi-step dialog: the "send me the ZIP" conversation and broadcast previews awaiting confirmation. */
helpFeature.command("cancel", async (ctx) => {
  const { repos } = ctx.deps;
  let cancelled = Object.keys(ctx.conversation.active()).length;
  await ctx.conversation.exitAll();
  for (const draft of repos.broadcasts.draftsOf(ctx.from!.id)) {
    if (repos.broadcasts.transition(draft.id, "draft", "cancelled")) cancelled++;
  }
  return ctx.reply(ctx.t(cancelled > 0 ? "cancel-done" : "cancel-nothing"));
});
