import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations, type Migration } from "./migrations/index.js";

export type Db = Database.Database;

export class DatabaseVersionError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `The database schema is version ${found}, but this code only knows up to version ${supported}. ` +
        `It was written by a newer release of the bot: upgrade the code or restore a backup taken before the upgrade.`,
    );
    this.name = "DatabaseVersionError";
  }
}

/** Opens (creating if needed) the SQLite database and brings its schema up to date. */
export function openDatabase(path: string, list: readonly Migration[] = migrations): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Refuse a newer database before changing anything in it.
  assertKnownVersion(db, list);
  db.pragma("journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode (only an OS crash
  // can lose the last transactions), and several times faster than FULL.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // /delete_user must really remove a person: deleted content is overwritten
  // with zeros instead of lingering in the file's free pages.
  db.pragma("secure_delete = ON");
  migrate(db, list);
  return db;
}

function assertKnownVersion(db: Db, list: readonly Migration[]): number {
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > latest) {
    db.close();
    throw new DatabaseVersionError(current, latest);
  }
  return current;
}

/** Applies pending migrations, each in its own transaction, tracked in PRAGMA user_version. */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const current = assertKnownVersion(db, list);
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
