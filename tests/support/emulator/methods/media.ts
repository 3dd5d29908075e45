/** send{Document,Photo,Video,Audio,Voice,Animation,Sticker} and getFile. */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type FileParam, Params } from "../body.js";
import { caption, captionFields, deliver, markup, planSend, type SendPlan } from "../compose.js";
import { Errors } from "../errors.js";
import type { FileKind } from "../files.js";
import { type MediaContent, type MediaMeta, reuseMedia, storeMedia } from "../media.js";
import type { BotMessage } from "../types.js";
import { apiView, type World } from "../world.js";
import type { Handler, HandlerTable } from "./context.js";

/** File kinds that may be re-sent as each other by file_id. */
const COMPATIBLE: Partial<Record<FileKind, FileKind[]>> = {
  document: ["document", "animation"],
  animation: ["animation", "document"],
};

function metaOf(p: Params): MediaMeta {
  return {
    duration: p.int("duration"),
    width: p.int("width"),
    height: p.int("height"),
    title: p.str("title"),
    performer: p.str("performer"),
    emoji: p.str("emoji"),
  };
}

async function inputMedia(
  w: World,
  input: FileParam | undefined,
  field: string,
  kind: FileKind,
  meta: MediaMeta,
): Promise<MediaContent> {
  if (!input) throw Errors.noFileInRequest(field);
  if ("upload" in input) {
    if (input.upload.data.length === 0) throw Errors.fileEmpty();
    return storeMedia(w, kind, input.upload.data, { ...meta, fileName: input.upload.fileName });
  }
  const ref = input.ref;
  // telegram-bot-api --local accepts local paths as file:// URIs.
  if (w.localMode && ref.startsWith("file://")) {
    const filePath = fileURLToPath(ref);
    let data: Buffer;
    try {
      data = await readFile(filePath);
    } catch {
      throw Errors.wrongFileId();
    }
    if (data.length === 0) throw Errors.fileEmpty();
    return storeMedia(w, kind, data, { ...meta, fileName: filePath.split(/[\\/]/).pop() });
  }
  const file = w.files.get(ref);
  if (!file) throw Errors.wrongFileId();
  if (file.kind !== kind && !(COMPATIBLE[kind] ?? []).includes(file.kind)) {
    throw Errors.badParam("type of file mismatch");
  }
  return reuseMedia(w, kind, file, meta);
}

function sendMedia(kind: FileKind, field: string): Handler {
  return async ({ w, p }) => {
    // Bot API order: parameters first (caption, markup), then the file and the chat.
    const cap = kind === "sticker" ? null : caption(w, p);
    const mk = markup(p);
    const media = await inputMedia(w, p.file(field), field, kind, metaOf(p));
    const plan = planSend(w, p, { ...media.fields, ...captionFields(cap) }, mk);
    const msg = deliver(w, plan);
    if (kind === "document") recordDocument(w, plan, msg, media);
    return apiView(msg);
  };
}

function recordDocument(w: World, plan: SendPlan, msg: BotMessage, media: MediaContent): void {
  w.sentDocuments.push({
    chatId: plan.chat.id,
    messageId: msg.message_id,
    fileId: media.primary.fileId,
    fileUniqueId: media.primary.uniqueId,
    fileName: media.primary.fileName,
    sha256: media.primary.sha256,
    protectContent: plan.protect,
    at: Date.now(),
  });
}

const GROUP_KINDS = new Set(["photo", "video", "document", "audio"]);

/**
 * sendMediaGroup: every item becomes a message sharing media_group_id. The
 * album passes flood control as one unit (Telegram sends it atomically).
 */
const sendMediaGroup: Handler = async ({ w, p }) => {
  const items = p.json("media", () => Errors.badParam("can't parse media JSON object"));
  if (!Array.isArray(items)) throw Errors.badParam("parameter \"media\" is required");
  if (items.length < 2 || items.length > 10) throw Errors.badParam("wrong number of media in the album, must be 2-10");
  const prepared: Array<{ kind: FileKind; media: MediaContent; caption: ReturnType<typeof caption> }> = [];
  for (const raw of items as unknown[]) {
    const item = new Params((raw ?? {}) as Record<string, unknown>, p.uploads);
    const kind = item.str("type") ?? "";
    if (!GROUP_KINDS.has(kind)) throw Errors.badParam("can't parse InputMedia: unsupported media type");
    const cap = caption(w, item);
    const media = await inputMedia(w, item.file("media"), "media", kind as FileKind, metaOf(item));
    prepared.push({ kind: kind as FileKind, media, caption: cap });
  }
  const plan = planSend(w, p, {}, {});
  const wait = w.flood.acquire(plan.chat.id, "new", plan.paid, w.now());
  if (wait > 0) throw Errors.tooManyRequests(wait);
  const groupId = String(13_000_000_000_000_000n + BigInt(w.calls.length) * 1000n + BigInt(prepared.length));
  const out = [];
  for (const [i, it] of prepared.entries()) {
    const body = { media_group_id: groupId, ...it.media.fields, ...captionFields(it.caption) };
    if (i === 0 && plan.replyTo) Object.assign(body, { reply_to_message: plan.replyTo });
    if (plan.protect) Object.assign(body, { has_protected_content: true });
    const msg = w.deliverBotMessage(plan.chat, body);
    if (it.kind === "document") recordDocument(w, plan, msg, it.media);
    out.push(apiView(msg));
  }
  return out;
};

export const mediaMethods: HandlerTable = {
  sendDocument: sendMedia("document", "document"),
  sendPhoto: sendMedia("photo", "photo"),
  sendVideo: sendMedia("video", "video"),
  sendAudio: sendMedia("audio", "audio"),
  sendVoice: sendMedia("voice", "voice"),
  sendAnimation: sendMedia("animation", "animation"),
  sendSticker: sendMedia("sticker", "sticker"),
  sendMediaGroup,

  getFile: async ({ w, p }) => {
    const id = p.str("file_id");
    const file = id ? w.files.get(id) : undefined;
    if (!file) throw Errors.wrongFileId();
    if (w.maxDownloadBytes !== null && file.size > w.maxDownloadBytes) throw Errors.fileTooBig();
    return {
      file_id: file.fileId,
      file_unique_id: file.uniqueId,
      file_size: file.size,
      file_path: await w.files.filePath(file),
    };
  },
};
