import { mkdirSync } from "node:fs";
import { pino, type Logger } from "pino";
import { createStream } from "rotating-file-stream";

export type { Logger };

/** Anything shaped like a bot token, also inside URLs (`/bot123:abc/...`). */
const TOKEN_SHAPE = /\d{3,}:[A-Za-z0-9_-]{30,}/g;

/**
 * Removes the token from any text. grammY's HttpError wraps node-fetch's
 * FetchError, whose message holds the full request URL with the token, and
 * pino walks nested errors; scrubbing the final line is the only place that
 * sees all of them.
 */
export function scrubSecrets(text: string, token?: string): string {
  let out = token ? text.split(token).join("[REDACTED]") : text;
  out = out.replace(TOKEN_SHAPE, "[REDACTED]");
  return out;
}

export interface LoggerOptions {
  level: string;
  folder: string;
  token: string;
  maxSizeMb: number;
  maxFiles: number;
  /** Also write to stdout (the operator's terminal / journald). */
  stdout?: boolean;
}

/** pino to stdout, `bot.log` and `bot_errors.log` (errors only), rotated by size. */
export function createLogger(options: LoggerOptions): Logger {
  mkdirSync(options.folder, { recursive: true });
  const rotated = (name: string) =>
    createStream(name, { path: options.folder, size: `${options.maxSizeMb}M`, rotate: options.maxFiles });
  const streams: pino.StreamEntry[] = [
    { level: "trace", stream: rotated("bot.log") },
    { level: "error", stream: rotated("bot_errors.log") },
  ];
  if (options.stdout !== false) streams.push({ level: "trace", stream: process.stdout });
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
      hooks: { streamWrite: (line) => scrubSecrets(line, options.token) },
    },
    pino.multistream(streams, { dedupe: false }),
  );
}

/** Fields of an API call's payload that identify it without saying anything about anyone. */
const PAYLOAD_IDS = ["chat_id", "message_id", "from_chat_id", "user_id", "callback_query_id", "file_id"] as const;

/**
 * pino's error serializer, minus what an API call was sending: GrammyError
 * carries the whole payload (message texts that greet people by name, copies
 * of what they wrote). Logs keep ids only, so a person erased by /delete_user
 * is not still in the log files.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (typeof serialized !== "object" || serialized === null) return serialized;
  const record = serialized as Record<string, unknown>;
  const payload = record.payload;
  if (typeof payload === "object" && payload !== null) {
    const ids: Record<string, unknown> = {};
    for (const key of PAYLOAD_IDS) if (key in payload) ids[key] = (payload as Record<string, unknown>)[key];
    record.payload = ids;
  }
  return record;
}
