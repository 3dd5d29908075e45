import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { SimUser } from "../support/emulator/index.js";
import { projectRoot } from "../../src/paths.js";
import { BotProcess, startNodeArgs } from "../support/bot-process.js";
import { useScenario } from "../support/harness.js";

/** Issue 6 item 6: backups, refusing a newer database, log rotation, the systemd unit. */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/scripts/backup.js ...args`, as `npm run backup -- ...args` runs it, without the bot's token. */
function runBackup(args: string[], options: { env: Record<string, string>; cwd: string }): Promise<Run> {
  const child = spawn(process.execPath, [join(projectRoot, "dist", "scripts", "backup.js"), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

function openCopy(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

describe("npm run backup", () => {
  const sc = useScenario();
  let backupEnv: Record<string, string>;
  before(async () => {
    // Relative, as an operator writes it: it must resolve against the project
    // root (like the bot does), not against the directory the script runs in.
    backupEnv = { DATABASE_PATH: relative(projectRoot, sc.env.DATABASE_PATH!) };
  });

  it("takes a consistent copy while the bot is handling updates", async () => {
    const first = Array.from({ length: 15 }, (_, i) => sc.user({ username: `saved_${i}` }));
    await sc.register(first);
    // More people register while the backup runs: the bot writes meanwhile.
    const second = Array.from({ length: 25 }, (_, i) => sc.user({ username: `during_${i}` }));
    const registering = sc.register(second, 5);
    await second[0]!.waitFor(() => true, { timeoutMs: 30_000 });
    const result = await runBackup(["backups/users-copy.db"], { env: backupEnv, cwd: sc.dir });
    await registering;

    assert.equal(result.code, 0, result.stderr);
    const target = join(sc.dir, "backups", "users-copy.db");
    assert.equal(result.stdout.trim(), `Backup of ${sc.env.DATABASE_PATH} written to ${target} (${(statSync(target).size / 1024 / 1024).toFixed(1)} MB, integrity check ok).`);
    assert.deepEqual(readdirSync(join(sc.dir, "backups")), ["users-copy.db"], "one self-contained file, no -wal/-shm or partial files");
    const copy = openCopy(target);
    try {
      assert.deepEqual(copy.pragma("integrity_check"), [{ integrity_check: "ok" }]);
      const live = sc.query<{ user_version: number }>("PRAGMA user_version")[0]!.user_version;
      assert.equal(copy.pragma("user_version", { simple: true }), live);
      const registered = copy.prepare("SELECT username FROM users WHERE registered_at IS NOT NULL").all() as Array<{ username: string }>;
      const names = new Set(registered.map((r) => r.username));
      for (const user of first) assert.ok(names.has(user.username!), `${user.username} is in the copy`);
      assert.ok(registered.length <= first.length + second.length);
      // Registrations are whole in the copy: a registered user's code is spent, and vice versa.
      const spent = copy.prepare("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NOT NULL").get() as { n: number };
      assert.equal(spent.n, registered.length);
      assert.ok((copy.prepare("SELECT COUNT(*) AS n FROM chat_log").get() as { n: number }).n > 0);
    } finally {
      copy.close();
    }
    // The bot kept answering throughout.
    assert.match((await sc.ask(second[0]!, "/myid")).text!, /Your Telegram id/);
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const target = join(sc.dir, "existing.db");
    writeFileSync(target, "keep me");
    const refused = await runBackup([target], { env: backupEnv, cwd: projectRoot });
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr.trim(), `${target} already exists; pass --force to overwrite it.`);
    assert.equal(readFileSync(target, "utf8"), "keep me");

    const forced = await runBackup([target, "--force"], { env: backupEnv, cwd: projectRoot });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, new RegExp(`written to ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const copy = openCopy(target);
    try {
      assert.deepEqual(copy.pragma("integrity_check"), [{ integrity_check: "ok" }]);
    } finally {
      copy.close();
    }
  });

  it("says what is wrong: no file given, or no database where DATABASE_PATH points", async () => {
    const usage = await runBackup([], { env: backupEnv, cwd: projectRoot });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: npm run backup -- <file> \[--force\]/);
    const missing = join(sc.dir, "nowhere", "users.db");
    const none = await runBackup([join(sc.dir, "x.db")], { env: { DATABASE_PATH: missing }, cwd: projectRoot });
    assert.equal(none.code, 1);
    assert.equal(none.stderr.trim(), `No database at ${missing} (DATABASE_PATH): nothing to back up.`);
  });
});

describe("a database newer than the code", () => {
  const sc = useScenario({ noStart: true });

  it("is refused at start-up with exit code 1 and one clear line, and left untouched", async () => {
    const db = new Database(sc.env.DATABASE_PATH!);
    db.exec("CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)");
    db.pragma("user_version = 99");
    db.close();
    const bot = new BotProcess({ env: sc.env });
    const { code } = await bot.waitForExit();
    assert.equal(code, 1);
    const lines = bot.stderr.join("").trim().split("\n");
    assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(lines)}`);
    assert.match(lines[0]!, /^The database schema is version 99, but this code only knows up to version \d+\./);
    assert.match(lines[0]!, /upgrade the code or restore a backup taken before the upgrade\.$/);
    assert.deepEqual(
      sc.query("SELECT name FROM sqlite_master WHERE type = 'table'"),
      [{ name: "from_the_future" }],
      "no migration ran",
    );
    assert.deepEqual(sc.query("PRAGMA user_version"), [{ user_version: 99 }]);
    assert.equal(sc.emu.calls.length, 0, "it stopped before talking to Telegram");
  });
});

describe("log rotation", () => {
  const sc = useScenario({ env: { LOG_LEVEL: "debug", LOG_MAX_SIZE_MB: "1", LOG_MAX_FILES: "3", TELEGRAM_GLOBAL_RATE: "1000" } });

  it("with LOG_MAX_SIZE_MB=1 the log rolls over into numbered files, whole lines in each", async () => {
    const logs = join(sc.dir, "logs");
    const rotated = () => readdirSync(logs).filter((name) => /^bot\.log\.\d+$/.test(name));
    const chatty: SimUser[] = Array.from({ length: 25 }, (_, i) => sc.user({ username: `chatty_${i}` }));
    // Every handled update writes a debug line; a few thousand updates fill a megabyte.
    for (let round = 0; round < 60 && rotated().length === 0; round++) {
      const answered = chatty.map((u) => u.messages.length + 20);
      for (const user of chatty) for (let i = 0; i < 20; i++) user.send("/myid");
      await Promise.all(chatty.map((u, i) => u.waitFor(() => u.messages.length >= answered[i]!, { timeoutMs: 60_000 })));
    }
    const files = rotated();
    assert.ok(files.length >= 1, `a numbered file next to bot.log: ${readdirSync(logs).join(", ")}`);
    assert.ok(existsSync(join(logs, "bot.log")), "logging goes on in bot.log");
    const old = readFileSync(join(logs, files[0]!), "utf8");
    assert.ok(old.length <= 1.2 * 1024 * 1024, `rotated near 1 MB (${old.length} bytes)`);
    const lines = old.trimEnd().split("\n");
    for (const line of [lines[0]!, lines[lines.length - 1]!]) assert.doesNotThrow(() => JSON.parse(line), `a whole JSON line: ${line.slice(0, 80)}`);
    assert.ok(lines.some((line) => line.includes('"msg":"update handled"')));
    assert.match((await sc.ask(chatty[0]!, "/myid")).text!, /Your Telegram id/);
  });
});

describe("deploy/ticket-bot.service", () => {
  it("runs the built bot with npm start's node options, restarts it on failure and gives SIGTERM more time than the bot's own 10 s stop", () => {
    const unit = readFileSync(join(projectRoot, "deploy", "ticket-bot.service"), "utf8");
    const settings = new Map<string, string[]>();
    for (const line of unit.split("\n")) {
      const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
      if (match) settings.set(match[1]!, [...(settings.get(match[1]!) ?? []), match[2]!]);
    }
    const one = (key: string) => settings.get(key)?.at(-1);
    // The node options of `npm start` (the heap size), so that the service runs the bot as the tests and the bench do.
    assert.equal(one("ExecStart"), ["/usr/bin/node", ...startNodeArgs(), "dist/src/main.js"].join(" "));
    assert.equal(one("Restart"), "on-failure");
    assert.equal(one("KillSignal"), "SIGTERM");
    assert.ok(Number(one("TimeoutStopSec")) > 10);
    for (const key of ["User", "WorkingDirectory", "EnvironmentFile", "NoNewPrivileges", "ProtectSystem"]) assert.ok(one(key), `${key} is set`);
    assert.ok(existsSync(join(projectRoot, "dist", "src", "main.js")), "ExecStart's entry point is what the build produces");
  });
});
