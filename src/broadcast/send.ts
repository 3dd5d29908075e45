import type { Api } from "grammy";
import type { MessageEntity } from "grammy/types";
import type { BroadcastRow } from "../db/repos/broadcasts.js";
import { personalize, type Person } from "./personalize.js";

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
  options: { paid?: boolean; signal?: AbortSignal; person?: Person | undefined } = {},
): Promise<{ messageId: number }> {
  const paid = options.paid ? { allow_paid_broadcast: true } : {};
  const signal = options.signal as Signal;
  /** {name} and {username} filled in for the recipient (the preview: for the admin). */
  const forPerson = (text: string, entities: string | null) => {
    const parsed = JSON.parse(entities ?? "[]") as MessageEntity[];
    return options.person ? personalize(text, parsed, options.person) : { text, entities: parsed };
  };
  if (broadcast.kind === "text") {
    const { text, entities } = forPerson(broadcast.text ?? "", broadcast.entities);
    const message = await api.sendMessage(chatId, text, { entities, ...paid }, signal);
    return { messageId: message.message_id };
  }
  const caption = (() => {
    if (broadcast.caption === null) return {};
    const { text, entities } = forPerson(broadcast.caption, broadcast.caption_entities);
    return { caption: text, caption_entities: entities };
  })();
  const copy = await api.copyMessage(chatId, broadcast.chat_id, broadcast.source_message_id!, { ...caption, ...paid }, signal);
  return { messageId: copy.message_id };
}
