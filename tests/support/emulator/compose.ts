/**
 * Building blocks shared by the sending/editing handlers: formatted text
 * (parse_mode / entities), reply parameters, markup and the final delivery
 * step with flood control. Validation order follows the real server: the Bot
 * API layer parses parameters first, then TDLib resolves the chat, checks
 * permissions and finally applies flood limits.
 */
import type { Message, MessageEntity } from "grammy/types";
import type { Params } from "./body.js";
import { codePointLength, EntityParseError, fixText, parseHtml, validateEntities, type FormattedText } from "./entities.js";
import { Errors } from "./errors.js";
import { parseReplyMarkup, type ParsedMarkup } from "./markup.js";
import type { BotMessage } from "./types.js";
import { apiView, type ChatState, type World } from "./world.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

/** Text + entities from `text`/`caption`, `parse_mode` and `entities`/`caption_entities`. */
export function formatted(
  w: World,
  text: string | undefined,
  parseMode: string | undefined,
  rawEntities: unknown,
): FormattedText | null {
  if (text === undefined || text === "") return null;
  let parsed: FormattedText;
  const mode = (parseMode ?? "").toLowerCase();
  if (mode === "html") {
    try {
      parsed = parseHtml(text, (id) => {
        const u = w.users.get(id);
        return u ? w.userObject(u) : undefined;
      });
    } catch (e) {
      if (e instanceof EntityParseError) throw Errors.cantParseEntities(e.message);
      throw e;
    }
  } else if (mode === "markdown" || mode === "markdownv2") {
    // Deliberately unsupported: the bot is expected to use HTML; fail loudly rather than mis-render.
    throw Errors.cantParseEntities(`parse_mode ${parseMode} is not supported by the test emulator, use HTML`);
  } else if (mode === "" || mode === "none") {
    let entities: MessageEntity[] = [];
    if (rawEntities !== undefined && rawEntities !== null && rawEntities !== "") {
      let value: unknown = rawEntities;
      if (typeof value === "string") {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          throw Errors.badEntitiesJson();
        }
      }
      const valid = validateEntities(value);
      if (!valid) throw Errors.badEntitiesJson();
      entities = valid;
    }
    parsed = { text, entities };
  } else {
    throw Errors.unsupportedParseMode();
  }
  return fixText(parsed.text, parsed.entities);
}

/** Message text for sendMessage/editMessageText: required, 1..4096 characters after parsing. */
export function messageText(w: World, p: Params): FormattedText {
  const t = formatted(w, p.str("text"), p.str("parse_mode"), p.raw["entities"]);
  if (!t) throw Errors.textEmpty();
  if (codePointLength(t.text) > TEXT_LIMIT) throw Errors.textTooLong();
  return t;
}

/** Optional caption, at most 1024 characters after parsing. */
export function caption(w: World, p: Params): FormattedText | null {
  const t = formatted(w, p.str("caption"), p.str("parse_mode"), p.raw["caption_entities"]);
  if (t && codePointLength(t.text) > CAPTION_LIMIT) throw Errors.captionTooLong();
  return t;
}

export function textFields(t: FormattedText): Partial<Message> {
  return t.entities.length > 0 ? { text: t.text, entities: t.entities } : { text: t.text };
}

export function captionFields(t: FormattedText | null): Partial<Message> {
  if (!t) return {};
  return t.entities.length > 0 ? { caption: t.text, caption_entities: t.entities } : { caption: t.text };
}

export function markup(p: Params): ParsedMarkup {
  return parseReplyMarkup(p.raw["reply_markup"]);
}

/** reply_parameters / reply_to_message_id; returns the Message to embed as reply_to_message. */
export function replyTarget(chat: ChatState, p: Params): Message | undefined {
  let id: number | undefined;
  let allowMissing = p.bool("allow_sending_without_reply");
  const rp = p.json("reply_parameters", () => Errors.badParam("can't parse reply parameters JSON object"));
  if (rp && typeof rp === "object") {
    const r = rp as Record<string, unknown>;
    id = typeof r.message_id === "number" ? r.message_id : Number(r.message_id);
    if (r.allow_sending_without_reply === true) allowMissing = true;
  } else {
    id = p.int("reply_to_message_id");
  }
  if (id === undefined || Number.isNaN(id)) return undefined;
  const target = chat.messages.get(id);
  if (!target) {
    if (allowMissing) return undefined;
    throw Errors.replyNotFound();
  }
  // Telegram does not nest replies further.
  const view = { ...apiView(target) } as Record<string, unknown>;
  delete view.reply_to_message;
  return view as unknown as Message;
}

export interface SendPlan {
  chat: ChatState;
  body: Partial<Message>;
  markup: ParsedMarkup;
  replyTo?: Message;
  protect: boolean;
  paid: boolean;
}

/** Resolve the target chat and its permissions (after parameters were parsed). */
export function targetChat(w: World, p: Params): ChatState {
  const chat = w.resolveChat(p.raw["chat_id"]);
  w.assertCanPost(chat);
  return chat;
}

/** Flood check then store + announce; returns the stored bot message. */
export function deliver(w: World, plan: SendPlan): BotMessage {
  const wait = w.flood.acquire(plan.chat.id, "new", plan.paid, w.now());
  if (wait > 0) throw Errors.tooManyRequests(wait);
  const body: Partial<Message> = {};
  if (plan.replyTo) body.reply_to_message = plan.replyTo as Message["reply_to_message"];
  Object.assign(body, plan.body);
  if (plan.protect) body.has_protected_content = true;
  if (plan.markup.inline) body.reply_markup = plan.markup.inline;
  return w.deliverBotMessage(plan.chat, body, { replyKeyboard: plan.markup.reply });
}

/** Common tail of every send* method: chat, reply target, flags. */
export function planSend(w: World, p: Params, body: Partial<Message>, parsedMarkup: ParsedMarkup): SendPlan {
  const chat = targetChat(w, p);
  const replyTo = replyTarget(chat, p);
  return {
    chat,
    body,
    markup: parsedMarkup,
    replyTo,
    protect: p.bool("protect_content"),
    paid: p.bool("allow_paid_broadcast"),
  };
}
