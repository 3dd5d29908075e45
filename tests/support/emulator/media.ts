/**
 * Media message content (document, photo sizes, video, …) for both
 * directions: bot uploads via send* and simulated users' uploads.
 */
import type { Message, PhotoSize } from "grammy/types";
import { type FileKind, guessMime, type StoredFile } from "./files.js";
import type { World } from "./world.js";

export interface MediaMeta {
  fileName?: string;
  mimeType?: string;
  duration?: number;
  width?: number;
  height?: number;
  title?: string;
  performer?: string;
  emoji?: string;
}

export interface MediaContent {
  fields: Partial<Message>;
  /** The file `download()` returns (the largest photo size for photos). */
  primary: StoredFile;
}

/** Telegram generates several sizes per photo; we keep the bytes and vary the dimensions. */
const PHOTO_SIZES: Array<[number, number, string]> = [
  [90, 90, "s"],
  [320, 320, "m"],
  [800, 800, "x"],
];

const DEFAULT_MIME: Partial<Record<FileKind, string>> = {
  video: "video/mp4",
  audio: "audio/mpeg",
  voice: "audio/ogg",
  animation: "video/mp4",
};

/** Store freshly uploaded bytes and build the message fields. */
export function storeMedia(w: World, kind: FileKind, data: Buffer, meta: MediaMeta): MediaContent {
  if (kind === "photo") {
    const sizes: PhotoSize[] = [];
    let primary: StoredFile | undefined;
    let sha: string | undefined;
    for (const [width, height, variant] of PHOTO_SIZES) {
      const f = w.files.add(data, "photo", { variant, sha256: sha });
      sha = f.sha256;
      primary = f;
      sizes.push({ file_id: f.fileId, file_unique_id: f.uniqueId, file_size: f.size, width, height });
    }
    for (const s of sizes) w.photoSets.set(s.file_id, sizes);
    return { fields: { photo: sizes }, primary: primary! };
  }
  const mimeType =
    meta.mimeType ?? guessMime(meta.fileName) ?? DEFAULT_MIME[kind] ?? (kind === "sticker" ? "image/webp" : "application/octet-stream");
  const file = w.files.add(data, kind, { fileName: meta.fileName, mimeType });
  return reuseMedia(w, kind, file, meta);
}

/** Build message fields for an already known file (sending by file_id, copies). */
export function reuseMedia(w: World, kind: FileKind, file: StoredFile, meta: MediaMeta): MediaContent {
  const base = { file_id: file.fileId, file_unique_id: file.uniqueId, file_size: file.size };
  const named = {
    ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
    ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
  };
  switch (kind) {
    case "photo": {
      const sizes = w.photoSets.get(file.fileId) ?? [{ ...base, width: 800, height: 800 }];
      return { fields: { photo: sizes }, primary: file };
    }
    case "document":
      return { fields: { document: { ...named, ...base } }, primary: file };
    case "video":
      return {
        fields: {
          video: { ...base, width: meta.width ?? 640, height: meta.height ?? 360, duration: meta.duration ?? 1, ...named },
        },
        primary: file,
      };
    case "audio":
      return {
        fields: {
          audio: {
            ...base,
            duration: meta.duration ?? 1,
            ...(meta.performer ? { performer: meta.performer } : {}),
            ...(meta.title ? { title: meta.title } : {}),
            ...named,
          },
        },
        primary: file,
      };
    case "voice":
      return {
        fields: { voice: { ...base, duration: meta.duration ?? 1, mime_type: file.mimeType ?? "audio/ogg" } },
        primary: file,
      };
    case "animation": {
      const animation = { ...base, width: meta.width ?? 320, height: meta.height ?? 240, duration: meta.duration ?? 1, ...named };
      // Telegram also fills `document` for animations, for old clients.
      return { fields: { animation, document: { ...named, ...base } }, primary: file };
    }
    case "sticker":
      return {
        fields: {
          sticker: {
            ...base,
            type: "regular",
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
            ...(meta.emoji ? { emoji: meta.emoji } : {}),
          },
        },
        primary: file,
      };
  }
}

/** Media-bearing fields a copy/forward carries over. */
export const MEDIA_FIELDS = ["document", "photo", "video", "audio", "voice", "animation", "sticker"] as const;

/** The file a message's media refers to (largest photo size). */
export function primaryFileId(m: Message): string | undefined {
  if (m.photo && m.photo.length > 0) return m.photo[m.photo.length - 1]!.file_id;
  return (m.animation ?? m.document ?? m.video ?? m.audio ?? m.voice ?? m.sticker)?.file_id;
}
