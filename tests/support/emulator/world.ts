/**
 * The emulator's in-memory state and the operations shared by API handlers
 * and simulated users: chats, message id sequences, delivery of bot messages
 * (with waiters), permissions, callback queries, stats.
 */
import { EventEmitter } from "node:events";
import type { Chat, Message, PhotoSize, User } from "grammy/types";
import { Errors } from "./errors.js";
import { FaultStore } from "./faults.js";
import { FileStore } from "./files.js";
import { FloodControl } from "./flood.js";
import { deriveRng, type Rng } from "./rng.js";
import type {
  ApiCall,
  BotCommandRecord,
  BotMessage,
  CallbackAnswer,
  EmulatorOptions,
  SentDocument,
} from "./types.js";
import { UpdateQueue } from "./updates.js";

export type ChatType = "private" | "group" | "supergroup" | "channel";

/** What the world needs to know about a simulated user (implemented by SimUserImpl). */
export interface UserState {
  readonly id: number;
  username: string | null;
  firstName: string;
  lastName?: string;
  languageCode?: string;
  started: boolean;
  blocked: boolean;
  deactivated: boolean;
  onCallbackAnswer(answer: CallbackAnswer): void;
}

export interface MessageWaiter {
  pred: (m: BotMessage) => boolean;
  since: number;
  includeDeleted: boolean;
  resolve: (m: BotMessage) => void;
  reject: (e: Error) => void;
}

export interface ChatState {
  id: number;
  type: ChatType;
  title?: string;
  userId?: number;
  nextMessageId: number;
  /** Every live message (user and bot), by id. Bot messages are their BotMessage objects. */
  messages: Map<number, Message>;
  botMessages: BotMessage[];
  waiters: Set<MessageWaiter>;
  chatInstance: string;
  botLeft: boolean;
}

interface CallbackRecord {
  userId: number;
  createdAt: number;
}

const BOT_MESSAGE_EXTRAS = ["edited", "deleted", "index", "receivedAt", "editedAt", "replyKeyboard"] as const;

/** The Message as the Bot API returns it (without the emulator's bookkeeping fields). */
export function apiView(m: Message): Message {
  if (!("receivedAt" in m)) return m;
  const copy: Record<string, unknown> = { ...m };
  for (const k of BOT_MESSAGE_EXTRAS) delete copy[k];
  return copy as unknown as Message;
}

export class World {
  readonly token: string;
  readonly bot: User & { username: string };
  readonly events = new EventEmitter();
  readonly users = new Map<number, UserState>();
  readonly chats = new Map<number, ChatState>();
  readonly files: FileStore;
  readonly updates: UpdateQueue;
  readonly flood: FloodControl;
  readonly faults: FaultStore;
  readonly latencyRng: Rng;
  readonly idRng: Rng;
  readonly callbacks = new Map<string, CallbackRecord>();
  readonly commands = new Map<string, BotCommandRecord[]>();
  readonly descriptions = new Map<string, string>();
  readonly shortDescriptions = new Map<string, string>();
  readonly menuButtons = new Map<string, unknown>();
  readonly sentDocuments: SentDocument[] = [];
  /** PhotoSize sets by any of their file_ids, so a photo can be re-sent by file_id. */
  readonly photoSets = new Map<string, PhotoSize[]>();
  readonly calls: ApiCall[] = [];
  readonly statsByMethod: Record<string, number> = {};
  readonly statsErrors: Record<string, number> = {};
  tooManyRequests = 0;
  nextUserId = 100001;
  private callbackCounter = 0;
  readonly maxDownloadBytes: number | null;
  readonly maxUploadBytes: number;
  readonly callbackTtlMs: number;
  readonly localMode: boolean;
  /** The time that TTLs, flood buckets, fault expiry and conflicts go by (EmulatorOptions.clock). */
  readonly now: () => number;

  constructor(
    readonly opts: EmulatorOptions,
    localDir?: string,
  ) {
    const seed = opts.seed ?? 1;
    this.token = opts.token;
    this.bot = {
      id: opts.bot?.id ?? 7000000001,
      is_bot: true,
      first_name: opts.bot?.firstName ?? "Ticket Bot",
      username: opts.bot?.username ?? "test_ticket_bot",
    };
    this.localMode = opts.localMode ?? false;
    this.files = new FileStore(deriveRng(seed, "files"), localDir);
    this.now = opts.clock ?? Date.now;
    this.updates = new UpdateQueue(this.now);
    this.flood = new FloodControl(opts.flood, this.now());
    this.faults = new FaultStore(deriveRng(seed, "faults"), this.now);
    this.latencyRng = deriveRng(seed, "latency");
    this.idRng = deriveRng(seed, "ids");
    this.maxDownloadBytes = this.localMode
      ? null
      : opts.maxDownloadBytes === undefined
        ? 20 * 1024 * 1024
        : opts.maxDownloadBytes;
    this.maxUploadBytes = opts.maxUploadBytes ?? (this.localMode ? 2000 : 50) * 1024 * 1024;
    this.callbackTtlMs = opts.callbackQueryTtlMs ?? 15_000;
    // Real sends never wait on an event listener; avoid the leak warning with many waiters.
    this.events.setMaxListeners(0);
  }

  // ---------------------------------------------------------------- objects

  userObject(u: UserState): User {
    const o: User = { id: u.id, is_bot: false, first_name: u.firstName };
    if (u.lastName) o.last_name = u.lastName;
    if (u.username) o.username = u.username;
    if (u.languageCode) o.language_code = u.languageCode;
    return o;
  }

  chatObject(chat: ChatState): Chat {
    if (chat.type === "private") {
      const u = this.users.get(chat.userId!)!;
      const o: Chat.PrivateChat = { id: chat.id, type: "private", first_name: u.firstName };
      if (u.lastName) o.last_name = u.lastName;
      if (u.username) o.username = u.username;
      return o;
    }
    if (chat.type === "supergroup") return { id: chat.id, type: "supergroup", title: chat.title ?? "" };
    if (chat.type === "channel") return { id: chat.id, type: "channel", title: chat.title ?? "" };
    return { id: chat.id, type: "group", title: chat.title ?? "" };
  }

  // ------------------------------------------------------------------ chats

  ensureChat(id: number, type: ChatType, init: { userId?: number; title?: string } = {}): ChatState {
    let chat = this.chats.get(id);
    if (!chat) {
      chat = {
        id,
        type,
        title: init.title,
        userId: init.userId,
        nextMessageId: 1,
        messages: new Map(),
        botMessages: [],
        waiters: new Set(),
        chatInstance: String(-(BigInt(Math.floor(this.idRng() * 2 ** 52)) * 1000n + BigInt(Math.abs(id) % 1000))),
        botLeft: false,
      };
      this.chats.set(id, chat);
    }
    return chat;
  }

  privateChat(user: UserState): ChatState {
    return this.ensureChat(user.id, "private", { userId: user.id });
  }

  /** Resolve a chat_id parameter; unknown chats (and @usernames of users) are "chat not found". */
  resolveChat(raw: unknown): ChatState {
    if (raw === undefined || raw === null || raw === "") throw Errors.chatIdEmpty();
    let id: number;
    if (typeof raw === "number") id = raw;
    else if (typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw)) id = Number(raw);
    else throw Errors.chatNotFound();
    const chat = this.chats.get(id);
    if (chat) return chat;
    // A user the bot has never met still has no chat with it.
    if (this.users.has(id)) return this.privateChat(this.users.get(id)!);
    throw Errors.chatNotFound();
  }

  /** Permission to post into a chat (new messages, edits, chat actions). */
  assertCanPost(chat: ChatState): void {
    if (chat.type === "private") {
      const u = this.users.get(chat.userId!)!;
      if (u.deactivated) throw Errors.deactivated();
      if (!u.started) throw Errors.cantInitiate();
      if (u.blocked) throw Errors.blocked();
      return;
    }
    if (chat.botLeft) throw Errors.notMember(chat.type === "group" ? "group" : chat.type);
  }

  nextMessageId(chat: ChatState): number {
    return chat.nextMessageId++;
  }

  // --------------------------------------------------------------- messages

  /** Store and announce a new bot message (`body` without id/date/chat/from). */
  deliverBotMessage(chat: ChatState, body: Partial<Message>, extras: { replyKeyboard?: BotMessage["replyKeyboard"] } = {}): BotMessage {
    const head: Partial<Message> = { message_id: this.nextMessageId(chat) };
    if (chat.type === "channel") head.sender_chat = this.chatObject(chat);
    else head.from = { ...this.bot };
    const msg = {
      ...head,
      chat: this.chatObject(chat),
      date: Math.floor(Date.now() / 1000),
      ...body,
      edited: false,
      deleted: false,
      index: chat.botMessages.length,
      receivedAt: Date.now(),
      editedAt: 0,
    } as BotMessage;
    if (extras.replyKeyboard) msg.replyKeyboard = extras.replyKeyboard;
    chat.botMessages.push(msg);
    chat.messages.set(msg.message_id, msg);
    this.notify(chat, msg, "new");
    return msg;
  }

  /** Announce an in-place change of a bot message. */
  markEdited(chat: ChatState, msg: BotMessage): void {
    msg.edited = true;
    msg.editedAt = Date.now();
    msg.edit_date = Math.floor(msg.editedAt / 1000);
    this.notify(chat, msg, "edit");
  }

  private notify(chat: ChatState, msg: BotMessage, kind: "new" | "edit"): void {
    this.events.emit("botMessage", chat.id, msg);
    if (chat.waiters.size === 0) return;
    for (const w of chat.waiters) {
      if (msg.deleted && !w.includeDeleted) continue;
      if (kind === "new" && msg.index < w.since) continue;
      let ok: boolean;
      try {
        ok = w.pred(msg);
      } catch (e) {
        chat.waiters.delete(w);
        w.reject(e instanceof Error ? e : new Error(String(e)));
        continue;
      }
      if (ok) {
        chat.waiters.delete(w);
        w.resolve(msg);
      }
    }
  }

  /** Enqueue an update for the bot (subject to allowed_updates): its update_id, or undefined when filtered out. */
  enqueue(type: string, payload: unknown): number | undefined {
    return this.updates.push(type, payload);
  }

  // -------------------------------------------------------------- callbacks

  newCallbackQuery(userId: number): string {
    // Telegram's ids are large decimal strings; keep them unique and ordered.
    const id = (4_000_000_000_000_000_000n + BigInt(userId) * 1_000_000n + BigInt(++this.callbackCounter)).toString();
    this.callbacks.set(id, { userId, createdAt: this.now() });
    return id;
  }

  /** Validates and consumes a callback query id; returns the pressing user. */
  takeCallbackQuery(id: string): UserState {
    const rec = this.callbacks.get(id);
    if (!rec || this.now() - rec.createdAt > this.callbackTtlMs) {
      this.callbacks.delete(id);
      throw Errors.queryTooOld();
    }
    this.callbacks.delete(id);
    const user = this.users.get(rec.userId);
    if (!user) throw Errors.queryTooOld();
    return user;
  }

  // ------------------------------------------------------------------ stats

  record(call: ApiCall): void {
    this.calls.push(call);
    this.statsByMethod[call.method] = (this.statsByMethod[call.method] ?? 0) + 1;
    if (!call.ok && call.status > 0) {
      const key = `${call.status} ${call.description ?? ""}`;
      this.statsErrors[key] = (this.statsErrors[key] ?? 0) + 1;
    }
    if (call.status === 429) this.tooManyRequests++;
    this.events.emit("call", call);
  }
}
