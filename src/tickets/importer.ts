import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { NewTicket } from "../db/repos/tickets.js";
import { failpoint } from "../failpoints.js";
import type { Logger } from "../logger.js";
import { inspectEntries, type EntryProblem, type Refusal, type SourceEntry } from "./inspect.js";
import { baseName, safeFileName } from "./names.js";
import { NOBODY, readManifest, type ManifestProblem } from "./manifest.js";
import { moveArchivedFiles, storedName, waveFolder } from "./storage.js";

export interface ImportDeps {
  config: Config;
  repos: Repos;
  logger: Logger;
}

export interface ImportRequest {
  waveId: number;
  /** replace: the wave's unassigned tickets are archived first (/upload_zip); add: kept (/upload_zip_add). */
  mode: "replace" | "add";
  by: number;
  source: "telegram" | "server";
  fileName: string;
  /** The archive's entries, or undefined when the file is not a readable archive. */
  entries: readonly SourceEntry[] | undefined;
}

export interface ImportSummary {
  imported: number;
  archived: number;
  ignored: string[];
  named: number;
  /** Manifest rows naming a person not registered (yet): they get the ticket when they register. */
  waitingFor: string[];
  /** PDFs the manifest does not mention: they go to nobody by name. */
  unnamedFiles: string[];
}

export type ImportOutcome =
  | { ok: true; summary: ImportSummary }
  | { ok: false; refusal: Refusal | { kind: "manifest"; problems: ManifestProblem[] } | { kind: "already_imported"; count: number; problems: EntryProblem[] } | { kind: "wave_not_open" } };

class WaveNotOpenError extends Error {
  constructor(readonly waveId: number) {
    super(`wave ${waveId} is not open for an import`);
    this.name = "WaveNotOpenError";
  }
}

/**
 * One import, atomically: in replace mode the wave's unassigned tickets
 * become archived, and the new ones available. A ticket's path is relative
 * to the tickets folder while in play and to the archive folder once
 * archived; files are written before this transaction and moved after it,
 * and start-up reconciliation settles a crash in between.
 */
function recordImport(
  repos: Repos,
  args: { waveId: number; by: number; source: string; fileName: string; mode: "replace" | "add"; tickets: readonly NewTicket[] },
): { archived: number } {
  return repos.transaction(() => {
    // Checked again inside the transaction: a delivery may have started
    // (or the wave ended) while the files were being checked and written.
    const status = repos.waves.byId(args.waveId)?.status;
    if (status !== "open" && status !== "confirmed") throw new WaveNotOpenError(args.waveId);
    const archived = args.mode === "replace" ? repos.tickets.archiveAvailable(args.waveId) : 0;
    repos.tickets.insertImport({ ...args, archived });
    // A changed wave has to be looked at again before sending.
    repos.waves.transition(args.waveId, "confirmed", "open");
    return { archived };
  });
}

/**
 * The one import path for /upload_zip, /upload_zip_add and `npm run import`:
 * inspect everything, then write the files, then record them in one
 * transaction. Any problem means nothing is imported; a crash leaves at most
 * unreferenced files, which start-up reconciliation removes.
 */
export async function importTickets(deps: ImportDeps, request: ImportRequest): Promise<ImportOutcome> {
  const { config, repos, logger } = deps;
  if (!request.entries) return { ok: false, refusal: { kind: "not_an_archive" } };
  let pdfs = 0;
  let inThisWave = 0;
  const inspected = await inspectEntries(
    request.entries,
    { maxEntries: config.ZIP_MAX_ENTRIES, maxTotalBytes: config.ZIP_MAX_TOTAL_MB * 1024 * 1024, maxRatio: config.ZIP_MAX_RATIO },
    (sha) => {
      pdfs++;
      const earlier = repos.tickets.findBySha(sha);
      if (earlier?.wave_id === request.waveId) inThisWave++;
      return earlier ? `${earlier.file_name} (#${earlier.wave_id})` : undefined;
    },
  );
  if (!inspected.ok) {
    // Every PDF is already a ticket of this very wave: the same ZIP again —
    // sent twice, or an upload handled again after a crash right after its
    // import committed. That is no list of faults to fix.
    const refusal = inspected.refusal;
    const again = refusal.kind === "bad_entries" && pdfs > 0 && inThisWave === pdfs && refusal.problems.length === pdfs;
    return again ? { ok: false, refusal: { kind: "already_imported", count: pdfs, problems: refusal.problems } } : inspected;
  }
  const { tickets, ignored, manifest } = inspected.inspection;

  const names = manifest ? await readManifest(manifest, tickets.map((t) => t.path)) : undefined;
  if (names && !names.ok) return { ok: false, refusal: { kind: "manifest", problems: names.problems } };
  const owners = names?.ok ? names.owners : new Map<string, { key: string; shown: string }>();

  const folder = waveFolder(request.waveId);
  mkdirSync(join(config.paths.tickets, folder), { recursive: true });
  const rows: NewTicket[] = [];
  const written: string[] = [];
  try {
    for (const ticket of tickets) {
      const relative = `${folder}/${storedName(ticket.sha256, safeFileName(baseName(ticket.path)))}`;
      const absolute = join(config.paths.tickets, relative);
      const data = ticket.read();
      // The same bytes that were checked, or nothing is imported.
      if (createHash("sha256").update(data).digest("hex") !== ticket.sha256) throw new Error(`${ticket.path} changed during the import`);
      writeFileSync(absolute, data, { flag: "wx" });
      written.push(absolute);
      // With a manifest, a file it does not name goes to nobody (issue: named tickets).
      const owner = owners.get(ticket.path) ?? (manifest ? NOBODY : undefined);
      rows.push({
        fileName: ticket.path,
        path: relative,
        sha256: ticket.sha256,
        size: ticket.size,
        namedKey: owner?.key ?? null,
        namedAs: owner?.shown || null,
      });
    }
    failpoint("import:files-written");
    const archivedBefore = request.mode === "replace" ? repos.tickets.unassigned(request.waveId) : [];
    const { archived } = recordImport(repos, {
      waveId: request.waveId,
      by: request.by,
      source: request.source,
      fileName: request.fileName,
      mode: request.mode,
      tickets: rows,
    });
    failpoint("import:committed");
    moveArchivedFiles(config.paths, archivedBefore);
    logger.info({ wave_id: request.waveId, imported: rows.length, archived, mode: request.mode }, "tickets imported");
    const named = [...owners.values()];
    return {
      ok: true,
      summary: {
        imported: rows.length,
        archived,
        ignored,
        named: named.length,
        waitingFor: names?.ok ? names.waitingFor(repos) : [],
        unnamedFiles: manifest ? tickets.filter((t) => !owners.has(t.path)).map((t) => t.path) : [],
      },
    };
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    if (error instanceof WaveNotOpenError) return { ok: false, refusal: { kind: "wave_not_open" } };
    throw error;
  }
}
