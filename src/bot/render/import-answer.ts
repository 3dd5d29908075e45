import type { WaveRow } from "../../db/repos/waves.js";
import type { Translate } from "../../i18n.js";
import { clampText, fitList, MAX_TEXT } from "../../telegram/limits.js";
import type { ImportSummary } from "../../tickets/importer.js";
import type { EntryProblem, EntryReason } from "../../tickets/inspect.js";
import type { ManifestProblem } from "../../tickets/manifest.js";
import { shownName } from "../../tickets/names.js";
import type { UploadResult } from "../../tickets/upload.js";

/** What an import answers: a message that fits Telegram, and the whole list as a file when it did not. */
export interface ImportAnswer {
  text: string;
  /** Every line of the list the message had to shorten, for a .txt file. */
  fullList?: string[];
}

/** Names listed inline in a successful import's answer before "… and N more". */
const INLINE_NAMES = 10;

/** The admin's answer to an import: what was imported, or why nothing was and which entries are at fault. */
export function describeUpload(result: UploadResult, wave: WaveRow, t: Translate): ImportAnswer {
  if (result.ok) return describeImported(result.summary, wave, t);
  const refusal = result.refusal;
  switch (refusal.kind) {
    case "download":
      return {
        text:
          refusal.reason === "too_big"
            ? t("upload-too-big", { size: refusal.size ? Math.round((refusal.size / 1024 / 1024) * 10) / 10 : "?" })
            : t("upload-download-failed"),
      };
    case "not_an_archive":
      return { text: t("upload-not-an-archive") };
    case "too_many_entries":
      return { text: t("upload-too-many-entries", { count: refusal.count, max: refusal.max }) };
    case "too_large":
      return { text: t("upload-too-large", { size: Math.ceil(refusal.bytes / 1024 / 1024), max: Math.floor(refusal.max / 1024 / 1024) }) };
    case "no_tickets":
      return { text: t("upload-no-tickets") };
    case "wave_not_open":
      return { text: t("upload-wave-not-open", { wave: wave.name }) };
    case "already_imported":
      return problemList(t("upload-already-imported", { count: refusal.count, wave: wave.name }), refusal.problems, entryLine(t), t);
    case "bad_entries":
      return problemList(t("upload-refused", { count: refusal.problems.length }), refusal.problems, entryLine(t), t);
    case "manifest":
      return problemList(t("upload-manifest-refused", { count: refusal.problems.length }), refusal.problems, manifestLine(t), t);
  }
}

function describeImported(s: ImportSummary, wave: WaveRow, t: Translate): ImportAnswer {
  const lines = [t("upload-done", { count: s.imported, wave: wave.name })];
  if (s.archived > 0) lines.push(t("upload-archived", { count: s.archived }));
  if (s.ignored.length > 0) lines.push(t("upload-ignored", { count: s.ignored.length }));
  if (s.named > 0) lines.push(t("upload-named", { count: s.named }));
  const fullList: string[] = [];
  if (s.waitingFor.length > 0) {
    lines.push(t("upload-named-waiting", { count: s.waitingFor.length, people: inline(s.waitingFor, (x) => x, t) }));
    fullList.push(t("upload-named-waiting", { count: s.waitingFor.length, people: "" }), ...s.waitingFor.map((p) => `• ${p}`), "");
  }
  if (s.unnamedFiles.length > 0) {
    lines.push(t("upload-unnamed-files", { count: s.unnamedFiles.length, files: inline(s.unnamedFiles, (f) => shownName(f), t) }));
    fullList.push(t("upload-unnamed-files", { count: s.unnamedFiles.length, files: "" }), ...s.unnamedFiles.map((f) => `• ${f}`));
  }
  lines.push(t("upload-next"));
  const cut = s.waitingFor.length > INLINE_NAMES || s.unnamedFiles.length > INLINE_NAMES;
  return { text: clampText(lines.join("\n"), MAX_TEXT), ...(cut ? { fullList } : {}) };
}

/** "a, b, c … and N more" (the first INLINE_NAMES). */
function inline(items: readonly string[], show: (item: string) => string, t: Translate): string {
  const shown = items.slice(0, INLINE_NAMES).map(show).join(", ");
  return items.length > INLINE_NAMES ? `${shown} ${t("list-and-more", { count: items.length - INLINE_NAMES })}` : shown;
}

/** The head, then one line per problem as many as fit; all of them (names uncut) in the file when some did not. */
function problemList<P>(head: string, problems: readonly P[], line: (p: P, full: boolean) => string, t: Translate): ImportAnswer {
  // Only what can fit is rendered for the message (a refusal may list 10 000 entries).
  const shown: string[] = [];
  for (let i = 0, length = head.length; i < problems.length && length <= MAX_TEXT; i++) {
    shown.push(line(problems[i]!, false));
    length += shown[i]!.length + 1;
  }
  const fitted = fitList({ head, lines: shown, total: problems.length, more: (count) => t("list-and-more", { count }) });
  return fitted.omitted > 0 ? { text: fitted.text, fullList: [head, "", ...problems.map((p) => line(p, true))] } : { text: fitted.text };
}

/** "• entry — reason", the entry shortened for a message (folders first) or whole for the file. */
const entryLine =
  (t: Translate) =>
  (p: EntryProblem, full: boolean): string =>
    `• ${full ? p.entry : shownName(p.entry)} — ${t(REASON_KEYS[p.reason], { other: full || !p.other ? (p.other ?? "") : shownName(p.other) })}`;

const manifestLine =
  (t: Translate) =>
  (p: ManifestProblem): string =>
    "row" in p ? `• ${t("manifest-row", { row: p.row })}: ${t(`manifest-${p.reason}`, { value: p.value })}` : `• ${t(`manifest-${p.reason}`, { value: "" })}`;

const REASON_KEYS: Record<EntryReason, string> = {
  absolute_path: "zip-absolute_path",
  path_traversal: "zip-path_traversal",
  not_pdf: "zip-not_pdf",
  empty: "zip-empty",
  duplicate_in_zip: "zip-duplicate_in_zip",
  duplicate_earlier: "zip-duplicate_earlier",
  suspicious_ratio: "zip-suspicious_ratio",
  encrypted: "zip-encrypted",
  unreadable: "zip-unreadable",
  name_too_long: "zip-name_too_long",
};
