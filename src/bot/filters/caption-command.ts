import type { Filter } from "grammy";
import type { BotContext } from "../context.js";
import { commandOf } from "../middlewares/authorization.js";

/**
 * A command written as the caption of a file or photo ("/upload_zip" on a
 * ZIP, "/broadcast" on a photo). grammY's command() only looks at text
 * messages, so these get their own filter; the guard checks them the same way.
 */
export function captionCommand(name: string) {
  return (ctx: BotContext): ctx is Filter<BotContext, "message"> =>
    ctx.message?.caption !== undefined && ctx.message.text === undefined && commandOf(ctx) === name;
}
