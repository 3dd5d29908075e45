import { createHash } from "node:crypto";
import { cleanName, graphemes, MAX_ENTRY_NAME } from "./names.js";

/**
 * One file offered for import, from a ZIP or a folder. Sizes are what the
 * source declares; `read` is called only after every declared size passed the
 * limits, so a zip bomb is refused before anything is decompressed.
 */
export interface SourceEntry {
  /** The raw name as stored in the archive (may be hostile: never a path to use). */
  name: string;
  isDirectory: boolean;
  size: number;
  /** Compressed size, for the ratio check; equals size for plain files. */
  compressedSize: number;
  encrypted: boolean;
  read(): Buffer;
}

export interface ImportLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for entries over 1 MiB. */
  maxRatio: number;
}

export type EntryReason =
  | "absolute_path"
  | "path_traversal"
  | "not_pdf"
  | "empty"
  | "duplicate_in_zip"
  | "duplicate_earlier"
  | "suspicious_ratio"
  | "encrypted"
  | "unreadable"
  | "name_too_long";

export interface EntryProblem {
  entry: string;
  reason: EntryReason;
  /** For duplicates: the other entry, or the wave it was imported in. */
  other?: string;
}

export type Refusal =
  | { kind: "not_an_archive" }
  | { kind: "too_many_entries"; count: number; max: number }
  | { kind: "too_large"; bytes: number; max: number }
  | { kind: "no_tickets" }
  | { kind: "bad_entries"; problems: EntryProblem[] };

export interface TicketFile {
  /** The entry's whole path, made safe to show (control and bidi characters removed; never cut). */
  path: string;
  size: number;
  sha256: string;
  /**
   * The content again, read from the source when it is written: holding every
   * decompressed PDF from inspection to the end would double the peak memory
   * of a large import.
   */
  read(): Buffer;
}

export interface Inspection {
  tickets: TicketFile[];
  /** Entries ignored on purpose: folders, __MACOSX/, dotfiles. */
  ignored: string[];
  /** manifest.csv / manifest.xlsx at the top level, for named tickets. */
  manifest?: { name: string; data: Buffer };
}

export type InspectResult = { ok: true; inspection: Inspection } | { ok: false; refusal: Refusal };

const PDF_MAGIC = Buffer.from("%PDF-");
const RATIO_CHECK_FROM = 1024 * 1024;
const MANIFEST = /^manifest\.(csv|xlsx)$/i;

/**
 * Every check of SPEC §7, all-or-nothing: the result is either a complete
 * list of tickets to import or the reason nothing may be imported, naming
 * each bad entry. `seenBefore` answers whether content was imported earlier
 * (and where).
 */
export async function inspectEntries(
  entries: readonly SourceEntry[],
  limits: ImportLimits,
  seenBefore: (sha256: string) => string | undefined,
): Promise<InspectResult> {
  const files = entries.filter((e) => !e.isDirectory);
  if (files.length > limits.maxEntries) return { ok: false, refusal: { kind: "too_many_entries", count: files.length, max: limits.maxEntries } };
  const declared = files.reduce((sum, e) => sum + Math.max(0, e.size), 0);
  if (declared > limits.maxTotalBytes) return { ok: false, refusal: { kind: "too_large", bytes: declared, max: limits.maxTotalBytes } };

  const problems: EntryProblem[] = [];
  const tickets: TicketFile[] = [];
  const ignored: string[] = [];
  const bySha = new Map<string, string>();
  let manifest: Inspection["manifest"];

  for (const [index, entry] of entries.entries()) {
    // Hashing thousands of files is CPU work: let other updates through now and then.
    if (index % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    const display = cleanName(entry.name);
    const path = entry.name.replace(/\\/g, "/");
    if (entry.isDirectory) {
      ignored.push(display);
      continue;
    }
    if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
      problems.push({ entry: display, reason: "absolute_path" });
      continue;
    }
    const segments = path.split("/");
    if (segments.some((s) => s === "..")) {
      problems.push({ entry: display, reason: "path_traversal" });
      continue;
    }
    if (segments[0] === "__MACOSX" || segments.some((s) => s.startsWith(".")) || segments[segments.length - 1] === "") {
      ignored.push(display);
      continue;
    }
    // At the top, or in the single folder a "compress folder" ZIP wraps everything in.
    if (segments.length <= 2 && MANIFEST.test(segments[segments.length - 1]!)) {
      manifest = { name: path, data: entry.read() };
      continue;
    }
    if (display.length > MAX_ENTRY_NAME && graphemes(display).length > MAX_ENTRY_NAME) {
      problems.push({ entry: display, reason: "name_too_long" });
      continue;
    }
    if (entry.encrypted) {
      problems.push({ entry: display, reason: "encrypted" });
      continue;
    }
    if (entry.size >= RATIO_CHECK_FROM && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      problems.push({ entry: display, reason: "suspicious_ratio" });
      continue;
    }
    let data: Buffer;
    try {
      data = entry.read();
    } catch {
      problems.push({ entry: display, reason: "unreadable" });
      continue;
    }
    if (data.length !== entry.size) {
      problems.push({ entry: display, reason: "unreadable" });
      continue;
    }
    if (data.length === 0) {
      problems.push({ entry: display, reason: "empty" });
      continue;
    }
    if (!data.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
      problems.push({ entry: display, reason: "not_pdf" });
      continue;
    }
    const sha256 = createHash("sha256").update(data).digest("hex");
    const twin = bySha.get(sha256);
    if (twin !== undefined) {
      problems.push({ entry: display, reason: "duplicate_in_zip", other: twin });
      continue;
    }
    const earlier = seenBefore(sha256);
    if (earlier !== undefined) {
      problems.push({ entry: display, reason: "duplicate_earlier", other: earlier });
      continue;
    }
    bySha.set(sha256, display);
    tickets.push({ path: cleanName(path), size: data.length, sha256, read: entry.read });
  }
  if (problems.length > 0) return { ok: false, refusal: { kind: "bad_entries", problems } };
  if (tickets.length === 0) return { ok: false, refusal: { kind: "no_tickets" } };
  return { ok: true, inspection: { tickets, ignored, ...(manifest ? { manifest } : {}) } };
}
