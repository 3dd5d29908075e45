import type { Document } from "grammy/types";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { Logger } from "../logger.js";
import { downloadTelegramFile } from "./download.js";
import { importTickets, type ImportOutcome } from "./importer.js";
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
export async function importFromTelegram(
  deps: UploadDeps,
  args: { document: Pick<Document, "file_id" | "file_name" | "file_size">; waveId: number; mode: "replace" | "add"; by: number },
): Promise<UploadResult> {
  const result = await fetchAndImport(deps, args);
  deps.repos.audit.record({
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
