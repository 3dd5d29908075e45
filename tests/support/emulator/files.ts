/**
 * Every file the emulator knows: uploads by the bot and by simulated users.
 *
 * file_id is new per upload (and reusable for sending), file_unique_id is
 * derived from the content hash, as Telegram's is stable per content. Bytes
 * stay in memory (identical content shares one Buffer); in localMode getFile
 * writes the file under a temp dir, asynchronously and only once.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Rng } from "./rng.js";

export type FileKind = "document" | "photo" | "video" | "audio" | "voice" | "animation" | "sticker";

export interface StoredFile {
  fileId: string;
  uniqueId: string;
  kind: FileKind;
  data: Buffer;
  size: number;
  sha256: string;
  fileName?: string;
  mimeType?: string;
  /** Relative file_path, assigned at the first getFile. */
  filePath?: string;
  /** Absolute path in localMode once written. */
  localPath?: Promise<string>;
}

const ID_PREFIX: Record<FileKind, string> = {
  document: "BQACAgIAAxkBAA",
  photo: "AgACAgIAAxkBAA",
  video: "BAACAgIAAxkBAA",
  audio: "CQACAgIAAxkBAA",
  voice: "AwACAgIAAxkBAA",
  animation: "CgACAgIAAxkBAA",
  sticker: "CAACAgIAAxkBAA",
};

const DIR: Record<FileKind, string> = {
  document: "documents",
  photo: "photos",
  video: "videos",
  audio: "music",
  voice: "voice",
  animation: "animations",
  sticker: "stickers",
};

const DEFAULT_EXT: Partial<Record<FileKind, string>> = {
  photo: "jpg",
  video: "mp4",
  audio: "mp3",
  voice: "oga",
  animation: "mp4",
  sticker: "webp",
};

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  html: "text/html",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  oga: "audio/ogg",
};

export function extensionOf(fileName: string | undefined): string | undefined {
  const m = fileName ? /\.([A-Za-z0-9]{1,10})$/.exec(fileName) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

export function guessMime(fileName: string | undefined): string | undefined {
  const ext = extensionOf(fileName);
  return ext ? MIME[ext] : undefined;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  /** One Buffer per distinct content. */
  private readonly blobs = new Map<string, Buffer>();
  private idCounter = 0;
  private pathCounter = 0;

  constructor(
    private readonly rng: Rng,
    private readonly localDir?: string,
  ) {}

  add(
    data: Buffer,
    kind: FileKind,
    meta: { fileName?: string; mimeType?: string; variant?: string; sha256?: string } = {},
  ): StoredFile {
    const sha256 = meta.sha256 ?? createHash("sha256").update(data).digest("hex");
    let blob = this.blobs.get(sha256);
    if (!blob) {
      blob = data;
      this.blobs.set(sha256, blob);
    }
    const file: StoredFile = {
      fileId: this.newFileId(kind),
      uniqueId: this.uniqueId(sha256, kind, meta.variant),
      kind,
      data: blob,
      size: blob.length,
      sha256,
      fileName: meta.fileName,
      mimeType: meta.mimeType,
    };
    this.byId.set(file.fileId, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  /** The file_path getFile returns: relative, or absolute in localMode (file written on first use). */
  async filePath(file: StoredFile): Promise<string> {
    if (!file.filePath) {
      const ext = extensionOf(file.fileName) ?? DEFAULT_EXT[file.kind];
      file.filePath = `${DIR[file.kind]}/file_${this.pathCounter++}${ext ? "." + ext : ""}`;
      this.byPath.set(file.filePath, file);
    }
    if (!this.localDir) return file.filePath;
    if (!file.localPath) {
      const abs = path.join(this.localDir, file.filePath);
      file.localPath = mkdir(path.dirname(abs), { recursive: true })
        .then(() => writeFile(abs, file.data))
        .then(() => abs);
    }
    return file.localPath;
  }

  private newFileId(kind: FileKind): string {
    const buf = Buffer.alloc(15);
    buf.writeUInt32BE(++this.idCounter, 0);
    for (let i = 4; i < buf.length; i++) buf[i] = Math.floor(this.rng() * 256);
    return ID_PREFIX[kind] + buf.toString("base64url");
  }

  private uniqueId(sha256: string, kind: FileKind, variant = ""): string {
    const h = createHash("sha256").update(`${sha256}:${kind}:${variant}`).digest("base64url");
    return `AgAD${h.slice(0, 12)}`;
  }
}
