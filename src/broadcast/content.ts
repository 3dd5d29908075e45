import type { Message, MessageEntity } from "grammy/types";
import type { NewBroadcast } from "../db/repos/broadcasts.js";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

export type BroadcastSource =
  | { ok: true; content: NewBroadcast; summary: string }
  | { ok: false; reason: "empty" | "too_long_text" | "too_long_caption" };

const MEDIA_KEYS = ["photo", "video", "document", "audio", "voice", "animation", "video_note"] as const;

/**
 * What an admin's /broadcast message asks to send:
 * - "/broadcast <text>": that text, with its formatting (entities shifted past the command);
 * - a photo, video, document, audio, voice or animation with the caption
 *   "/broadcast [text]": a copy of that message, the caption replaced by the rest;
 * - "/broadcast" as a reply: a copy of the replied-to message, as it is.
 */
export function broadcastFromMessage(message: Message): BroadcastSource {
  const isMedia = MEDIA_KEYS.some((key) => message[key] !== undefined);
  if (isMedia && message.caption !== undefined) {
    const rest = afterCommand(message.caption, message.caption_entities ?? []);
    if (rest.text.length > MAX_CAPTION) return { ok: false, reason: "too_long_caption" };
    return { ok: true, content: { kind: "copy", sourceMessageId: message.message_id, caption: rest }, summary: rest.text };
  }
  const rest = afterCommand(message.text ?? "", message.entities ?? []);
  if (rest.text !== "") {
    if (rest.text.length > MAX_TEXT) return { ok: false, reason: "too_long_text" };
    return { ok: true, content: { kind: "text", text: rest.text, entities: rest.entities }, summary: rest.text };
  }
  const reply = message.reply_to_message;
  if (reply) {
    return { ok: true, content: { kind: "copy", sourceMessageId: reply.message_id }, summary: reply.text ?? reply.caption ?? "" };
  }
  return { ok: false, reason: "empty" };
}

/**
 * The text after a leading "/command" and the whitespace around it, with
 * entities moved to the new offsets (UTF-16 units, as Telegram counts) and
 * cut where they overlapped the removed parts.
 */
export function afterCommand(text: string, entities: readonly MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  const commandEnd = command ? command.length : 0;
  const afterSpaces = text.slice(commandEnd).search(/\S|$/) + commandEnd;
  const end = text.trimEnd().length;
  const start = Math.min(afterSpaces, end);
  const moved: MessageEntity[] = [];
  for (const entity of entities) {
    if (entity === command) continue;
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to <= from) continue;
    moved.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities: moved };
}
