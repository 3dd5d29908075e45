import type { MiddlewareFn } from "grammy";
import { describeIncoming } from "../../telegram/describe.js";
import type { BotContext } from "../context.js";

/**
 * Refreshes the sender's profile (username and names change) and writes the
 * incoming message or button press into their chat log, before any feature
 * runs, so nothing a user sends goes unrecorded.
 */
export const recordIncoming: MiddlewareFn<BotContext> = (ctx, next) => {
  const { repos } = ctx.deps;
  if (ctx.from && !ctx.from.is_bot && ctx.chat?.type !== "channel") {
    repos.users.touch(ctx.from);
  }
  const member = ctx.myChatMember;
  if (member && member.chat.type === "private") {
    // The user blocked or restarted the bot: worth knowing before a delivery.
    if (member.new_chat_member.status === "kicked") repos.users.markBlocked(member.from.id);
  }
  const line = describeIncoming(ctx.update);
  if (line) repos.chatLog.record({ userId: line.userId, direction: "in", kind: line.kind, messageId: line.messageId, content: line.content });
  return next();
};
