/**
 * Ticket file names, from a ZIP entry to what people see. A name is kept
 * whole where it is matched (manifests) and stored (the database); it is
 * shortened only where a limit demands it, and then on whole characters
 * (grapheme clusters: an emoji or a letter with its accent is never split):
 * - in messages, the file's own base name survives and the folder part is
 *   shortened first;
 * - the document a participant receives is named by its base name, ".pdf"
 *   kept;
 * - on disk a name is bounded in bytes, whatever the script (ext4 allows 255
 *   bytes, and a Chinese character takes three).
 */

/** Longest entry name accepted in an import; a longer one is refused by name. */
export const MAX_ENTRY_NAME = 1024;
/** Longest name shown in a message line. */
export const SHOWN_NAME = 120;
/** Longest file name a participant receives, in characters. */
const SENT_NAME = 120;
/** The stem of a stored file name: characters, and UTF-8 bytes (the stored name adds a 13-byte prefix and ".pdf"). */
const STORED_STEM_CHARS = 80;
const STORED_STEM_BYTES = 200;
const ELLIPSIS = "…";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The characters of a text as a person counts them. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The first `count` characters, and whether the text has more (segments no further than needed). */
function leading(text: string, count: number): { chars: string[]; more: boolean } {
  const chars: string[] = [];
  if (count <= 0) return { chars, more: text.length > 0 };
  for (const { segment } of segmenter.segment(text)) {
    if (chars.length === count) return { chars, more: true };
    chars.push(segment);
  }
  return { chars, more: false };
}

/** How many characters, counting no further than `atMost + 1`. */
function countUpTo(text: string, atMost: number): number {
  return text.length <= atMost ? text.length : leading(text, atMost + 1).chars.length;
}

/** At most `max` characters, cut on a whole character, with "…" when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = leading(text, max);
  if (!head.more) return text;
  return `${head.chars.slice(0, Math.max(0, max - 1)).join("")}${ELLIPSIS}`;
}

/** At most `maxBytes` of UTF-8, cut on a whole character (no ellipsis: for file names). */
export function cutBytes(text: string, maxBytes: number): string {
  let out = "";
  let bytes = 0;
  for (const { segment: char } of segmenter.segment(text)) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * An entry's name fit to store and show: no control characters, no bidi
 * overrides or isolates (they can make "invoice\u202Efdp.exe" read as
 * "invoiceexe.pdf"), not cut. Joiners stay: emoji and some scripts need them.
 */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g, "").trim();
  return clean === "" ? "(unnamed)" : clean;
}

export const baseName = (path: string): string => path.split("/").pop() || path;

/**
 * A path for a message line: whole when it fits; otherwise the folders are
 * shortened first ("…/Иванова Анна.pdf"), and only a base name that alone is
 * too long is cut, keeping its extension ("Очень-длинн….pdf").
 */
export function shownName(path: string, max = SHOWN_NAME): string {
  if (countUpTo(path, max) <= max) return path;
  const base = baseName(path);
  const baseLength = countUpTo(base, max);
  if (baseLength + 2 > max) return keepExtension(base, max);
  const folder = leading(path.slice(0, path.length - base.length), max - baseLength - 2).chars;
  return `${folder.join("")}…/${base}`;
}

/** The name the participant's document carries: its own base name, ".pdf" kept. */
export function sentFileName(path: string): string {
  return keepExtension(baseName(path), SENT_NAME);
}

function keepExtension(name: string, max: number): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 8 ? name.slice(dot) : "";
  const stem = extension ? name.slice(0, dot) : name;
  return `${cutText(stem, Math.max(2, max - extension.length))}${extension}`;
}

/**
 * A file name safe on any file system: letters, digits, dot, dash, underscore,
 * ending in .pdf, its stem at most 80 characters and 200 bytes of UTF-8.
 */
export function safeFileName(base: string): string {
  const stem = base
    .replace(/\.pdf$/i, "")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "_")
    .replace(/^[._]+/, "");
  const bounded = cutBytes(leading(stem, STORED_STEM_CHARS).chars.join(""), STORED_STEM_BYTES);
  return `${bounded === "" ? "ticket" : bounded}.pdf`;
}
