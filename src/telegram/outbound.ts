import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type InputFile, type Transformer } from "grammy";
import type { Message } from "grammy/types";
import type { Config } from "../config.js";
import { KeyedRateLimiter, RateLimiter } from "../delivery/rate-limiter.js";
import { scrubSecrets } from "../logger.js";
import { describeMessage, type Described } from "./describe.js";
import { directCall } from "./direct-call.js";
import { clampText, MAX_CAPTION, MAX_TEXT } from "./limits.js";

/** Methods that create a new message: they count against Telegram's global and per-chat limits. */
const NEW_MESSAGE_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "sendVideo",
  "sendAudio",
  "sendVoice",
  "sendAnimation",
  "sendVideoNote",
  "sendSticker",
  "sendMediaGroup",
  "sendLocation",
  "sendContact",
  "sendPoll",
  "copyMessage",
  "forwardMessage",
]);
/** Edits count against the per-chat limit only. */
const EDIT_METHODS = new Set(["editMessageText", "editMessageCaption", "editMessageMedia", "editMessageReplyMarkup"]);

/**
 * Telegram's flood limits as seen from the bot: about 30 new messages a second
 * across chats, about one a second per chat with short bursts tolerated, and
 * far more for paid broadcasts. Every Api object of the process (the bot's,
 * the conversations', the delivery engine's) shares one gate, so interactive
 * replies and bulk delivery never add up to more than Telegram allows.
 */
export class OutboundGate {
  readonly global: RateLimiter;
  readonly paid: RateLimiter;
  readonly perChat: KeyedRateLimiter;
  private readonly chatIntervalMs: number;

  constructor(config: Pick<Config, "TELEGRAM_GLOBAL_RATE" | "TELEGRAM_CHAT_RATE" | "TELEGRAM_CHAT_BURST" | "PAID_RATE_PER_SECOND">) {
    this.global = new RateLimiter(config.TELEGRAM_GLOBAL_RATE, Math.max(1, Math.floor(config.TELEGRAM_GLOBAL_RATE / 6)));
    this.paid = new RateLimiter(config.PAID_RATE_PER_SECOND, Math.max(1, Math.floor(config.PAID_RATE_PER_SECOND / 6)));
    this.perChat = new KeyedRateLimiter(config.TELEGRAM_CHAT_RATE, config.TELEGRAM_CHAT_BURST);
    this.chatIntervalMs = 1000 / config.TELEGRAM_CHAT_RATE;
  }

  transformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const isNew = NEW_MESSAGE_METHODS.has(method);
      const chatId = isNew || EDIT_METHODS.has(method) ? numericChatId(payload) : undefined;
      const paid = isNew && (payload as { allow_paid_broadcast?: boolean }).allow_paid_broadcast === true;
      const chatGapMs = chatId !== undefined ? await this.perChat.get(chatId).take(signal as AbortSignal | undefined) : Infinity;
      if (isNew) await (paid ? this.paid : this.global).take(signal as AbortSignal | undefined);
      const result = await prev(method, payload, signal);
      const retryAfter = !result.ok ? result.parameters?.retry_after : undefined;
      if (retryAfter !== undefined) {
        // Telegram does not say which limit was hit. The chat is held back
        // either way. Everyone is held back only when this message did not
        // follow another to the same chat within the per-chat interval: a
        // refused burst into one chat (an admin's reply, progress and
        // summary) would otherwise stall a whole delivery to other chats.
        if (chatId !== undefined) this.perChat.get(chatId).pause(retryAfter * 1000);
        if (isNew && chatGapMs >= this.chatIntervalMs) (paid ? this.paid : this.global).pause(retryAfter * 1000);
      }
      return result;
    };
  }
}

function numericChatId(payload: unknown): number | undefined {
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  if (typeof chatId === "number") return chatId;
  if (typeof chatId === "string" && /^-?\d+$/.test(chatId)) return Number(chatId);
  return undefined;
}

export interface OutgoingRecord extends Described {
  userId: number;
  messageId?: number;
}

/** Where outgoing messages are written (the people operations, which keep only participants' and organisers' logs). */
export interface ChatLogSink {
  recordChatLine(line: OutgoingRecord & { direction: "out" }): void;
  /** What the bot received as message #id (to describe a copy of it). */
  receivedMessage(userId: number, messageId: number): Described | undefined;
}

/**
 * Describes every successful message the bot sends to a private chat. It sits
 * on each Api object (including the ones conversations build for themselves),
 * so the chat log sees replies, conversation prompts, tickets and broadcasts
 * from one place.
 */
export function chatLogTransformer(sink: ChatLogSink): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok) return result;
    const chatId = numericChatId(payload);
    if (chatId === undefined || chatId <= 0) return result;
    if (NEW_MESSAGE_METHODS.has(method) || EDIT_METHODS.has(method)) {
      try {
        const entry = describeOutgoing(method, payload as Record<string, unknown>, result.result, (from, id) => sink.receivedMessage(from, id));
        if (entry) sink.recordChatLine({ userId: chatId, direction: "out", ...entry });
      } catch {
        // The log must never break a send that already happened.
      }
    }
    return result;
  };
}

function describeOutgoing(
  method: string,
  payload: Record<string, unknown>,
  result: unknown,
  describeCopy: (fromChatId: number, messageId: number) => Described | undefined,
): Omit<OutgoingRecord, "userId"> | undefined {
  if (method === "copyMessage" || method === "forwardMessage") {
    const original = describeCopy(Number(payload.from_chat_id), Number(payload.message_id)) ?? { kind: "other", content: "" };
    // A copy with a caption of its own shows that caption instead of the original's.
    const content = typeof payload.caption === "string" ? payload.caption : original.content;
    const kind = `${method === "copyMessage" ? "copy" : "forward"}_${original.kind}`;
    return { ...original, kind, content, messageId: (result as { message_id: number }).message_id };
  }
  if (typeof result !== "object" || result === null) {
    // editMessage* of an inline message answers `true`.
    return { kind: "edit", content: typeof payload.text === "string" ? payload.text : "" };
  }
  const message = result as Message;
  const described = describeMessage(message);
  if (method === "sendDocument" && !message.document) {
    const file = payload.document as InputFile | string | undefined;
    const name = typeof file === "object" && "filename" in file ? file.filename : undefined;
    described.kind = "document";
    if (name) described.detail = name;
  }
  const edit = EDIT_METHODS.has(method);
  return { ...described, kind: edit ? `edit_${described.kind}` : described.kind, messageId: message.message_id };
}

/**
 * A callback query can be answered once, and only for a short while. A press
 * handled again after a crash (the update inbox replays it) or late after an
 * outage finds its query answered or expired; the spinner on the person's
 * side is long gone by then, so that must not abandon the rest of the handler
 * (editing the message is what the person is waiting for).
 */
const toleratesExpiredCallbackQuery: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  if (method === "answerCallbackQuery" && !result.ok && result.error_code === 400 && /query is too old|query ID is invalid/i.test(result.description)) {
    return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
  }
  return result;
};

/** Methods whose `text` or `caption` Telegram limits. */
const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);
const CAPTION_METHODS = new Set(["sendDocument", "sendPhoto", "sendVideo", "sendAudio", "sendVoice", "sendAnimation", "copyMessage", "editMessageCaption"]);

/**
 * The last line of defence for Telegram's limits: every message is built to
 * fit (telegram/limits.ts), and should one still be too long, it is cut on a
 * whole character and the cut is logged as an error — a shortened message
 * instead of one Telegram refuses and the person never sees.
 */
export function limitsTransformer(onCut: (method: string, field: string, length: number) => void): Transformer {
  return async (prev, method, payload, signal) => {
    const fields = payload as Record<string, unknown>;
    const field = TEXT_METHODS.has(method) ? "text" : CAPTION_METHODS.has(method) ? "caption" : undefined;
    const value = field ? fields[field] : undefined;
    const limit = field === "text" ? MAX_TEXT : MAX_CAPTION;
    if (field && typeof value === "string" && value.length > limit) {
      onCut(method, field, value.length);
      const cut = clampText(value, limit);
      const entitiesKey = field === "text" ? "entities" : "caption_entities";
      const entities = fields[entitiesKey] as Array<{ offset: number; length: number }> | undefined;
      const kept = entities?.filter((e) => e.offset + e.length <= cut.length - 1);
      return prev(method, { ...fields, [field]: cut, ...(entities ? { [entitiesKey]: kept } : {}) } as typeof payload, signal);
    }
    return prev(method, payload, signal);
  };
}

export type RetryMode = "interactive" | "delivery";

/**
 * Error descriptions reach admins (a broadcast that cannot be copied) and the
 * database (failed deliveries, /failed_report): nothing shaped like a bot
 * token survives into them, whatever the server answered.
 */
const scrubErrorDescriptions: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  return result.ok ? result : { ...result, description: scrubSecrets(result.description) };
};

/** The transformers every Api object of the process carries. */
export interface OutboundTransformers {
  gate: Transformer;
  chatLog: Transformer;
  limits: Transformer;
}

/**
 * Installs the shared transformers on an Api object, innermost first: error
 * descriptions are scrubbed of secrets, texts are held to Telegram's limits, the gate paces every attempt, the
 * chat log records what went through, and auto-retry (outermost) repeats
 * calls Telegram asked us to repeat.
 *
 * interactive: replies to users retry 429 and 5xx themselves.
 * delivery: only 429 is retried here; the engine classifies 5xx and network
 * errors itself (a retry pass after the main pass, SPEC §8).
 */
export function installOutbound(api: Api, transformers: OutboundTransformers, mode: RetryMode): void {
  api.config.use(scrubErrorDescriptions);
  api.config.use(transformers.limits);
  api.config.use(transformers.gate);
  api.config.use(transformers.chatLog);
  api.config.use(toleratesExpiredCallbackQuery);
  api.config.use(
    mode === "interactive"
      ? autoRetry({ maxRetryAttempts: 6, maxDelaySeconds: 600 })
      : autoRetry({ maxRetryAttempts: 100, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
}

/** An Api object of its own with the process's shared transformers. */
export function createApi(config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "TELEGRAM_TIMEOUT_SECONDS">, transformers: OutboundTransformers, mode: RetryMode): Api {
  // Per request, so a connection that never answers costs one delivery slot
  // this long (then it is a network error, retried) instead of grammY's 500 s.
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS });
  // Many small calls a second: each one request written at once (innermost, under every transformer).
  api.config.use(directCall({ token: config.BOT_TOKEN, apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS }));
  installOutbound(api, transformers, mode);
  return api;
}
