import type { UserRow } from "../db/repos/users.js";
import { parseUserRef, showRef } from "../people/user-ref.js";
import type { PrivateContext } from "./context.js";

/** The person named in a command's argument ("@username" or an id), or a clear message saying what was expected. */
export async function resolveTarget(ctx: PrivateContext, argument: string, usageKey: string): Promise<UserRow | undefined> {
  if (argument.trim() === "") {
    await ctx.reply(ctx.t(usageKey));
    return undefined;
  }
  const ref = parseUserRef(argument);
  if (!ref) {
    await ctx.reply(`${ctx.t("user-ref-invalid")}\n\n${ctx.t(usageKey)}`);
    return undefined;
  }
  const user = ctx.deps.ops.people.find(ref);
  if (!user) await ctx.reply(ctx.t("user-unknown", { user: showRef(ref) }));
  return user;
}
