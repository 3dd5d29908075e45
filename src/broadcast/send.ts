import type { Api } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BroadcastRow } from "../db/repos/broadcasts.js";

type Signal = Parameters<Api["sendMessage"]>[3];

/**
 * Sends a broadcast to one chat: the stored text with its formatting, or a
 * copy of the admin's message (copyMessage: one upload, any media type,
 * formatting kept). The preview to the admin and every delivery use this same
 * function, so the preview is exactly what participants see.
 */
export async function sendBroadcast(
  api: Api,
  broadcast: BroadcastRow,
  chatId: number,
  options: { paid?: boolean; signal?: AbortSignal } = {},
): Promise<{ messageId: number }> {
  const paid = options.paid ? { allow_paid_broadcast: true } : {};
  const signal = options.signal as Signal;
  if (broadcast.kind === "text") {
    const entities = JSON.parse(broadcast.entities ?? "[]") as MessageEntity[];
    const message = await api.sendMessage(chatId, broadcast.text ?? "", { entities, ...paid }, signal);
    return { messageId: message.message_id };
  }
  const caption =
    broadcast.caption !== null
      ? { caption: broadcast.caption, caption_entities: JSON.parse(broadcast.caption_entities ?? "[]") as MessageEntity[] }
      : {};
  const copy = await api.copyMessage(chatId, broadcast.chat_id, broadcast.source_message_id!, { ...caption, ...paid }, signal);
  return { messageId: copy.message_id };
}
