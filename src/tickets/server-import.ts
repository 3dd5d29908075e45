import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { WaveRow } from "../db/repos/waves.js";
import type { Logger } from "../logger.js";
import { importTickets, type ImportOutcome } from "./importer.js";
import { folderEntries, zipEntries } from "./sources.js";
import { auditResult } from "./upload.js";

/**
 * `npm run import -- <file.zip|folder> [--add]`: the operator loads tickets on
 * the server, beyond the Bot API's 20 MB download limit, through the same
 * importTickets as /upload_zip. The audit log and ticket_imports name actor 0:
 * the server, not a Telegram user.
 */
export const SERVER_ACTOR = 0;

export interface ServerImportArgs {
  path: string;
  /** replace: like /upload_zip (the wave's unassigned tickets are archived first); add: like /upload_zip_add. */
  mode: "replace" | "add";
}

export type ServerImportResult =
  /** importTickets ran: its outcome, imported or refused. */
  | { kind: "done"; wave: WaveRow; fileName: string; outcome: ImportOutcome }
  | { kind: "no_wave" }
  | { kind: "sending"; wave: WaveRow }
  | { kind: "not_found"; path: string };

export type ParsedArgs = { ok: true; args: ServerImportArgs } | { ok: false };

/** "<file.zip|folder> [--add]", in any order; anything else is a usage error. */
export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  const flags = argv.filter((a) => a.startsWith("--"));
  const paths = argv.filter((a) => !a.startsWith("--"));
  if (paths.length !== 1 || flags.some((f) => f !== "--add")) return { ok: false };
  return { ok: true, args: { path: paths[0]!, mode: flags.includes("--add") ? "add" : "replace" } };
}

export async function importFromServer(
  deps: { config: Config; repos: Repos; logger: Logger },
  args: ServerImportArgs,
): Promise<ServerImportResult> {
  const { config, repos } = deps;
  const path = resolve(args.path);
  let isFolder: boolean;
  let size: number;
  try {
    const stat = statSync(path);
    isFolder = stat.isDirectory();
    size = stat.size;
  } catch {
    return { kind: "not_found", path };
  }
  const wave = repos.waves.active();
  if (!wave) return { kind: "no_wave" };
  if (wave.status === "sending") return { kind: "sending", wave };

  const fileName = basename(path);
  const maxBytes = config.ZIP_MAX_TOTAL_MB * 1024 * 1024;
  let outcome: ImportOutcome;
  if (!isFolder && size > maxBytes) {
    // adm-zip holds the whole archive in memory: an archive bigger than what
    // it may unpack to is refused before it is read.
    outcome = { ok: false, refusal: { kind: "too_large", bytes: size, max: maxBytes } };
  } else {
    outcome = await importTickets(deps, {
      waveId: wave.id,
      mode: args.mode,
      by: SERVER_ACTOR,
      source: "server",
      fileName,
      entries: isFolder ? folderEntries(path) : zipEntries(readFileSync(path)),
    });
  }
  repos.audit.record({
    actorId: SERVER_ACTOR,
    action: args.mode === "replace" ? "server_import" : "server_import_add",
    args: path,
    result: auditResult(outcome),
  });
  return { kind: "done", wave, fileName, outcome };
}

export const succeeded = (result: ServerImportResult): boolean => result.kind === "done" && result.outcome.ok;
