/**
 * Public types of the Telegram Bot API emulator.
 *
 * The emulator speaks the real Bot API over HTTP so that the bot under test can
 * run unmodified (as a child process, through grammY). Tests hold the emulator
 * in-process and play simulated users through these interfaces.
 */
import type {
  ForceReply,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";

export type { Message, MessageEntity } from "grammy/types";

export interface EmulatorOptions {
  /** Requests with another token get 401 Unauthorized. */
  token: string;
  /** Defaults: 7000000001, "test_ticket_bot", "Ticket Bot". */
  bot?: { id?: number; username?: string; firstName?: string };
  /** Added to every method call (not to the long-poll wait of getUpdates). Default 0. */
  latency?: { baseMs: number; jitterMs: number };
  /**
   * Token-bucket flood limits. Default: no limits. perChatBurst: messages one
   * chat may get back to back before perChatPerSecond applies (Telegram
   * tolerates short bursts; default 1, the strictest reading).
   */
  flood?: { globalPerSecond?: number; perChatPerSecond?: number; perChatBurst?: number; paidPerSecond?: number };
  /** getFile limit, default 20 MiB; null = unlimited. Ignored in localMode. */
  maxDownloadBytes?: number | null;
  /** Upload limit, default 50 MiB (2000 MiB in localMode). */
  maxUploadBytes?: number;
  /** Like `telegram-bot-api --local`: getFile returns an absolute path of a real file. */
  localMode?: boolean;
  /** Seed for all randomness (latency jitter, probabilistic faults, ids). Default 1. */
  seed?: number;
  /** How long a callback query can still be answered. Default 15 000 ms (extension for tests). */
  callbackQueryTtlMs?: number;
  /** Host to listen on. Default "127.0.0.1" (extension). */
  host?: string;
  /** Port to listen on. Default 0 = any free port (extension). */
  port?: number;
  /** Log every call to stderr (debugging aid, extension). */
  debug?: boolean;
  /**
   * The time callback-query TTLs, flood buckets, fault-rule expiry and
   * simulated conflicts go by (extension, for unit tests that step time
   * instead of sleeping). Default Date.now. Timestamps in messages and call
   * records stay real.
   */
  clock?: () => number;
}

/** One recorded API call. */
export interface ApiCall {
  /** Canonical method name (e.g. "sendMessage"); the name as sent when the method is unknown. */
  method: string;
  /** Parsed parameters; uploaded files appear as `{ fileName, size }`. */
  params: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status sent; 0 when the fault injector dropped or hung the request. */
  status: number;
  ok: boolean;
  description?: string;
  chatId?: number;
  /** Set when a fault rule handled the call. */
  fault?: FaultKind;
  /** Milliseconds between arrival and answer (long polls included). */
  durationMs?: number;
}

export interface EmulatorStats {
  byMethod: Record<string, number>;
  /** Keyed by "code description", e.g. "403 Forbidden: bot was blocked by the user". */
  errors: Record<string, number>;
  tooManyRequests: number;
}

export interface SentDocument {
  chatId: number;
  messageId: number;
  fileId: string;
  fileUniqueId: string;
  fileName?: string;
  sha256: string;
  protectContent: boolean;
  at: number;
}

export interface BotCommandRecord {
  command: string;
  description: string;
}

export interface Emulator {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  readonly apiRoot: string;
  readonly port: number;
  readonly token: string;
  readonly botInfo: { id: number; username: string; firstName: string };
  close(): Promise<void>;
  user(init?: SimUserInit): SimUser;
  getUser(id: number): SimUser | undefined;
  users(): SimUser[];
  readonly faults: Faults;
  readonly calls: ApiCall[];
  stats(): EmulatorStats;
  on(event: "call", fn: (c: ApiCall) => void): this;
  on(event: "botMessage", fn: (chatId: number, message: BotMessage) => void): this;
  off(event: "call" | "botMessage", fn: (...args: never[]) => void): this;
  waitForPolling(timeoutMs?: number): Promise<void>;
  isPolling(): boolean;
  pendingUpdateCount(): number;
  /** update_id of the latest update queued for the bot, in any chat (extension). */
  lastUpdateId(): number | undefined;
  /** HTTP connections the bot holds open to the emulator (extension). */
  openConnections(): number;
  simulateConflict(ms: number): void;
  sendChannelPost(text: string, opts?: { chatId?: number; title?: string }): Message;
  sendGroupMessage(
    from: SimUser,
    text: string,
    type?: "group" | "supergroup",
    opts?: { chatId?: number; title?: string; replyTo?: number },
  ): Message;
  /** Bot messages in any chat (private, group, channel), current state. */
  chatMessages(chatId: number): BotMessage[];
  commands(scope?: object, languageCode?: string): BotCommandRecord[];
  /** What setMyDescription stored for the language ("" = default). */
  description(languageCode?: string): string | undefined;
  shortDescription(languageCode?: string): string | undefined;
  /** What setChatMenuButton stored for the chat (undefined chatId = default button). */
  menuButton(chatId?: number): unknown;
  fileContent(fileId: string): Buffer | undefined;
  sentDocuments(): SentDocument[];
}

export interface SimUserInit {
  id?: number;
  /** undefined = "user<id>", null = no username. */
  username?: string | null;
  firstName?: string;
  lastName?: string;
  languageCode?: string;
  /**
   * The user has already written to the bot before the emulator started, so
   * the bot may message them at once (participants seeded straight into the
   * bot's database by the benchmarks). Default false.
   */
  started?: boolean;
}

export interface WaitOptions {
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Only consider messages with `index >= since`, plus messages (of any index)
   * edited after waitFor was called. Without it every current message counts.
   */
  since?: number;
  /** Also match messages the bot has deleted (a person saw them, briefly). Default false. */
  includeDeleted?: boolean;
}

export interface MediaOptions {
  caption?: string;
  captionEntities?: MessageEntity[];
  fileName?: string;
  mimeType?: string;
  duration?: number;
  replyTo?: number;
}

export interface SimUser {
  readonly id: number;
  username: string | null;
  firstName: string;
  lastName?: string;
  languageCode?: string;
  /** The user has written to the bot at least once (so the bot may message them). */
  readonly started: boolean;
  readonly blocked: boolean;
  readonly deactivated: boolean;
  /**
   * update_id of the latest update this user's own actions queued in their
   * private chat (messages, edits, presses, blocking); undefined before the
   * first (extension: lets a test wait until the bot has handled it).
   */
  readonly lastUpdateId: number | undefined;
  setUsername(u: string | null): void;
  send(text: string, opts?: { entities?: MessageEntity[]; replyTo?: number }): Message;
  sendDocument(
    content: Buffer,
    fileName: string,
    opts?: { caption?: string; mimeType?: string; captionEntities?: MessageEntity[]; replyTo?: number },
  ): Message;
  sendPhoto(content: Buffer, opts?: { caption?: string; captionEntities?: MessageEntity[] }): Message;
  sendVideo(content: Buffer, opts?: MediaOptions): Message;
  sendAudio(content: Buffer, opts?: MediaOptions & { title?: string; performer?: string }): Message;
  sendVoice(content: Buffer, opts?: MediaOptions): Message;
  sendAnimation(content: Buffer, opts?: MediaOptions): Message;
  sendSticker(opts?: { emoji?: string }): Message;
  edit(messageId: number, newText: string): void;
  press(button: string | { data: string }, opts?: { messageId?: number }): string;
  pressRaw(data: string, messageId: number): string;
  block(): void;
  unblock(): void;
  deactivate(): void;
  readonly messages: BotMessage[];
  lastMessage(): BotMessage | undefined;
  waitFor(pred: (m: BotMessage) => boolean, opts?: WaitOptions): Promise<BotMessage>;
  waitForText(match: string | RegExp, opts?: WaitOptions): Promise<BotMessage>;
  documents(): BotMessage[];
  download(m: Message): Buffer;
  readonly callbackAnswers: CallbackAnswer[];
  waitForCallbackAnswer(callbackQueryId: string, opts?: { timeoutMs?: number }): Promise<CallbackAnswer>;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert?: boolean;
  url?: string;
}

export type ReplyKeyboard = ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A bot message as the person sees it now (after edits/deletion). */
export interface BotMessage extends Message {
  edited: boolean;
  deleted: boolean;
  /** Position among the bot messages of this chat (0-based). */
  index: number;
  /** Date.now() when it was sent. */
  receivedAt: number;
  /** Date.now() of the last edit (0 = never edited). */
  editedAt: number;
  /** A reply keyboard / remove / force_reply the bot attached (Telegram does not echo those in Message). */
  replyKeyboard?: ReplyKeyboard;
  reply_markup?: InlineKeyboardMarkup;
}

export interface Faults {
  add(rule: FaultRule): void;
  clear(): void;
  /** Rules still active (extension). */
  list(): FaultRule[];
}

export type FaultKind = "429" | "5xx" | "drop" | "dropAfter" | "hang" | "error";

export interface FaultRule {
  /** Case-insensitive. Default: any method except getUpdates (which must be matched explicitly). */
  method?: string | RegExp;
  chatId?: number;
  /** Apply to this many matching calls, then drop the rule. Default unlimited. */
  times?: number;
  /** 0..1, seeded. */
  probability?: number;
  /** Rule expires this long after add(). */
  durationMs?: number;
  kind: FaultKind;
  /** Seconds, for "429" (default 5). */
  retryAfter?: number;
  /** For "5xx" (default 502) or "error" (default 400). */
  status?: number;
  /** For "error" (default "Bad Request: injected fault"). */
  description?: string;
}
