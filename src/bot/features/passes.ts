import { Composer, InputFile } from "grammy";
import { passButtons } from "../../door/buttons.js";
import { passImage, passLink } from "../../door/passes.js";
import type { PassRow } from "../../db/repos/passes.js";
import type { WaveRow } from "../../db/repos/waves.js";
import type { BotContext, PrivateContext } from "../context.js";
import { isAdminRole } from "../filters/roles.js";

/**
 * The participant's entry pass (the "event day" issue): /pass, and the
 * button on each ticket document. A QR image of the deep link that opens the
 * bot with /start <pass> from the door steward's phone.
 */
export const passesFeature = new Composer<BotContext>();
const inPrivate = passesFeature.chatType("private");

inPrivate.command("pass", async (ctx) => {
  if (isAdminRole(ctx.role)) return ctx.reply(ctx.t("ticket-admin"));
  const passes = ctx.deps.ops.door.passesOf(ctx.from.id);
  if (passes.length === 0) return ctx.reply(ctx.t("pass-none"));
  for (const { pass, wave } of passes) await sendPass(ctx, pass, wave);
  return undefined;
});

inPrivate.callbackQuery(passButtons.pattern, async (ctx) => {
  const press = passButtons.parse(ctx.callbackQuery.data);
  const found = press && ctx.deps.ops.door.passOf(press.args[0], ctx.from.id);
  if (!found) return ctx.answerCallbackQuery({ text: ctx.t("pass-not-valid"), show_alert: true });
  await ctx.answerCallbackQuery();
  return sendPass(ctx, found.pass, found.wave);
});

/** The QR image, with the person's name and the wave, and how to use it. */
async function sendPass(ctx: PrivateContext, pass: PassRow, wave: WaveRow): Promise<void> {
  const image = await passImage(passLink(ctx.deps.botUsername(), pass.code));
  const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
  await ctx.replyWithPhoto(new InputFile(image, "pass.png"), {
    caption: ctx.t("pass-caption", { name, wave: wave.name }),
    ...(ctx.deps.config.PROTECT_TICKETS ? { protect_content: true } : {}),
  });
}
