import { randomBytes } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { HttpError, InputFile, type Transformer } from "grammy";

/**
 * A file whose bytes are already in memory, which `directCall` sends in the
 * request's one write. Anything else grammY accepts (a path, a stream) goes
 * through grammY's own streaming upload.
 */
export class BufferFile extends InputFile {
  constructor(
    readonly bytes: Buffer,
    filename: string,
  ) {
    super(bytes, filename);
  }
}

/** A ticket up to this size is read into memory and sent as a BufferFile: memory per send in flight stays bounded. */
export const BUFFER_FILE_MAX_BYTES = 64 * 1024;

/**
 * The delivery engine's Bot API calls, without grammY's request machinery
 * underneath (the innermost transformer: every other one still applies). At
 * Telegram's paid ceiling node-fetch, the abort-controller polyfill and the
 * chunked streaming of every multipart upload were most of the bot's CPU per
 * delivery. Here a call is one request written at once with a
 * Content-Length — JSON, or multipart built in memory when its files are
 * BufferFiles — over a kept-alive connection, and the answer is read whole.
 * It writes what grammY writes (same JSON, same multipart parts), fails the
 * way grammY does (HttpError on a network failure, a timeout or an abort),
 * and never puts the URL, so never the token, into an error.
 */
export function directCall(options: { token: string; apiRoot: string; timeoutSeconds: number }): Transformer {
  const secure = options.apiRoot.startsWith("https:");
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const base = `${options.apiRoot}/bot${options.token}/`;
  return async (prev, method, payload, signal) => {
    const body = requestBody(payload as Record<string, unknown> | undefined);
    if (!body) return prev(method, payload, signal);
    try {
      return (await post(new URL(base + method), body, signal as AbortSignal | undefined)) as Awaited<ReturnType<typeof prev>>;
    } catch (error) {
      throw new HttpError(`Network request for '${method}' failed!`, error);
    }
  };

  function post(url: URL, body: { type: string; bytes: Buffer }, signal: AbortSignal | undefined): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error("the request was aborted"));
      const req = send(url, { method: "POST", agent, headers: { "content-type": body.type, "content-length": body.bytes.length, connection: "keep-alive" } });
      const fail = (error: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      };
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutSeconds} s`)), options.timeoutSeconds * 1000);
      const onAbort = () => req.destroy(new Error("the request was aborted"));
      signal?.addEventListener("abort", onAbort);
      req.once("error", fail);
      req.once("response", (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", fail);
        res.once("end", () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          try {
            resolve(JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8")));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
      req.end(body.bytes);
    });
  }
}

/**
 * Multipart boundaries: a random prefix per process and a counter. A boundary
 * must only never occur in the parts; 20 random characters make that as
 * unlikely as grammY's (which uses Math.random) without a random draw per
 * request.
 */
const BOUNDARY_PREFIX = randomBytes(10).toString("hex");
let requests = 0;

/** JSON without nulls, as grammY writes it. */
const json = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => v ?? undefined);

/**
 * The request body: JSON when there is no file, multipart when every file is
 * a BufferFile at the top level (a ticket's document), undefined for the rest
 * (left to grammY).
 */
function requestBody(payload: Record<string, unknown> | undefined): { type: string; bytes: Buffer } | undefined {
  const entries = Object.entries(payload ?? {});
  const files = entries.filter((entry): entry is [string, BufferFile] => entry[1] instanceof BufferFile);
  const nested = entries.some(([, value]) => typeof value === "object" && value !== null && !(value instanceof BufferFile) && hasInputFile(value));
  if (nested) return undefined;
  if (files.length === 0) return { type: "application/json", bytes: Buffer.from(json(payload ?? {}), "utf8") };
  const boundary = `----------${BOUNDARY_PREFIX}${(++requests).toString(36)}`;
  const ids = new Map(files.map(([key], i) => [key, `${key}${requests.toString(36)}f${i}`]));
  const parts: Buffer[] = [];
  const text = (value: string) => parts.push(Buffer.from(value, "utf8"));
  let first = true;
  for (const [key, value] of entries) {
    if (value === null || value === undefined) continue;
    text(`${first ? "" : "\r\n"}--${boundary}\r\ncontent-disposition:form-data;name="${key}"\r\n\r\n`);
    text(value instanceof BufferFile ? `attach://${ids.get(key)}` : typeof value === "object" ? json(value) : String(value as string | number | boolean));
    first = false;
  }
  for (const [key, file] of files) {
    if (/[\r\n]/.test(file.filename ?? "")) return undefined; // grammY refuses it with its own message
    text(`${first ? "" : "\r\n"}--${boundary}\r\ncontent-disposition:form-data;name="${ids.get(key)}";filename=${file.filename ?? `${key}.dat`}\r\ncontent-type:application/octet-stream\r\n\r\n`);
    parts.push(file.bytes);
    first = false;
  }
  text(`\r\n--${boundary}--\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(parts) };
}

function hasInputFile(value: unknown): boolean {
  if (value instanceof InputFile) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(hasInputFile);
}
