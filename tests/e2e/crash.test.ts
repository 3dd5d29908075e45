import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { acceptButton, Scenario, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { assertExactlyOnce, prepareWave, sendAndWait, ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * Issue 6 item 3: kill -9 at the worst moments. Each test restarts the bot
 * with BOT_FAILPOINT naming a spot in the code (src/failpoints.ts), provokes
 * it, sees the process die by SIGKILL there, starts it again without the
 * failpoint, and checks what the database, the folders and the people see.
 */

/** Restarts the bot armed with `name`, runs `provoke`, and waits until the failpoint has killed it. */
async function crashAt(sc: Scenario, name: string, provoke: () => unknown): Promise<void> {
  await sc.restartBot({ BOT_FAILPOINT: name });
  await provoke();
  const exit = await sc.bot.waitForExit(60_000);
  assert.equal(exit.signal, "SIGKILL", `the bot died at failpoint ${name} (exit ${JSON.stringify(exit)})`);
}

/** Stored ticket files under a root folder, as `wave-N/<name>` paths like the database keeps them. */
function storedFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((folder) => /^wave-\d+$/.test(folder))
    .flatMap((folder) => readdirSync(join(root, folder)).map((name) => `${folder}/${name}`))
    .sort();
}

/** The folders hold exactly the files the database refers to, each where its status says. */
function assertFilesMatchDatabase(sc: Scenario): void {
  const rows = sc.query<{ path: string; status: string }>("SELECT path, status FROM tickets");
  const inPlay = rows.filter((r) => r.status !== "archived").map((r) => r.path).sort();
  const archived = rows.filter((r) => r.status === "archived").map((r) => r.path).sort();
  assert.deepEqual(storedFiles(join(sc.dir, "tickets")), inPlay, "tickets/ holds exactly the tickets in play");
  assert.deepEqual(storedFiles(join(sc.dir, "archive")), archived, "archive/ holds exactly the archived tickets");
}

const ticketCount = (sc: Scenario, status?: string): number =>
  sc.query<{ n: number }>(`SELECT COUNT(*) AS n FROM tickets${status ? " WHERE status = ?" : ""}`, ...(status ? [status] : []))[0]!.n;

function sendZip(who: SimUser, zip: Buffer, command: string): void {
  who.sendDocument(zip, "tickets.zip", { caption: command, mimeType: "application/zip" });
}

const importAnswer = /Loaded|Nothing was loaded|already in wave/;

describe("kill -9 during a ZIP import", () => {
  const sc = useScenario();

  it("after the files are written, before the transaction: the stray files are removed and the upload is imported once", async () => {
    assert.match((await sc.ask(sc.founder, "/new_wave Imports")).text!, /is open/);
    const tickets = ticketPdfs(5, "written");
    const since = sc.founder.messages.length;
    await crashAt(sc, "import:files-written", () => sendZip(sc.founder, makeZip(tickets), "/upload_zip"));
    // The worst moment indeed: the PDFs are on disk, the database knows none.
    assert.equal(storedFiles(join(sc.dir, "tickets")).length, 5);
    assert.equal(ticketCount(sc), 0, "no half-imported wave");
    assert.equal(sc.founder.messages.length, since, "nothing was answered before the crash");

    await sc.startBot();
    await sc.bot.waitForLog((l) => /reconciled/.test(String(l.msg)) && l.removed === 5);
    // The upload was stored before it was handled: it is handled again, once.
    const reply = await sc.founder.waitFor((m) => importAnswer.test(m.text ?? ""), { since, timeoutMs: 30_000 });
    assert.match(reply.text!, /Loaded 5 tickets into wave “Imports”/);
    assert.equal(ticketCount(sc, "available"), 5);
    assertFilesMatchDatabase(sc);
    // One chat is handled in order: once a later /confirm_wave is answered, a
    // second handling of the upload would have answered too.
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /5 available tickets, 0 already sent/);
    assert.equal(sc.founder.messages.slice(since).filter((m) => importAnswer.test(m.text ?? "")).length, 1, "one answer to one upload");
  });

  it("after the transaction, before the replaced tickets are archived: their files move at the next start", async () => {
    const replacement = ticketPdfs(3, "replacement");
    const since = sc.founder.messages.length;
    await crashAt(sc, "import:committed", () => sendZip(sc.founder, makeZip(replacement), "/upload_zip"));
    // Committed: the five older tickets are archived in the database, but their files have not moved yet.
    assert.equal(ticketCount(sc, "archived"), 5);
    assert.equal(ticketCount(sc, "available"), 3);
    assert.equal(storedFiles(join(sc.dir, "tickets")).length, 8);

    await sc.startBot();
    await sc.bot.waitForLog((l) => /reconciled/.test(String(l.msg)) && l.moved === 5);
    const reply = await sc.founder.waitFor((m) => importAnswer.test(m.text ?? ""), { since, timeoutMs: 30_000 });
    // The upload is handled again after the restart: it finds its own tickets
    // already there, and says so instead of listing them as faults.
    assert.match(reply.text!, /Every ticket in this ZIP is already in wave “Imports” \(3 files\); nothing new was loaded/);
    assert.equal(ticketCount(sc, "available"), 3);
    assert.equal(ticketCount(sc, "archived"), 5);
    assertFilesMatchDatabase(sc);
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /3 available tickets/);
  });
});

describe("kill -9 during /end_wave", () => {
  const sc = useScenario();

  it("after the database change, before the files move: files and database agree after the restart", async () => {
    const people = Array.from({ length: 2 }, (_, i) => sc.user({ username: `ender_${i}` }));
    await sc.register(people);
    await sc.ask(sc.founder, "/new_wave Ending");
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(5, "end")))).text!, /Loaded 5 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 2 messages sent/);

    const question = await sc.ask(sc.founder, "/end_wave");
    assert.match(question.text!, /End wave “Ending”\?/);
    await crashAt(sc, "end-wave:committed", () => sc.founder.press("End the wave", { messageId: question.message_id }));
    assert.equal(ticketCount(sc, "archived"), 3, "the database says archived");
    assert.deepEqual(storedFiles(join(sc.dir, "archive")), [], "the files have not moved yet");

    await sc.startBot();
    await sc.bot.waitForLog((l) => /reconciled/.test(String(l.msg)) && l.moved === 3);
    assertFilesMatchDatabase(sc);
    // The press is handled again after the restart: the admin learns how it ended.
    const ended = await sc.founder.waitFor((m) => m.message_id === question.message_id && !/End wave/.test(m.text ?? ""), { timeoutMs: 20_000 });
    assert.match(ended.text!, /Wave “Ending” has ended: 2 tickets sent, 3 available tickets moved to the archive/);
    assert.match((await sc.ask(sc.founder, "/send_tickets")).text!, /no open wave/);
    // Sent tickets stay with their owners.
    const again = await sc.ask(people[0]!, "/ticket");
    assert.equal(again.document?.file_unique_id, people[0]!.documents()[0]!.document!.file_unique_id);
  });
});

describe("kill -9 during registration", () => {
  const sc = useScenario();

  const registered = (id: number) =>
    sc.query<{ invite_code: string }>("SELECT invite_code FROM users WHERE id = ? AND registered_at IS NOT NULL", id);
  const invite = (code: string) => sc.query<{ used_by: number | null }>("SELECT used_by FROM invites WHERE code = ?", code)[0]!;

  it("before the transaction: the code is not consumed, and the registration completes after the restart", async () => {
    const [code] = await sc.invites(1);
    const guest = sc.user({ username: "early_guest", firstName: "Early" });
    const consent = await sc.ask(guest, `/start ${code}`);
    assert.ok(consent.reply_markup, "the agreement with its buttons");
    await crashAt(sc, "register:before-commit", () => guest.press(acceptButton(consent), { messageId: consent.message_id }));
    assert.deepEqual(registered(guest.id), []);
    assert.equal(invite(code!).used_by, null, "the code is still usable");

    await sc.startBot();
    const welcome = await guest.waitFor((m) => m.message_id === consent.message_id && /Welcome/.test(m.text ?? ""), { timeoutMs: 20_000 });
    assert.match(welcome.text!, /Welcome, Early! You are registered/);
    assert.deepEqual(registered(guest.id), [{ invite_code: code }]);
    assert.equal(invite(code!).used_by, guest.id);
    assert.match((await sc.ask(guest, "/start")).text!, /already registered/);
  });

  it("after the transaction, before the welcome: the person is registered once and the code is spent", async () => {
    const [code] = await sc.invites(1);
    const guest = sc.user({ username: "late_guest", firstName: "Late" });
    const consent = await sc.ask(guest, `/start ${code}`);
    await crashAt(sc, "register:committed", () => guest.press(acceptButton(consent), { messageId: consent.message_id }));
    assert.deepEqual(registered(guest.id), [{ invite_code: code }]);
    assert.equal(invite(code!).used_by, guest.id);

    await sc.startBot();
    // The press is handled again: the agreement turns into "you are registered", not into an error.
    const answer = await guest.waitFor((m) => m.message_id === consent.message_id && /registered/.test(m.text ?? ""), { timeoutMs: 20_000 });
    assert.doesNotMatch(answer.text!, /wrong|expired/i);
    assert.equal(sc.query("SELECT id FROM users WHERE invite_code = ?", code).length, 1);
    const other = sc.user({ username: "code_thief" });
    assert.match((await sc.ask(other, `/start ${code}`)).text!, /already been used/);
    assert.match((await sc.ask(guest, "/ticket")).text!, /You have no ticket yet/);
  });
});

describe("kill -9 between a send and its record", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 20, jitterMs: 10 } }, env: { SEND_CONCURRENCY: "8" } });

  it("tickets: the job resumes, and only the sends in flight at the kill are repeated, to the same people", async () => {
    const { people, tickets } = await prepareWave(sc, 40, "Recorded");
    const since = sc.founder.messages.length;
    await crashAt(sc, "delivery:sent-not-recorded@15", () => sc.founder.send("/send_tickets"));
    const delivered = sc.emu.sentDocuments().filter((d) => d.fileName?.startsWith("ticket-Recorded")).length;
    const recorded = ticketCount(sc, "sent");
    assert.ok(delivered >= 15, `${delivered} delivered before the kill`);
    assert.ok(recorded < delivered, `the last send was not recorded (${recorded} recorded, ${delivered} delivered)`);

    await sc.startBot();
    const summary = await waitForSummary(sc, since, 60_000);
    assert.match(summary.text!, /✅ 40 messages sent/);
    assert.match(summary.text!, /restarted once during the delivery/);
    // At most the send window (8) was in flight, plus the one the failpoint interrupted.
    assertExactlyOnce(people, tickets, 9);
    assert.equal(ticketCount(sc, "sent"), 40);
  });
});

describe("kill -9 between a send and the grouped commit of its outcome", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 20, jitterMs: 10 } }, env: { SEND_CONCURRENCY: "8", SEND_RATE_PER_SECOND: "30" } });

  it("tickets: the sends of the uncommitted group are repeated after the restart, each to the same person, never more than the window", async () => {
    const { people, tickets } = await prepareWave(sc, 40, "Grouped");
    const since = sc.founder.messages.length;
    // Dies while committing the group holding the 15th recorded send: that
    // group's outcomes (and any claims in it) are lost together.
    await crashAt(sc, "delivery:sent-not-committed@15", () => sc.founder.send("/send_tickets"));
    const delivered = sc.emu.sentDocuments().filter((d) => d.fileName?.startsWith("ticket-Grouped")).length;
    const recorded = ticketCount(sc, "sent");
    const claimedUnrecorded = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending' AND claimed_at IS NOT NULL")[0]!.n;
    assert.ok(delivered >= 15, `${delivered} delivered before the kill`);
    assert.ok(recorded < delivered, `the group was not committed (${recorded} recorded, ${delivered} delivered)`);
    assert.ok(delivered - recorded <= claimedUnrecorded, "every send that went out unrecorded is still claimed, for its person");
    assert.ok(claimedUnrecorded <= 8, `at most the send window is claimed and unrecorded (${claimedUnrecorded})`);

    await sc.startBot();
    const summary = await waitForSummary(sc, since, 60_000);
    assert.match(summary.text!, /✅ 40 messages sent/);
    assert.match(summary.text!, /restarted once during the delivery/);
    // Each participant holds exactly one distinct ticket of the ZIP, nobody
    // else's: the repeats went to the same people.
    assertExactlyOnce(people, tickets, 8);
    const repeats = [...people].reduce((sum, p) => sum + p.documents().length - 1, 0);
    assert.equal(repeats, delivered - recorded, "exactly the sends that went out unrecorded were repeated");
    assert.equal(ticketCount(sc, "sent"), 40);
  });
});

describe("kill -9 during a broadcast", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 20, jitterMs: 10 } }, env: { SEND_CONCURRENCY: "8" } });

  it("resumes after the restart; nobody gets it twice except the sends in flight at the kill, each to the same person", async () => {
    const people = Array.from({ length: 40 }, (_, i) => sc.user({ username: `listener_${i}` }));
    await sc.register(people);
    const text = "Doors open at 19:00, bring your ticket";
    const copies = (user: SimUser) => user.messages.filter((m) => m.text === text).length;
    const since = sc.founder.messages.length;
    await crashAt(sc, "delivery:sent-not-recorded@10", async () => {
      sc.founder.send(`/broadcast ${text}`);
      const sendButton = (m: BotMessage) => m.reply_markup?.inline_keyboard.flat().find((b) => b.text.startsWith("✅ Send to"));
      const control = await sc.founder.waitFor((m) => sendButton(m) !== undefined, { since });
      const button = sendButton(control)!;
      assert.equal(button.text, "✅ Send to 40 people");
      sc.founder.press({ data: (button as { callback_data: string }).callback_data }, { messageId: control.message_id });
    });
    const reached = people.filter((p) => copies(p) > 0).length;
    const recorded = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries d JOIN jobs j ON j.id = d.job_id WHERE j.kind = 'broadcast' AND d.status = 'sent'")[0]!.n;
    assert.ok(reached >= 10 && reached < 40, `killed in the middle (${reached} reached)`);
    assert.ok(recorded < reached, `the last sends were not recorded (${recorded} recorded, ${reached} reached)`);

    await sc.startBot();
    const summary = await waitForSummary(sc, since, 60_000);
    assert.match(summary.text!, /✅ 40 messages sent/);
    assert.match(summary.text!, /restarted once during the delivery/);
    const counts = people.map(copies);
    assert.ok(counts.every((n) => n >= 1), "everyone got it");
    const repeats = counts.reduce((sum, n) => sum + n - 1, 0);
    // At most the send window (8) was in flight, plus the send the failpoint interrupted.
    assert.ok(repeats <= 9, `${repeats} repeated copies`);
    assert.ok(repeats <= reached - recorded, "only sends that went out unrecorded were repeated");
    assert.equal(copies(sc.founder), 1, "the admin saw the preview only");
  });
});

describe("SIGTERM", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 20, jitterMs: 10 } }, env: { SEND_CONCURRENCY: "4", SEND_RATE_PER_SECOND: "10" } });

  it("stops within 10 s even with a send hanging, closes the database cleanly, and the hung send goes out after the restart", async () => {
    const { people, tickets } = await prepareWave(sc, 20, "Term");
    const since = sc.founder.messages.length;
    sc.emu.faults.add({ method: "sendDocument", kind: "hang", times: 1 });
    sc.founder.send("/send_tickets");
    const delivered = () => sc.emu.sentDocuments().filter((d) => d.fileName?.startsWith("ticket-Term")).length;
    await waitUntil(() => delivered() >= 5, "five tickets delivered");
    const polls = () => sc.emu.calls.filter((c) => c.method === "getUpdates").length;
    const stoppedAt = Date.now();
    sc.bot.kill("SIGTERM");
    const { code } = await sc.bot.waitForExit(15_000);
    assert.equal(code, 0);
    assert.ok(Date.now() - stoppedAt < 10_000, "stopped within 10 s");
    const pollsAtExit = polls();
    assert.ok(sc.bot.logs().some((l) => l.msg === "stopped"), "the shutdown finished, it was not cut short");
    // A clean close checkpoints the write-ahead log into the database file.
    assert.equal(existsSync(`${sc.env.DATABASE_PATH}-wal`), false, "no write-ahead log left behind");
    assert.deepEqual(sc.query("PRAGMA integrity_check"), [{ integrity_check: "ok" }]);
    // Every document that went out is recorded; the hung one is still owed to its person.
    assert.equal(ticketCount(sc, "sent"), delivered());
    assert.ok(sc.query("SELECT id FROM deliveries WHERE status = 'pending'").length >= 1);
    // Once the emulator has seen every connection of the dead process close,
    // every call it made has been recorded: a getUpdates recorded after the
    // exit would have been a poll still running at the exit.
    await waitUntil(() => sc.emu.openConnections() === 0, "the process's connections to close");
    assert.equal(polls(), pollsAtExit, "no polling after the exit");

    await sc.startBot();
    const summary = await waitForSummary(sc, since, 60_000);
    assert.match(summary.text!, /✅ 20 messages sent/);
    assertExactlyOnce(people, tickets, 0);
  });
});
