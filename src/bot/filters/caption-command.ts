import type { Context, Filter } from "grammy";
import { commandOf } from "../middlewares/authorization.js";
import type { BotContext } from "../context.js";

/**
 * A command written as the caption of a file or photo ("/upload_zip" on a
 * ZIP, "/broadcast" on a photo). grammY's command() only looks at text
 * messages, so these get their own filter; the guard checks them the same way.
 */
export function captionCommand<C extends BotContext & Context>(name: string) {
  return (ctx: C): ctx is Filter<C, "message"> => ctx.message?.caption !== undefined && ctx.message.text === undefined && commandOf(ctx) === name;
}
