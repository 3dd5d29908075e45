import type { MiddlewareFn } from "grammy";
import { describeIncoming } from "../../telegram/describe.js";
import type { BotContext } from "../context.js";

/**
 * Before any feature runs: refreshes the sender's profile (usernames and
 * names change) and writes what they sent into their chat log, so nothing a
 * participant or organiser sends goes unrecorded. Someone who is neither is
 * known by id only (SPEC §11): no names, nothing they wrote.
 */
export const recordIncoming: MiddlewareFn<BotContext> = (ctx, next) => {
  const { repos } = ctx.deps;
  const known = ctx.role !== "visitor";
  if (ctx.from && !ctx.from.is_bot && ctx.chat?.type !== "channel") {
    if (known) repos.users.touch(ctx.from);
    else repos.users.seen(ctx.from.id);
  }
  if (!known) return next();
  const member = ctx.myChatMember;
  // The person blocked the bot: worth knowing before a delivery.
  if (member?.chat.type === "private" && member.new_chat_member.status === "kicked") repos.users.markBlocked(member.from.id);
  const line = describeIncoming(ctx.update);
  if (line) repos.chatLog.record({ userId: line.userId, direction: "in", kind: line.kind, messageId: line.messageId, content: line.content });
  return next();
};
