import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { SimUser } from "../support/emulator/index.js";
import { projectRoot } from "../../src/paths.js";
import { makePdf, makePdfOfSize, makeZip } from "../support/fixtures.js";
import { Scenario, useScenario } from "../support/harness.js";
import { received, sendAndWait, sha256 } from "../support/waves.js";

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run import -- <args>` as the operator runs it on the server (the
 * compiled script, which is what the npm script starts), with the bot's
 * environment. Asynchronous on purpose: the emulator answering the script's
 * Telegram calls lives in this process.
 */
function runImport(sc: Scenario, ...args: string[]): Promise<RunResult> {
  // The operator of these tests reads English; the bot's default stays as configured.
  return runImportIn(sc, { DEFAULT_LOCALE: "en" }, args);
}

function runImportIn(sc: Scenario, env: Record<string, string>, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, "dist", "scripts", "import.js"), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...sc.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`import did not finish within 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Changes a wave's state behind the bot's back (WAL lets a second writer in while it runs). */
function setWaveStatus(sc: Scenario, status: string): void {
  const db = new Database(sc.env.DATABASE_PATH!);
  try {
    db.prepare("UPDATE waves SET status = ? WHERE status <> 'ended'").run(status);
  } finally {
    db.close();
  }
}

const tickets = (sc: Scenario, status?: string): number =>
  sc.query<{ n: number }>(`SELECT COUNT(*) AS n FROM tickets${status ? " WHERE status = ?" : ""}`, ...(status ? [status] : []))[0]!.n;

describe("server-side import: npm run import -- <file.zip|folder> [--add] (issue 7.4)", () => {
  const sc = useScenario();
  let people: SimUser[];
  const bigPdfs = [makePdfOfSize("server-big-1", 11 * 1024 * 1024), makePdfOfSize("server-big-2", 11 * 1024 * 1024)];
  const folderPdfs = [makePdf("server-folder-1"), makePdf("server-folder-2")];
  before(async () => {
    people = Array.from({ length: 3 }, (_, i) => sc.user({ username: `server_guest_${i}` }));
    await sc.register(people);
  });

  it("explains its arguments and refuses a path that does not exist", async () => {
    for (const args of [[], ["a.zip", "b.zip"], ["a.zip", "--replace"]]) {
      const run = await runImport(sc, ...args);
      assert.equal(run.code, 1, args.join(" "));
      assert.match(run.stderr, /How to run: npm run import -- <file\.zip \| folder> \[--add\]/);
    }
    const run = await runImport(sc, join(sc.dir, "no-such.zip"));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no-such\.zip does not exist or cannot be read\. Nothing was loaded\./);
    // It speaks DEFAULT_LOCALE, with the words the bot uses.
    const russian = await runImportIn(sc, { DEFAULT_LOCALE: "ru" }, [join(sc.dir, "no-such.zip")]);
    assert.equal(russian.code, 1);
    assert.match(russian.stderr, /no-such\.zip не существует или не читается\. Ничего не загружено\./);
  });

  it("refuses clearly when no wave is open", async () => {
    const zip = join(sc.dir, "early.zip");
    writeFileSync(zip, makeZip([{ name: "early.pdf", data: makePdf("server-early") }]));
    const run = await runImport(sc, zip);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /There is no open wave\. Open one with \/new_wave/);
    assert.equal(tickets(sc), 0);
  });

  it("refuses a bad ZIP with the reason for each entry, imports nothing and tells the founder", async () => {
    await sc.ask(sc.founder, "/new_wave Server");
    const zip = join(sc.dir, "bad.zip");
    writeFileSync(
      zip,
      makeZip([
        { name: "good.pdf", data: makePdf("server-good") },
        { name: "../evil.pdf", data: makePdf("server-evil") },
        { name: "fake.pdf", data: "MZ not a pdf" },
      ]),
    );
    const since = sc.founder.messages.length;
    const run = await runImport(sc, zip);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Nothing was loaded: 2 entries are not acceptable/);
    assert.match(run.stderr, /• \.\.\/evil\.pdf — path leads outside the archive/);
    assert.match(run.stderr, /• fake\.pdf — not a PDF$/m);
    assert.equal(tickets(sc), 0);
    const notice = await sc.founder.waitFor((m) => /bad\.zip/.test(m.text ?? ""), { since });
    assert.match(notice.text!, /^Tickets from bad\.zip were not loaded on the server:\n\nNothing was loaded: 2 entries/);
  });

  it("refuses while the wave is being sent", async () => {
    setWaveStatus(sc, "sending");
    try {
      const zip = join(sc.dir, "busy.zip");
      writeFileSync(zip, makeZip([{ name: "busy.pdf", data: makePdf("server-busy") }]));
      const run = await runImport(sc, zip);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /The tickets of wave “Server” are being delivered right now/);
      assert.equal(tickets(sc), 0);
    } finally {
      setWaveStatus(sc, "open");
    }
  });

  it("imports a ZIP over 20 MB while the bot runs, and the founder hears of it in Telegram", async () => {
    const path = join(sc.dir, "big.zip");
    const zip = makeZip(bigPdfs.map((data, i) => ({ name: `big-${i + 1}.pdf`, data })));
    assert.ok(zip.length > 20 * 1024 * 1024, "beyond the cloud Bot API's download limit");
    writeFileSync(path, zip);
    const since = sc.founder.messages.length;
    const run = await runImport(sc, path);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Loaded 2 tickets into wave “Server”\.\nNext: \/confirm_wave\./);
    assert.match(run.stdout, /The bot's owners were told in Telegram: 1 of 1\./);
    const notice = await sc.founder.waitFor((m) => /big\.zip/.test(m.text ?? ""), { since });
    assert.equal(notice.text, "Tickets were loaded on the server from big.zip:\n\nLoaded 2 tickets into wave “Server”.\nNext: /confirm_wave.");
    const [row] = sc.query<{ source: string; mode: string; imported: number }>("SELECT * FROM ticket_imports ORDER BY id DESC LIMIT 1");
    assert.deepEqual([row!.source, row!.mode, row!.imported], ["server", "replace", 2]);
  });

  it("adds a folder with --add and keeps the tickets already there", async () => {
    const folder = join(sc.dir, "more-tickets");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "one.pdf"), folderPdfs[0]!);
    writeFileSync(join(folder, "sub", "two.pdf"), folderPdfs[1]!);
    writeFileSync(join(folder, ".DS_Store"), "junk");
    // A founder the bot cannot reach (never wrote to it) is reported, and the import stands.
    const unreachable = 999_000_111;
    const run = await runImportIn(sc, { DEFAULT_LOCALE: "en", FOUNDER_IDS: `${sc.founder.id},${unreachable}` }, [folder, "--add"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`Could not tell owner ${unreachable} in Telegram: Bad Request: chat not found`));
    assert.match(run.stdout, /The bot's owners were told in Telegram: 1 of 2\./);
    assert.match(run.stdout, /Loaded 2 tickets into wave “Server”/);
    assert.match(run.stdout, /Skipped 1 entry that is not a ticket/);
    assert.doesNotMatch(run.stdout, /moved to the archive/);
    assert.equal(tickets(sc, "available"), 4);
    const names = sc.query<{ file_name: string }>("SELECT file_name FROM tickets ORDER BY id").map((r) => r.file_name);
    assert.deepEqual(names, ["big-1.pdf", "big-2.pdf", "one.pdf", "sub/two.pdf"]);
  });

  it("delivers the imported tickets with /confirm_wave and /send_tickets, byte for byte", async () => {
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /4 available tickets, 0 already sent; 3 participants have no ticket/);
    const summary = await sendAndWait(sc, 120_000);
    assert.match(summary.text!, /✅ 3 messages sent/);
    const imported = new Set([...bigPdfs, ...folderPdfs].map(sha256));
    const got = received(people);
    for (const person of people) {
      assert.equal(got.get(person.id)!.length, 1, `${person.username} holds one ticket`);
      assert.ok(imported.has(got.get(person.id)![0]!), "a file that was imported");
    }
    assert.equal(new Set([...got.values()].flat()).size, 3);
  });

  it("without --add, archives the wave's unassigned tickets first, like /upload_zip", async () => {
    const path = join(sc.dir, "replace.zip");
    writeFileSync(path, makeZip([{ name: "fresh.pdf", data: makePdf("server-fresh") }]));
    const run = await runImport(sc, path);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Loaded 1 ticket into wave “Server”\.\nThe previous available tickets went to the archive: \d+ tickets?\./);
    assert.equal(tickets(sc, "archived"), 1);
    assert.equal(tickets(sc, "sent"), 3);
    assert.equal(tickets(sc, "available"), 1);
  });
});
