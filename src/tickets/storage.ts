import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config.js";
import type { TicketRow, TicketsRepo } from "../db/repos/tickets.js";
import type { Logger } from "../logger.js";

/** A ticket's file: under the tickets folder while in play, under the archive folder once archived. */
export function ticketFilePath(paths: Config["paths"], ticket: Pick<TicketRow, "status" | "path">): string {
  return join(ticket.status === "archived" ? paths.archive : paths.tickets, ticket.path);
}

export const waveFolder = (waveId: number): string => `wave-${waveId}`;

/** Stored name: the content hash prefix makes it unique; the rest keeps it recognisable. */
export const storedName = (sha256: string, safeName: string): string => `${sha256.slice(0, 12)}-${safeName}`;

const STORED_NAME = /^[0-9a-f]{12}-.+\.pdf$/;

/** Moves a file, also across file systems (tickets and archive may be different disks). */
export function moveFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(from, to);
    rmSync(from);
  }
}

/** After a database change that archived tickets of a wave: their files follow. */
export function moveArchivedFiles(paths: Config["paths"], tickets: readonly Pick<TicketRow, "path">[]): number {
  let moved = 0;
  for (const ticket of tickets) {
    const from = join(paths.tickets, ticket.path);
    if (!existsSync(from)) continue;
    moveFile(from, join(paths.archive, ticket.path));
    moved++;
  }
  return moved;
}

/**
 * At start-up, makes the folders agree with the database after a crash:
 * archived tickets whose files are still in the tickets folder are moved
 * (a crash during /end_wave or /upload_zip), and files that no ticket refers
 * to are removed (a crash during an import, before its transaction). Only
 * files named the way the importer names them are ever touched.
 */
export function reconcileTicketFiles(paths: Config["paths"], tickets: Pick<TicketsRepo, "referencedPaths">, logger: Logger): { moved: number; removed: number } {
  const known = new Map(tickets.referencedPaths().map((t) => [t.path, t.status]));
  let moved = 0;
  let removed = 0;
  if (!existsSync(paths.tickets)) return { moved, removed };
  for (const folder of readdirSync(paths.tickets)) {
    if (!/^wave-\d+$/.test(folder)) continue;
    for (const name of readdirSync(join(paths.tickets, folder))) {
      if (!STORED_NAME.test(name)) continue;
      const relative = `${folder}/${name}`;
      const status = known.get(relative);
      const file = join(paths.tickets, relative);
      if (status === "archived") {
        const target = join(paths.archive, relative);
        if (existsSync(target)) rmSync(file);
        else moveFile(file, target);
        moved++;
      } else if (status === undefined) {
        rmSync(file);
        removed++;
      }
    }
  }
  if (moved + removed > 0) logger.warn({ moved, removed }, "ticket files reconciled with the database after an interrupted operation");
  return { moved, removed };
}
