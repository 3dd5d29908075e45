/**
 * Request decoding: query string, JSON, urlencoded and multipart bodies all
 * end up as one flat params record plus the uploaded file parts. Values from
 * multipart/urlencoded stay strings; `Params` coerces them on access, exactly
 * like the Bot API accepts "123" and 123 alike.
 */
import type { IncomingMessage } from "node:http";
import { ApiError, Errors } from "./errors.js";
import { boundaryOf, MultipartError, parseMultipart, type UploadedFile } from "./multipart.js";

export interface RequestData {
  params: Record<string, unknown>;
  uploads: Map<string, UploadedFile>;
}

/** Reads the whole body; beyond `maxBytes` it keeps draining (so the client sees our 413) but stores nothing. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (tooLarge) return;
      if (total > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)));
    req.on("error", reject);
  });
}

export async function decodeRequest(
  req: IncomingMessage,
  url: URL,
  limits: { maxBodyBytes: number; maxFileBytes: number },
): Promise<RequestData> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  const uploads = new Map<string, UploadedFile>();

  const body = await readBody(req, limits.maxBodyBytes);
  if (body === null) throw Errors.tooLarge();
  if (body.length === 0) return { params, uploads };

  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = boundaryOf(String(req.headers["content-type"]));
    if (!boundary) throw Errors.badParam("multipart boundary is missing");
    let data;
    try {
      data = parseMultipart(body, boundary);
    } catch (e) {
      if (e instanceof MultipartError) throw Errors.badParam(`can't parse multipart body: ${e.message}`);
      throw e;
    }
    for (const [k, v] of data.fields) params[k] = v;
    for (const [k, f] of data.files) {
      if (f.data.length > limits.maxFileBytes) throw Errors.tooLarge();
      uploads.set(k, f);
    }
  } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
  } else {
    // JSON is grammY's normal case; also accept a JSON body without a content type.
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw Errors.invalidJson();
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw Errors.invalidJson();
    Object.assign(params, parsed);
  }
  return { params, uploads };
}

/** A file parameter: either bytes uploaded in this request or a string (file_id / URL). */
export type FileParam = { upload: UploadedFile } | { ref: string };

/** Typed, coercing access to request parameters. */
export class Params {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly uploads: Map<string, UploadedFile> = new Map(),
  ) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null;
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return JSON.stringify(v);
  }

  /** Integer or undefined; malformed numbers are reported with `onBad`. */
  int(name: string, onBad?: () => ApiError): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) {
      if (onBad) throw onBad();
      throw Errors.badParam(`invalid ${name} specified`);
    }
    return n;
  }

  bool(name: string): boolean {
    const v = this.raw[name];
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    if (typeof v === "string") return v === "true" || v === "1" || v === "True";
    return false;
  }

  /** Parsed JSON value: objects pass through, strings are JSON.parse'd. Throws `onBad()` when unparsable. */
  json(name: string, onBad: () => ApiError): unknown {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") return v;
    if (v === "") return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw onBad();
    }
  }

  file(name: string): FileParam | undefined {
    const v = this.raw[name];
    if (typeof v === "string") {
      if (v.startsWith("attach://")) {
        const upload = this.uploads.get(v.slice("attach://".length));
        return upload ? { upload } : undefined;
      }
      return v === "" ? undefined : { ref: v };
    }
    const direct = this.uploads.get(name);
    return direct ? { upload: direct } : undefined;
  }
}

/** Parameters as recorded in `calls`: JSON strings parsed, uploads summarised. */
export function recordableParams(p: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.raw)) {
    if (typeof v === "string") {
      if (v.startsWith("attach://")) {
        const f = p.uploads.get(v.slice(9));
        out[k] = f ? { fileName: f.fileName, size: f.data.length } : v;
        continue;
      }
      if ((v.startsWith("{") || v.startsWith("[")) && v.length < 1_000_000) {
        try {
          out[k] = JSON.parse(v);
          continue;
        } catch {
          // not JSON after all
        }
      }
      if (/^-?\d{1,15}$/.test(v) && (k.endsWith("_id") || ["offset", "limit", "timeout"].includes(k))) {
        out[k] = Number(v);
        continue;
      }
      if (v === "true" || v === "false") {
        out[k] = v === "true";
        continue;
      }
    }
    out[k] = v;
  }
  for (const [name, f] of p.uploads) {
    const referenced = Object.values(p.raw).some((v) => v === `attach://${name}`);
    if (!referenced) out[name] = { fileName: f.fileName, size: f.data.length };
  }
  return out;
}
