import type { MiddlewareFn } from "grammy";
import { describeIncoming } from "../../telegram/describe.js";
import type { BotContext } from "../context.js";

/**
 * Before any feature runs: the sender noted (a participant's or organiser's
 * profile refreshed — usernames and names change) and what they sent written
 * into their chat log, so nothing they send goes unrecorded. Someone who is
 * neither is known by id only (SPEC §11): no names, nothing they wrote.
 */
export const recordIncoming: MiddlewareFn<BotContext> = (ctx, next) => {
  const { people } = ctx.deps.ops;
  if (ctx.from && !ctx.from.is_bot && ctx.chat?.type !== "channel") people.noteSender(ctx.from, ctx.role);
  const member = ctx.myChatMember;
  if (member?.chat.type === "private" && member.new_chat_member.status === "kicked") people.blockedTheBot(member.from.id, ctx.role);
  const line = describeIncoming(ctx.update);
  if (line && ctx.role !== "visitor") people.recordChatLine({ direction: "in", ...line });
  return next();
};
