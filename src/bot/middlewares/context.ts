import type { MiddlewareFn } from "grammy";
import { localeFor } from "../../i18n.js";
import type { AppDeps, BotContext } from "../context.js";

/**
 * First middleware: the dependencies, a logger for this update, and the
 * sender's role and locale, read now (a role revoked a second ago is already
 * gone).
 */
export function attachContext(deps: AppDeps): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, user_id: ctx.from?.id });
    ctx.role = ctx.from ? deps.ops.people.roleOf(ctx.from.id) : "visitor";
    ctx.locale = localeFor(ctx.from?.language_code, deps.config.DEFAULT_LOCALE);
    return next();
  };
}
