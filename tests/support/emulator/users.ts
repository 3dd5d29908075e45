/**
 * Simulated users. Every action enqueues the update Telegram would deliver
 * (with the user's current profile in `from`) and returns the Message as the
 * bot will see it. Users observe the bot through `messages` and the waiters.
 */
import type { CallbackQuery, InlineKeyboardButton, Message, MessageEntity } from "grammy/types";
import { fixText } from "./entities.js";
import type { FileKind } from "./files.js";
import { inlineButtons } from "./markup.js";
import { type MediaMeta, primaryFileId, storeMedia } from "./media.js";
import type {
  BotMessage,
  CallbackAnswer,
  MediaOptions,
  SimUser,
  SimUserInit,
  WaitOptions,
} from "./types.js";
import { apiView, type ChatState, type UserState, type World } from "./world.js";

const DEFAULT_TIMEOUT_MS = 10_000;

/** A tiny valid WebP-looking payload for stickers. */
const STICKER_BYTES = Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00", "latin1");

interface AnswerWaiter {
  id: string;
  resolve: (a: CallbackAnswer) => void;
}

export class SimUserImpl implements SimUser, UserState {
  readonly id: number;
  username: string | null;
  firstName: string;
  lastName?: string;
  languageCode?: string;
  started = false;
  blocked = false;
  deactivated = false;
  readonly callbackAnswers: CallbackAnswer[] = [];
  lastUpdateId: number | undefined;
  private answerWaiters: AnswerWaiter[] = [];

  constructor(
    private readonly w: World,
    init: SimUserInit & { id: number },
  ) {
    this.id = init.id;
    this.username = init.username === undefined ? `user${init.id}` : init.username;
    this.firstName = init.firstName ?? `User${init.id}`;
    this.lastName = init.lastName;
    this.languageCode = init.languageCode;
    this.started = init.started ?? false;
  }

  private get chat(): ChatState {
    return this.w.privateChat(this);
  }

  /** Queues an update of this user's private chat and remembers its id. */
  private enqueue(type: string, payload: unknown): void {
    this.lastUpdateId = this.w.enqueue(type, payload) ?? this.lastUpdateId;
  }

  get messages(): BotMessage[] {
    return this.chat.botMessages;
  }

  setUsername(u: string | null): void {
    this.username = u;
  }

  // ---------------------------------------------------------------- sending

  private assertActive(): void {
    if (this.deactivated) throw new Error(`User ${this.id} is deactivated and cannot act`);
    if (this.blocked) throw new Error(`User ${this.id} has blocked the bot; call unblock() first`);
  }

  /** Common envelope of a message from this user in the private chat. */
  private newMessage(content: Partial<Message>, replyTo?: number): Message {
    this.assertActive();
    const chat = this.chat;
    const msg: Record<string, unknown> = {
      message_id: this.w.nextMessageId(chat),
      from: this.w.userObject(this),
      chat: this.w.chatObject(chat),
      date: Math.floor(Date.now() / 1000),
    };
    if (replyTo !== undefined) {
      const target = chat.messages.get(replyTo);
      if (!target) throw new Error(`Cannot reply: message ${replyTo} does not exist in chat ${chat.id}`);
      const view = { ...apiView(target) } as Record<string, unknown>;
      delete view.reply_to_message;
      msg.reply_to_message = view;
    }
    Object.assign(msg, content);
    const message = msg as unknown as Message;
    chat.messages.set(message.message_id, message);
    this.started = true;
    // The update gets its own copy: a later edit() must not rewrite an undelivered update.
    this.enqueue("message", structuredClone(message));
    return structuredClone(message);
  }

  /** Text/caption as the Telegram client sends it: normalised, commands and links detected. */
  private formatted(text: string, entities: MessageEntity[] | undefined) {
    return fixText(text, entities ?? []);
  }

  send(text: string, opts: { entities?: MessageEntity[]; replyTo?: number } = {}): Message {
    const t = this.formatted(text, opts.entities);
    if (!t) throw new Error("Telegram clients cannot send an empty message");
    const content: Partial<Message> = t.entities.length > 0 ? { text: t.text, entities: t.entities } : { text: t.text };
    return this.newMessage(content, opts.replyTo);
  }

  private sendMedia(kind: FileKind, data: Buffer, meta: MediaMeta, opts: MediaOptions): Message {
    this.assertActive();
    const media = storeMedia(this.w, kind, data, meta);
    const content: Partial<Message> = { ...media.fields };
    if (opts.caption) {
      const t = this.formatted(opts.caption, opts.captionEntities);
      if (t) {
        content.caption = t.text;
        if (t.entities.length > 0) content.caption_entities = t.entities;
      }
    }
    return this.newMessage(content, opts.replyTo);
  }

  sendDocument(
    content: Buffer,
    fileName: string,
    opts: { caption?: string; mimeType?: string; captionEntities?: MessageEntity[]; replyTo?: number } = {},
  ): Message {
    return this.sendMedia("document", content, { fileName, mimeType: opts.mimeType }, opts);
  }

  sendPhoto(content: Buffer, opts: { caption?: string; captionEntities?: MessageEntity[] } = {}): Message {
    return this.sendMedia("photo", content, {}, opts);
  }

  sendVideo(content: Buffer, opts: MediaOptions = {}): Message {
    return this.sendMedia("video", content, { ...opts, fileName: opts.fileName ?? "video.mp4" }, opts);
  }

  sendAudio(content: Buffer, opts: MediaOptions & { title?: string; performer?: string } = {}): Message {
    return this.sendMedia("audio", content, { ...opts, fileName: opts.fileName ?? "audio.mp3" }, opts);
  }

  sendVoice(content: Buffer, opts: MediaOptions = {}): Message {
    return this.sendMedia("voice", content, { ...opts, fileName: undefined }, opts);
  }

  sendAnimation(content: Buffer, opts: MediaOptions = {}): Message {
    return this.sendMedia("animation", content, { ...opts, fileName: opts.fileName ?? "animation.mp4" }, opts);
  }

  sendSticker(opts: { emoji?: string } = {}): Message {
    return this.sendMedia("sticker", STICKER_BYTES, { emoji: opts.emoji ?? "👍" }, {});
  }

  edit(messageId: number, newText: string): void {
    this.assertActive();
    const chat = this.chat;
    const msg = chat.messages.get(messageId);
    if (!msg || msg.from?.id !== this.id) {
      throw new Error(`User ${this.id} has no message ${messageId} to edit`);
    }
    const t = this.formatted(newText, undefined);
    if (!t) throw new Error("Telegram clients cannot edit a message to empty text");
    const edited = msg as unknown as Record<string, unknown>;
    if (edited.text !== undefined) {
      edited.text = t.text;
      if (t.entities.length > 0) edited.entities = t.entities;
      else delete edited.entities;
    } else {
      edited.caption = t.text;
      if (t.entities.length > 0) edited.caption_entities = t.entities;
      else delete edited.caption_entities;
    }
    edited.from = this.w.userObject(this);
    edited.edit_date = Math.floor(Date.now() / 1000);
    this.enqueue("edited_message", structuredClone(msg));
  }

  // ---------------------------------------------------------------- buttons

  press(button: string | { data: string }, opts: { messageId?: number } = {}): string {
    this.assertActive();
    const matches = (b: InlineKeyboardButton) =>
      "callback_data" in b && (typeof button === "string" ? b.text === button : b.callback_data === button.data);
    const candidates =
      opts.messageId !== undefined
        ? this.messages.filter((m) => m.message_id === opts.messageId)
        : this.messages;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const m = candidates[i]!;
      if (m.deleted) continue;
      const b = inlineButtons(m.reply_markup).find(matches);
      if (b && "callback_data" in b) return this.enqueueCallback(b.callback_data, apiView(m));
    }
    const label = typeof button === "string" ? `"${button}"` : `with data "${button.data}"`;
    const visible = this.messages
      .filter((m) => !m.deleted && m.reply_markup)
      .slice(-5)
      .map((m) => `  #${m.message_id}: ${inlineButtons(m.reply_markup).map((b) => `[${b.text}]`).join(" ")}`);
    throw new Error(
      `No callback button ${label} on ${opts.messageId !== undefined ? `message ${opts.messageId}` : "any bot message"} in chat ${this.id}.` +
        (visible.length ? `\nButtons on recent messages:\n${visible.join("\n")}` : " No message has an inline keyboard."),
    );
  }

  pressRaw(data: string, messageId: number): string {
    this.assertActive();
    const chat = this.chat;
    const m = chat.messages.get(messageId);
    // A message the bot cannot access any more arrives as InaccessibleMessage.
    const message = m ? apiView(m) : { chat: this.w.chatObject(chat), message_id: messageId, date: 0 as const };
    return this.enqueueCallback(data, message);
  }

  private enqueueCallback(data: string, message: CallbackQuery["message"]): string {
    const chat = this.chat;
    const id = this.w.newCallbackQuery(this.id);
    const query: CallbackQuery = {
      id,
      from: this.w.userObject(this),
      message: structuredClone(message),
      chat_instance: chat.chatInstance,
      data,
    };
    this.enqueue("callback_query", query);
    return id;
  }

  onCallbackAnswer(answer: CallbackAnswer): void {
    this.callbackAnswers.push(answer);
    const ready = this.answerWaiters.filter((w) => w.id === answer.callbackQueryId);
    if (ready.length === 0) return;
    this.answerWaiters = this.answerWaiters.filter((w) => w.id !== answer.callbackQueryId);
    for (const w of ready) w.resolve(answer);
  }

  waitForCallbackAnswer(callbackQueryId: string, opts: { timeoutMs?: number } = {}): Promise<CallbackAnswer> {
    const existing = this.callbackAnswers.find((a) => a.callbackQueryId === callbackQueryId);
    if (existing) return Promise.resolve(existing);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const waiter: AnswerWaiter = {
        id: callbackQueryId,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.answerWaiters = this.answerWaiters.filter((w) => w !== waiter);
        reject(new Error(`Callback query ${callbackQueryId} of user ${this.id} was not answered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.answerWaiters.push(waiter);
    });
  }

  // ------------------------------------------------------------- membership

  block(): void {
    if (this.blocked) return;
    this.blocked = true;
    this.memberUpdate("member", "kicked");
  }

  unblock(): void {
    if (!this.blocked) return;
    this.blocked = false;
    this.memberUpdate("kicked", "member");
  }

  deactivate(): void {
    this.deactivated = true;
  }

  /** Telegram tells the bot about (un)blocking with my_chat_member. */
  private memberUpdate(oldStatus: "member" | "kicked", newStatus: "member" | "kicked"): void {
    if (!this.started) return;
    const member = (status: string) =>
      status === "kicked" ? { user: { ...this.w.bot }, status, until_date: 0 } : { user: { ...this.w.bot }, status };
    this.enqueue("my_chat_member", {
      chat: this.w.chatObject(this.chat),
      from: this.w.userObject(this),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: member(oldStatus),
      new_chat_member: member(newStatus),
    });
  }

  // -------------------------------------------------------------- observing

  lastMessage(): BotMessage | undefined {
    const all = this.messages;
    return all[all.length - 1];
  }

  documents(): BotMessage[] {
    return this.messages.filter((m) => m.document !== undefined && !m.deleted);
  }

  download(m: Message): Buffer {
    const fileId = primaryFileId(m);
    const data = fileId ? this.w.files.get(fileId)?.data : undefined;
    if (!data) throw new Error(`Message ${m.message_id} has no downloadable file`);
    return data;
  }

  waitFor(pred: (m: BotMessage) => boolean, opts: WaitOptions = {}): Promise<BotMessage> {
    const chat = this.chat;
    const since = opts.since ?? 0;
    const includeDeleted = opts.includeDeleted ?? false;
    for (const m of chat.botMessages) {
      if (m.index < since || (m.deleted && !includeDeleted)) continue;
      if (pred(m)) return Promise.resolve(m);
    }
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const waiter = {
        pred,
        since,
        includeDeleted,
        resolve: (m: BotMessage) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        chat.waiters.delete(waiter);
        reject(new Error(`waitFor timed out after ${timeoutMs} ms in chat ${chat.id}.\n${this.describeRecent()}`));
      }, timeoutMs);
      chat.waiters.add(waiter);
    });
  }

  waitForText(match: string | RegExp, opts: WaitOptions = {}): Promise<BotMessage> {
    const test = (s: string | undefined) =>
      s !== undefined && (typeof match === "string" ? s.includes(match) : match.test(s));
    return this.waitFor((m) => test(m.text) || test(m.caption), opts).catch((e: unknown) => {
      throw e instanceof Error ? new Error(`Waiting for text ${String(match)}: ${e.message}`) : e;
    });
  }

  /** Human-readable tail of the chat for failure messages. */
  describeRecent(count = 8): string {
    const recent = this.messages.slice(-count);
    if (recent.length === 0) return "The bot has sent no messages in this chat.";
    const lines = recent.map((m) => {
      const flags = [m.edited ? "edited" : "", m.deleted ? "deleted" : ""].filter(Boolean).join(",");
      const parts: string[] = [];
      if (m.text !== undefined) parts.push(`text: ${JSON.stringify(m.text)}`);
      if (m.document) parts.push(`document: ${m.document.file_name ?? m.document.file_id}`);
      if (m.photo) parts.push("photo");
      if (m.caption !== undefined) parts.push(`caption: ${JSON.stringify(m.caption)}`);
      const buttons = inlineButtons(m.reply_markup).map((b) => `[${b.text}]`).join(" ");
      if (buttons) parts.push(`buttons: ${buttons}`);
      return `  #${m.index} (id ${m.message_id}${flags ? ", " + flags : ""}) ${parts.join("; ")}`;
    });
    return `Recent bot messages:\n${lines.join("\n")}`;
  }
}
