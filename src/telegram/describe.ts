import type { Message, Update } from "grammy/types";

/**
 * What a chat-log line holds for a message, without words of any language:
 * its kind ("text", "document", "edited_photo", "button", "copy_video" …),
 * the kind's detail (a file name, a button's label, a sticker's emoji) and
 * the person's own text or caption. The chat-log export renders the kind in
 * the reader's language ("[документ: plan.pdf]"); see src/reports/markers.ts.
 */
export interface Described {
  kind: string;
  detail?: string;
  content: string;
}

const withDetail = (kind: string, detail: string | undefined, content: string): Described => (detail ? { kind, detail, content } : { kind, content });

/** The kind, detail and text of a message. */
export function describeMessage(message: Partial<Message>): Described {
  const caption = message.caption ?? "";
  if (message.text !== undefined) {
    const isCommand = message.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
    return { kind: isCommand ? "command" : "text", content: message.text };
  }
  if (message.document) return withDetail("document", message.document.file_name, caption);
  if (message.photo) return { kind: "photo", content: caption };
  if (message.video) return withDetail("video", message.video.file_name, caption);
  if (message.animation) return { kind: "animation", content: caption };
  if (message.audio) return withDetail("audio", message.audio.title ?? message.audio.file_name, caption);
  if (message.voice) return { kind: "voice", content: caption };
  if (message.video_note) return { kind: "video_note", content: "" };
  if (message.sticker) return withDetail("sticker", message.sticker.emoji, "");
  if (message.contact) return withDetail("contact", message.contact.phone_number, "");
  if (message.location) return { kind: "location", content: "" };
  if (message.poll) return withDetail("poll", message.poll.question, "");
  return { kind: "other", content: "" };
}

/** The chat-log line of an incoming update from a user, or undefined for updates that carry nothing to log. */
export function describeIncoming(update: Update): (Described & { userId: number; messageId?: number }) | undefined {
  const message = update.message ?? update.edited_message;
  if (message?.from && message.chat.type === "private") {
    const described = describeMessage(message);
    return {
      userId: message.from.id,
      ...described,
      kind: update.edited_message ? `edited_${described.kind}` : described.kind,
      messageId: message.message_id,
    };
  }
  const query = update.callback_query;
  if (query) {
    const label = findButtonLabel(query.message && "reply_markup" in query.message ? query.message.reply_markup : undefined, query.data);
    return {
      userId: query.from.id,
      kind: "button",
      detail: label ?? query.data ?? "?",
      ...(query.message ? { messageId: query.message.message_id } : {}),
      content: "",
    };
  }
  return undefined;
}

/** The label of the pressed button, as the person saw it. */
export function findButtonLabel(markup: Message["reply_markup"], data: string | undefined): string | undefined {
  if (!markup || data === undefined) return undefined;
  for (const row of markup.inline_keyboard) {
    for (const button of row) if ("callback_data" in button && button.callback_data === data) return button.text;
  }
  return undefined;
}
