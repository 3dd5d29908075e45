import { Composer, InputFile } from "grammy";
import type { BotContext, PrivateContext } from "../context.js";
import { fileStamp } from "../replies.js";

/**
 * /stats (the organisers' overview): the state of the event as one picture
 * rendered in the bot (src/stats), its key numbers in the caption.
 */
export const statsFeature = new Composer<BotContext>();

/** The renderer brings vega and resvg (tens of MB once loaded): loaded by the first /stats, not at every start. */
const renderer = () => import("../../stats/render.js");
statsFeature.chatType("private").command("stats", (ctx) => sendStats(ctx));

/** /stats, also from the admin menu: counted now, drawn in the reader's language, times in TIME_ZONE. */
export async function sendStats(ctx: PrivateContext): Promise<void> {
  await ctx.replyWithChatAction("upload_photo").catch(() => undefined);
  const { reports } = ctx.deps.ops;
  const started = performance.now();
  const data = reports.stats();
  const counted = performance.now();
  const { renderStats, statsCaption } = await renderer();
  const picture = await renderStats(data, ctx.t);
  ctx.log.info({ count_ms: Math.round(counted - started), render_ms: Math.round(performance.now() - counted) }, "stats picture made");
  await ctx.replyWithPhoto(new InputFile(picture, `stats-${fileStamp(ctx.deps.config.TIME_ZONE)}.png`), { caption: statsCaption(data, ctx.t) });
  reports.recordExport({ by: ctx.from.id, action: "stats", result: `${data.registrations.at(-1)?.total ?? 0} participants` });
}
