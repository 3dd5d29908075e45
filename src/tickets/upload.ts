import type { Document } from "grammy/types";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { downloadTelegramFile } from "./download.js";
import { importTickets, type ImportOutcome } from "./importer.js";
import type { EntryProblem, EntryReason } from "./inspect.js";
import { zipEntries } from "./sources.js";

export type UploadResult = ImportOutcome | { ok: false; refusal: { kind: "download"; reason: "too_big" | "failed"; size?: number } };

export interface UploadDeps {
  config: Config;
  repos: Repos;
  logger: Logger;
}

/** Is this a file we should try to read as a ZIP? Judged by name and type, confirmed by content later. */
export function looksLikeZip(document: Document): boolean {
  const name = document.file_name?.toLowerCase() ?? "";
  return name.endsWith(".zip") || /zip/.test(document.mime_type ?? "");
}

/** Download (getFile from BOT_API_ROOT) and import, as one step that returns plain data. */
export async function downloadAndImport(
  deps: UploadDeps,
  args: { document: Pick<Document, "file_id" | "file_name" | "file_size">; waveId: number; mode: "replace" | "add"; by: number },
): Promise<UploadResult> {
  const result = await fetchAndImport(deps, args);
  deps.repos.records.audit({
    actorId: args.by,
    action: args.mode === "replace" ? "upload_zip" : "upload_zip_add",
    args: args.document.file_name ?? "",
    result: auditResult(result),
  });
  return result;
}

/** What an import did, in one line of the audit log (Telegram and server imports alike). */
export function auditResult(result: UploadResult): string {
  return result.ok ? `${result.summary.imported} imported, ${result.summary.archived} archived` : `refused: ${result.refusal.kind}`;
}

async function fetchAndImport(
  deps: UploadDeps,
  args: { document: Pick<Document, "file_id" | "file_name" | "file_size">; waveId: number; mode: "replace" | "add"; by: number },
): Promise<UploadResult> {
  const maxBytes = deps.config.ZIP_MAX_TOTAL_MB * 1024 * 1024;
  const download = await downloadTelegramFile(deps.config, args.document.file_id, maxBytes);
  if (!download.ok) {
    deps.logger.warn({ reason: download.reason, detail: download.detail }, "ticket ZIP download failed");
    return { ok: false, refusal: { kind: "download", reason: download.reason, ...(args.document.file_size ? { size: args.document.file_size } : {}) } };
  }
  return importTickets(deps, {
    waveId: args.waveId,
    mode: args.mode,
    by: args.by,
    source: "telegram",
    fileName: args.document.file_name ?? "tickets.zip",
    entries: zipEntries(download.data),
  });
}

const MAX_LISTED = 30;

/** The admin's answer to an import: what was imported, or why nothing was and which entries are at fault. */
export function describeUpload(result: UploadResult, wave: WaveRow, t: Translate): string {
  if (result.ok) {
    const s = result.summary;
    const lines = [t("upload-done", { count: s.imported, wave: wave.name })];
    if (s.archived > 0) lines.push(t("upload-archived", { count: s.archived }));
    if (s.ignored.length > 0) lines.push(t("upload-ignored", { count: s.ignored.length }));
    if (s.named > 0) lines.push(t("upload-named", { count: s.named }));
    if (s.waitingFor.length > 0) lines.push(t("upload-named-waiting", { count: s.waitingFor.length, people: list(s.waitingFor) }));
    if (s.unnamedFiles.length > 0) lines.push(t("upload-unnamed-files", { count: s.unnamedFiles.length, files: list(s.unnamedFiles) }));
    lines.push(t("upload-next"));
    return lines.join("\n");
  }
  const refusal = result.refusal;
  switch (refusal.kind) {
    case "download":
      return refusal.reason === "too_big"
        ? t("upload-too-big", { size: refusal.size ? (refusal.size / 1024 / 1024).toFixed(1) : "?" })
        : t("upload-download-failed");
    case "not_an_archive":
      return t("upload-not-an-archive");
    case "too_many_entries":
      return t("upload-too-many-entries", { count: refusal.count, max: refusal.max });
    case "too_large":
      return t("upload-too-large", { size: Math.ceil(refusal.bytes / 1024 / 1024), max: Math.floor(refusal.max / 1024 / 1024) });
    case "no_tickets":
      return t("upload-no-tickets");
    case "already_imported":
      return `${t("upload-already-imported", { count: refusal.count, wave: wave.name })}\n\n${entryList(refusal.problems, t)}`;
    case "wave_not_open":
      return t("upload-wave-not-open", { wave: wave.name });
    case "bad_entries":
      return `${t("upload-refused", { count: refusal.problems.length })}\n\n${entryList(refusal.problems, t)}`;
    case "manifest": {
      const shown = refusal.problems.slice(0, MAX_LISTED).map((p) =>
        "row" in p ? `• ${t("manifest-row", { row: p.row })}: ${t(`manifest-${p.reason}`, { value: p.value })}` : `• ${t(`manifest-${p.reason}`, { value: "" })}`,
      );
      return `${t("upload-manifest-refused", { count: refusal.problems.length })}\n\n${shown.join("\n")}`;
    }
  }
}

/** "• entry — reason" lines, the first MAX_LISTED of them. */
function entryList(problems: readonly EntryProblem[], t: Translate): string {
  const shown = problems.slice(0, MAX_LISTED).map((p) => `• ${p.entry} — ${t(REASON_KEYS[p.reason], { other: p.other ?? "" })}`);
  if (problems.length > MAX_LISTED) shown.push(t("upload-more-problems", { count: problems.length - MAX_LISTED }));
  return shown.join("\n");
}

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
};

function list(items: readonly string[]): string {
  const shown = items.slice(0, 15).join(", ");
  return items.length > 15 ? `${shown}, …` : shown;
}
