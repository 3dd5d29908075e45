/**
 * npm run backup -- <file> [--force]
 *
 * A consistent copy of the bot's database, taken while the bot runs: SQLite's
 * online backup (better-sqlite3 `db.backup()`) copies a snapshot that
 * includes every committed transaction, also those still in the write-ahead
 * log, and never a half-written one. The database is found exactly as the bot
 * finds it (DATABASE_PATH from the environment or config.ts, relative to the
 * project root); the token is not needed.
 *
 * The copy is written next to the target under a temporary name and renamed
 * into place once verified, so an interrupted backup never leaves a broken
 * file under the name you asked for.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { ConfigError, loadDatabasePath } from "../src/config.js";

const USAGE = "Usage: npm run backup -- <file> [--force]   (--force overwrites an existing file)";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  // npm runs scripts from the project root; INIT_CWD is where the operator typed the command.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!);

  let source: string;
  try {
    source = await loadDatabasePath();
  } catch (error) {
    console.error(`Configuration error: ${error instanceof ConfigError ? error.problems.join("; ") : String(error)}`);
    return 1;
  }
  if (!existsSync(source)) {
    console.error(`No database at ${source} (DATABASE_PATH): nothing to back up.`);
    return 1;
  }
  if (resolve(source) === target) {
    console.error(`${target} is the live database itself; choose another file.`);
    return 1;
  }
  if (existsSync(target) && !force) {
    console.error(`${target} already exists; pass --force to overwrite it.`);
    return 1;
  }

  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    // A busy bot writes meanwhile; wait for its lock instead of failing.
    db.pragma("busy_timeout = 5000");
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    db.close();
  }

  const problem = verify(partial);
  if (problem) {
    rmSync(partial, { force: true });
    console.error(`Backup failed: the copy does not pass the integrity check (${problem}).`);
    return 1;
  }
  renameSync(partial, target);
  const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(`Backup of ${source} written to ${target} (${megabytes} MB, integrity check ok).`);
  return 0;
}

/**
 * Makes the copy one self-contained file (rollback journal instead of WAL, so
 * no -wal/-shm files belong to it; the bot switches it back to WAL when it
 * opens it) and checks it. undefined when sound, or what SQLite found wrong.
 */
function verify(path: string): string | undefined {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const rows = copy.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const found = rows.map((row) => row.integrity_check);
    return found.length === 1 && found[0] === "ok" ? undefined : found.slice(0, 5).join("; ");
  } finally {
    copy.close();
  }
}

process.exitCode = await main();
