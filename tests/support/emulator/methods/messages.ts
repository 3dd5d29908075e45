/** Text messages, edits, deletion, copies/forwards, chat info and callback answers. */
import type { Message } from "grammy/types";
import type { Params } from "../body.js";
import {
  caption,
  captionFields,
  deliver,
  markup,
  messageText,
  planSend,
  textFields,
} from "../compose.js";
import { type ApiError, Errors } from "../errors.js";
import { MEDIA_FIELDS } from "../media.js";
import type { BotMessage } from "../types.js";
import { apiView, type ChatState, type World } from "../world.js";
import type { HandlerTable } from "./context.js";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isBotMessage = (m: Message): m is BotMessage => "receivedAt" in m;

/** The bot message an edit targets, after the chat and permission checks. */
function editTarget(w: World, p: Params): { chat: ChatState; msg: BotMessage } {
  if (p.has("inline_message_id")) throw Errors.inlineUnsupported();
  const chat = w.resolveChat(p.raw["chat_id"]);
  w.assertCanPost(chat);
  const id = p.int("message_id", Errors.messageToEditNotFound);
  if (id === undefined) throw Errors.messageIdMissing();
  const msg = chat.messages.get(id);
  if (!msg) throw Errors.messageToEditNotFound();
  if (!isBotMessage(msg)) throw Errors.messageCantBeEdited();
  return { chat, msg };
}

function acquireEdit(w: World, chat: ChatState): void {
  const wait = w.flood.acquire(chat.id, "edit", false, w.now());
  if (wait > 0) throw Errors.tooManyRequests(wait);
}

function inlineOnly(p: Params) {
  const mk = markup(p);
  if (mk.reply) throw Errors.badParam("inline keyboard expected");
  return mk.inline;
}

function setOrDelete<K extends keyof BotMessage>(m: BotMessage, key: K, value: BotMessage[K] | undefined): void {
  if (value === undefined) delete m[key];
  else m[key] = value;
}

/** The source message of copyMessage/forwardMessage. */
function sourceMessage(w: World, p: Params, notFound: () => ApiError): Message {
  const fromChat = w.resolveChat(p.raw["from_chat_id"]);
  const id = p.int("message_id", notFound);
  if (id === undefined) throw Errors.messageIdMissing();
  const src = fromChat.messages.get(id);
  if (!src) throw notFound();
  return src;
}

/** Content fields of a message (text or media + caption), without identity or markup. */
function contentOf(src: Message): Partial<Message> {
  const out: Record<string, unknown> = {};
  const s = src as unknown as Record<string, unknown>;
  for (const k of ["text", "entities", "caption", "caption_entities", ...MEDIA_FIELDS]) {
    if (s[k] !== undefined) out[k] = structuredClone(s[k]);
  }
  return out as Partial<Message>;
}

export const messageMethods: HandlerTable = {
  sendMessage: ({ w, p }) => {
    const text = messageText(w, p);
    const mk = markup(p);
    return apiView(deliver(w, planSend(w, p, textFields(text), mk)));
  },

  editMessageText: ({ w, p }) => {
    const text = messageText(w, p);
    const inline = inlineOnly(p);
    const { chat, msg } = editTarget(w, p);
    if (msg.text === undefined) throw Errors.noTextToEdit();
    const entities = text.entities.length > 0 ? text.entities : undefined;
    // Without reply_markup Telegram removes the inline keyboard.
    if (msg.text === text.text && same(msg.entities, entities) && same(msg.reply_markup, inline)) {
      throw Errors.notModified();
    }
    acquireEdit(w, chat);
    msg.text = text.text;
    setOrDelete(msg, "entities", entities);
    setOrDelete(msg, "reply_markup", inline);
    w.markEdited(chat, msg);
    return apiView(msg);
  },

  editMessageCaption: ({ w, p }) => {
    const cap = caption(w, p);
    const inline = inlineOnly(p);
    const { chat, msg } = editTarget(w, p);
    if (!MEDIA_FIELDS.some((k) => msg[k] !== undefined) || msg.sticker) throw Errors.noCaptionToEdit();
    const fields = captionFields(cap);
    if (
      same(msg.caption, fields.caption) &&
      same(msg.caption_entities, fields.caption_entities) &&
      same(msg.reply_markup, inline)
    ) {
      throw Errors.notModified();
    }
    acquireEdit(w, chat);
    setOrDelete(msg, "caption", fields.caption);
    setOrDelete(msg, "caption_entities", fields.caption_entities);
    setOrDelete(msg, "reply_markup", inline);
    w.markEdited(chat, msg);
    return apiView(msg);
  },

  editMessageReplyMarkup: ({ w, p }) => {
    const inline = inlineOnly(p);
    const { chat, msg } = editTarget(w, p);
    if (same(msg.reply_markup, inline)) throw Errors.notModified();
    acquireEdit(w, chat);
    setOrDelete(msg, "reply_markup", inline);
    w.markEdited(chat, msg);
    return apiView(msg);
  },

  deleteMessage: ({ w, p }) => {
    const chat = w.resolveChat(p.raw["chat_id"]);
    const id = p.int("message_id", Errors.messageToDeleteNotFound);
    if (id === undefined) throw Errors.messageIdMissing();
    const msg = chat.messages.get(id);
    if (!msg) throw Errors.messageToDeleteNotFound();
    chat.messages.delete(id);
    if (isBotMessage(msg)) msg.deleted = true;
    return true;
  },

  copyMessage: ({ w, p }) => {
    const src = sourceMessage(w, p, Errors.messageToCopyNotFound);
    const content = contentOf(src);
    if (content.text === undefined && p.has("caption")) {
      // An explicit caption (even "") replaces the original one.
      const cap = caption(w, p);
      delete content.caption;
      delete content.caption_entities;
      Object.assign(content, captionFields(cap));
    }
    const mk = markup(p);
    const plan = planSend(w, p, content, mk);
    const msg = deliver(w, plan);
    if (msg.document && !msg.animation) {
      const file = w.files.get(msg.document.file_id);
      if (file) {
        w.sentDocuments.push({
          chatId: plan.chat.id,
          messageId: msg.message_id,
          fileId: file.fileId,
          fileUniqueId: file.uniqueId,
          fileName: file.fileName,
          sha256: file.sha256,
          protectContent: plan.protect,
          at: Date.now(),
        });
      }
    }
    return { message_id: msg.message_id };
  },

  forwardMessage: ({ w, p }) => {
    const src = sourceMessage(w, p, Errors.messageToForwardNotFound);
    const origin = src.sender_chat && src.chat.type === "channel"
      ? { type: "channel", chat: src.sender_chat, message_id: src.message_id, date: src.date }
      : { type: "user", sender_user: src.from ?? w.bot, date: src.date };
    const body = { forward_origin: origin, ...contentOf(src) } as Partial<Message>;
    return apiView(deliver(w, planSend(w, p, body, {})));
  },

  sendChatAction: ({ w, p }) => {
    const action = p.str("action");
    if (!action || !CHAT_ACTIONS.has(action)) throw Errors.wrongAction();
    const chat = w.resolveChat(p.raw["chat_id"]);
    w.assertCanPost(chat);
    return true;
  },

  getChat: ({ w, p }) => {
    const chat = w.resolveChat(p.raw["chat_id"]);
    if (chat.type === "private" && !w.users.get(chat.userId!)?.started) throw Errors.chatNotFound();
    return { ...w.chatObject(chat), accent_color_id: 0, max_reaction_count: 11 };
  },

  leaveChat: ({ w, p }) => {
    const chat = w.resolveChat(p.raw["chat_id"]);
    if (chat.type === "private") throw Errors.privateChatLeave();
    chat.botLeft = true;
    return true;
  },

  getChatMember: ({ w, p }) => {
    const chat = w.resolveChat(p.raw["chat_id"]);
    const userId = p.int("user_id", () => Errors.badParam("user not found"));
    if (userId === w.bot.id) {
      return { status: chat.botLeft ? "left" : "member", user: { ...w.bot } };
    }
    const user = userId === undefined ? undefined : w.users.get(userId);
    if (!user || (chat.type === "private" && chat.userId !== userId)) throw Errors.badParam("user not found");
    return { status: "member", user: w.userObject(user) };
  },

  pinChatMessage: ({ w, p }) => {
    const chat = w.resolveChat(p.raw["chat_id"]);
    w.assertCanPost(chat);
    const id = p.int("message_id", () => Errors.badParam("message to pin not found"));
    if (id === undefined || !chat.messages.has(id)) throw Errors.badParam("message to pin not found");
    return true;
  },

  unpinChatMessage: ({ w, p }) => {
    w.resolveChat(p.raw["chat_id"]);
    return true;
  },

  answerCallbackQuery: ({ w, p }) => {
    const id = p.str("callback_query_id");
    if (!id) throw Errors.queryTooOld();
    const user = w.takeCallbackQuery(id);
    const text = p.str("text");
    const url = p.str("url");
    user.onCallbackAnswer({
      callbackQueryId: id,
      ...(text !== undefined ? { text } : {}),
      showAlert: p.bool("show_alert"),
      ...(url !== undefined ? { url } : {}),
    });
    return true;
  },
};
