import type { Migration } from "./index.js";

/** The English markers the chat log stored before this migration, by the kind they stood for. */
const LEGACY_MARKERS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: "document", pattern: /^\[document: (.*?)\](?: ([\s\S]*))?$/ },
  { kind: "photo", pattern: /^\[photo\]()(?: ([\s\S]*))?$/ },
  { kind: "video", pattern: /^\[video: (.*?)\](?: ([\s\S]*))?$/ },
  { kind: "animation", pattern: /^\[animation\]()(?: ([\s\S]*))?$/ },
  { kind: "audio", pattern: /^\[audio: (.*?)\](?: ([\s\S]*))?$/ },
  { kind: "voice", pattern: /^\[voice message\]()(?: ([\s\S]*))?$/ },
  { kind: "video_note", pattern: /^\[video message\]()()$/ },
  { kind: "sticker", pattern: /^\[sticker ?(.*?)\]()$/ },
  { kind: "contact", pattern: /^\[contact: (.*?)\]()$/ },
  { kind: "location", pattern: /^\[location\]()()$/ },
  { kind: "poll", pattern: /^\[poll: ([\s\S]*)\]()$/ },
  { kind: "button", pattern: /^\[button: ([\s\S]*)\]()$/ },
  { kind: "other", pattern: /^\[(?:message|edit)\]()()$/ },
];

/** Splits an old line ("[edited] [document: a.pdf] caption") into its kind, detail and text. */
function parseLegacy(kind: string, content: string): { kind: string; detail: string | null; content: string } {
  const editMark = /^(edited|edit)_/.test(kind) && content.startsWith("[edited] ");
  const rest = editMark ? content.slice("[edited] ".length) : content;
  // A person's own text that happens to start with "[" is not a marker.
  if (/^(?:(?:edited|edit)_)?(?:text|command)$/.test(kind)) return { kind, detail: null, content: rest };
  for (const marker of LEGACY_MARKERS) {
    const match = marker.pattern.exec(rest);
    if (!match) continue;
    const base = marker.kind;
    const newKind = kind === "copy" || kind === "forward" ? `${kind}_${base}` : kind === "edit" && base === "other" ? "edit" : kind;
    return { kind: newKind, detail: match[1] ? match[1] : null, content: match[2] ?? "" };
  }
  return { kind: kind === "copy" || kind === "forward" ? `${kind}_text` : kind, detail: null, content: rest };
}

/**
 * The language issue: the chat log keeps its markers as a kind and a detail
 * ("document", "plan.pdf") instead of English words, so the export can show
 * them in the reader's language; broadcast summaries keep only the admin's
 * text; every agreement version is remembered with the day it first
 * appeared, so reports can say "ru-3f2a… of 12.11.2026".
 */
export const language: Migration = {
  version: 6,
  name: "language",
  up(db) {
    db.exec(`
      ALTER TABLE chat_log ADD COLUMN detail TEXT;

      CREATE TABLE agreement_versions (
        version       TEXT PRIMARY KEY,
        first_seen_at INTEGER NOT NULL
      );
      INSERT INTO agreement_versions (version, first_seen_at)
        SELECT agreement_version, MIN(consent_at) FROM users
        WHERE agreement_version IS NOT NULL AND consent_at IS NOT NULL
        GROUP BY agreement_version;
    `);
    const rows = db.prepare<[], { id: number; kind: string; content: string }>(`SELECT id, kind, content FROM chat_log WHERE content LIKE '[%' OR kind IN ('copy', 'forward')`);
    const update = db.prepare<{ id: number; kind: string; detail: string | null; content: string }>(
      `UPDATE chat_log SET kind = @kind, detail = @detail, content = @content WHERE id = @id`,
    );
    for (const row of rows.all()) update.run({ id: row.id, ...parseLegacy(row.kind, row.content) });

    const summaries = db.prepare<[], { id: number; summary: string }>(`SELECT id, summary FROM broadcasts WHERE summary LIKE '[%'`);
    const setSummary = db.prepare<{ id: number; summary: string }>(`UPDATE broadcasts SET summary = @summary WHERE id = @id`);
    for (const row of summaries.all()) setSummary.run({ id: row.id, summary: parseLegacy("text", row.summary).content });
  },
};
