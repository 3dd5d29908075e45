import type { Message, Update } from "grammy/types";

/** What a chat-log line shows for a message: its text, or its media as "[kind: name]" plus caption. */
export function describeMessage(message: Partial<Message>): { kind: string; content: string } {
  const caption = message.caption ? ` ${message.caption}` : "";
  if (message.text !== undefined) {
    const isCommand = message.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
    return { kind: isCommand ? "command" : "text", content: message.text };
  }
  if (message.document) {
    return { kind: "document", content: `[document: ${message.document.file_name ?? "file"}]${caption}` };
  }
  if (message.photo) return { kind: "photo", content: `[photo]${caption}` };
  if (message.video) return { kind: "video", content: `[video: ${message.video.file_name ?? "video"}]${caption}` };
  if (message.animation) return { kind: "animation", content: `[animation]${caption}` };
  if (message.audio) {
    return { kind: "audio", content: `[audio: ${message.audio.title ?? message.audio.file_name ?? "audio"}]${caption}` };
  }
  if (message.voice) return { kind: "voice", content: `[voice message]${caption}` };
  if (message.video_note) return { kind: "video_note", content: "[video message]" };
  if (message.sticker) return { kind: "sticker", content: `[sticker${message.sticker.emoji ? ` ${message.sticker.emoji}` : ""}]` };
  if (message.contact) return { kind: "contact", content: `[contact: ${message.contact.phone_number}]` };
  if (message.location) return { kind: "location", content: "[location]" };
  if (message.poll) return { kind: "poll", content: `[poll: ${message.poll.question}]` };
  return { kind: "other", content: "[message]" };
}

/** The chat-log line of an incoming update from a user, or undefined for updates that carry nothing to log. */
export function describeIncoming(update: Update): { userId: number; kind: string; messageId?: number; content: string } | undefined {
  const message = update.message ?? update.edited_message;
  if (message?.from && message.chat.type === "private") {
    const described = describeMessage(message);
    return {
      userId: message.from.id,
      kind: update.edited_message ? `edited_${described.kind}` : described.kind,
      messageId: message.message_id,
      content: update.edited_message ? `[edited] ${described.content}` : described.content,
    };
  }
  const query = update.callback_query;
  if (query) {
    const label = findButtonLabel(query.message && "reply_markup" in query.message ? query.message.reply_markup : undefined, query.data);
    return {
      userId: query.from.id,
      kind: "button",
      ...(query.message ? { messageId: query.message.message_id } : {}),
      content: `[button: ${label ?? query.data ?? "?"}]`,
    };
  }
  return undefined;
}

function findButtonLabel(markup: Message["reply_markup"], data: string | undefined): string | undefined {
  if (!markup || data === undefined) return undefined;
  for (const row of markup.inline_keyboard) {
    for (const button of row) if ("callback_data" in button && button.callback_data === data) return button.text;
  }
  return undefined;
}
