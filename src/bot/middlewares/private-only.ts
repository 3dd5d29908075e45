import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { commandOf } from "./authorization.js";

/**
 * The bot works in private chats only. In a group it says so once when added
 * (and when someone addresses it with a command) and leaves; channel posts and
 * other chats' updates go no further.
 */
export const privateChatsOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") return next();
  ctx.log.info({ chat_id: chat.id, chat_type: chat.type }, "update from a non-private chat ignored");
  if (chat.type === "channel") return;
  const addedToGroup = ctx.myChatMember && ["member", "administrator"].includes(ctx.myChatMember.new_chat_member.status);
  // "/cmd" or "/cmd@thisbot"; a command for another bot in the same group is not ours to answer.
  const addressed = ctx.message !== undefined && commandOf(ctx) !== undefined;
  if (addedToGroup || addressed) {
    await ctx.reply(ctx.t("private-only"));
    await ctx.leaveChat().catch((error: unknown) => ctx.log.warn({ err: error }, "could not leave a group"));
  }
};
