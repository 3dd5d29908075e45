import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatTime } from "../time.js";

/** Pieces are gathered into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes text pieces to a UTF-8 file as they are produced. The pipeline pulls
 * the next piece only when the file stream has room (backpressure), so a log
 * of any length never sits in memory as a whole.
 */
export async function writeTextFile(path: string, pieces: Iterable<string> | AsyncIterable<string>): Promise<void> {
  await pipeline(Readable.from(inChunks(pieces), { objectMode: false }), createWriteStream(path, { encoding: "utf8" }));
}

async function* inChunks(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = "";
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer !== "") yield buffer;
}

export interface ChatLogLine {
  at: number;
  direction: "in" | "out";
  content: string;
}

export interface ChatLogFormat {
  timeZone: string;
  /** How each direction reads, e.g. "→ user:" and "← bot:" (localized). */
  labels: Readonly<Record<ChatLogLine["direction"], string>>;
}

/**
 * Everything some viewer shows as a new line. Each one starts an indented
 * continuation line, so text a user wrote can never pass for an entry of its
 * own (a message "hi\n2026-01-01 10:00 ← bot: …" stays visibly one entry).
 */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;
/** C0 and C1 controls other than tab and the line breaks above (e.g. ESC, which a terminal would obey). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/**
 * Makes one line of a user's text safe to print: control characters become
 * their visible symbols (ESC → ␛) or U+FFFD. Everything else, including
 * right-to-left text, bidi marks and zero-width joiners inside emoji, is
 * kept as written: a bidi override can only reach the end of its own line,
 * and the time and direction come before it.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? "\u2421" : "\uFFFD";
  });
}

/** Text that must stay on one line (a name in a header): line breaks become spaces. */
export function singleLine(text: string): string {
  return text.split(LINE_BREAK).map(printable).join(" ");
}

/**
 * The chat log's line format: "2026-11-24 23:01 → user: text", with the
 * direction labels padded to one width and every further line of a
 * multi-line message indented under the first one's text.
 */
export function chatLineFormatter(format: ChatLogFormat): (line: ChatLogLine) => string {
  const width = Math.max(length(format.labels.in), length(format.labels.out));
  const labels = { in: pad(format.labels.in, width), out: pad(format.labels.out, width) };
  return (line) => {
    const prefix = `${formatTime(line.at, format.timeZone)} ${labels[line.direction]} `;
    const indent = " ".repeat(length(prefix));
    const [first = "", ...rest] = line.content.split(LINE_BREAK).map(printable);
    const lines = [first === "" ? prefix.trimEnd() : prefix + first, ...rest.map((part) => (part === "" ? "" : indent + part))];
    return `${lines.join("\n")}\n`;
  };
}

/** Length in code points, which is what a monospaced viewer shows for these labels. */
function length(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(width - length(text));
}
