import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { Scenario, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { assertExactlyOnce, prepareWave, ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * Issue 6 item 4: Telegram misbehaving — long 429 runs, a 502 outage, 409
 * Conflict, getFile refusing a file, requests that never get an answer, and
 * kill -9 with updates queued. Nothing may be lost, nothing done twice, and
 * the bot keeps answering.
 */

const calls = (sc: Scenario, method: string) => sc.emu.calls.filter((c) => c.method === method);

/** Starts /send_tickets and returns the index to look for the summary from. */
function startSending(sc: Scenario): number {
  const since = sc.founder.messages.length;
  sc.founder.send("/send_tickets");
  return since;
}

describe("429 Too Many Requests for a long while", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 5, jitterMs: 5 } } });

  it("retry_after 5 on every sendDocument for 15 s: nothing is lost, the delivery completes, /myid is answered meanwhile", async () => {
    const { people, tickets } = await prepareWave(sc, 10, "Flood");
    sc.emu.faults.add({ method: "sendDocument", kind: "429", retryAfter: 5, durationMs: 15_000 });
    const since = startSending(sc);
    await waitUntil(() => calls(sc, "sendDocument").some((c) => c.status === 429), "a 429");
    const visitor = sc.user({ username: "patient_visitor" });
    assert.match((await sc.ask(visitor, "/myid", { timeoutMs: 20_000 })).text!, /Your Telegram id/);
    assert.ok(!sc.founder.messages.slice(since).some((m) => /^Summary of delivery #/.test(m.text ?? "")), "answered while the delivery was held back");

    const summary = await waitForSummary(sc, since, 90_000);
    assert.match(summary.text!, /✅ 10 messages sent/);
    assert.match(summary.text!, /❌ 0 messages not delivered/);
    assert.ok(calls(sc, "sendDocument").filter((c) => c.status === 429).length >= 2, "Telegram said 429 more than once");
    assertExactlyOnce(people, tickets, 0);
  });
});

describe("502 Bad Gateway for 30 s", () => {
  const sc = useScenario({ emulator: { latency: { baseMs: 5, jitterMs: 5 } }, env: { SEND_RATE_PER_SECOND: "5" } });

  it("replies and deliveries recover once Telegram is back", async () => {
    const { people, tickets } = await prepareWave(sc, 30, "Outage");
    const since = startSending(sc);
    await waitUntil(() => sc.emu.sentDocuments().length >= 3, "the delivery to be under way");
    sc.emu.faults.add({ kind: "5xx", status: 502, durationMs: 30_000 });
    const visitor = sc.user({ username: "outage_visitor" });
    const answer = await sc.ask(visitor, "/myid", { timeoutMs: 90_000 });
    assert.match(answer.text!, /Your Telegram id/);
    const summary = await waitForSummary(sc, since, 150_000);
    assert.match(summary.text!, /✅ 30 messages sent/);
    assert.match(summary.text!, /❌ 0 messages not delivered/);
    const failed = (method: string) => calls(sc, method).filter((c) => c.status === 502).length;
    assert.ok(failed("sendDocument") > 0 && failed("sendMessage") > 0, "both the delivery and the reply met the outage");
    // A 502 means Telegram did not take the message: nobody gets one twice.
    assertExactlyOnce(people, tickets, 0);
    assert.equal(visitor.messages.filter((m) => /Your Telegram id/.test(m.text ?? "")).length, 1);
  });
});

describe("409 Conflict: another instance polls with the same token", () => {
  const sc = useScenario();

  it("says so clearly in the log, does not spin, and recovers when the other instance is gone", async () => {
    const user = sc.user({ username: "conflicted" });
    const startedAt = Date.now();
    const pollsBefore = calls(sc, "getUpdates").length;
    sc.emu.simulateConflict(20_000);
    const line = await sc.bot.waitForLog((l) => l.level >= 50 && /409 Conflict/.test(String(l.msg)));
    assert.match(String(line.msg), /another process is receiving updates for this bot token/);
    assert.match(String(line.msg), /stop the other instance/);
    const since = user.messages.length;
    user.send("/myid");
    // Answered only once polling works again, i.e. after the conflict: by
    // then every poll that arrived during those 20 s has been answered (409)
    // and recorded.
    const answer = await user.waitFor(() => true, { since, timeoutMs: 45_000 });
    const duringConflict = calls(sc, "getUpdates").slice(pollsBefore).filter((c) => c.at < startedAt + 20_000).length;
    assert.ok(duringConflict <= 5, `${duringConflict} getUpdates calls during 20 s of conflict`);
    assert.match(answer.text!, /Your Telegram id/);
    assert.match((await sc.ask(user, "/myid")).text!, /Your Telegram id/);
  });
});

describe("getFile refuses: file is too big", () => {
  const sc = useScenario();

  it("explains the 20 MB limit and imports nothing; the next upload works", async () => {
    await sc.ask(sc.founder, "/new_wave Big");
    sc.emu.faults.add({ method: "getFile", kind: "error", status: 400, description: "Bad Request: file is too big", times: 1 });
    const zip = makeZip(ticketPdfs(2, "big"));
    const refused = await uploadZip(sc, sc.founder, zip);
    assert.match(refused.text!, /Telegram lets bots download at most 20 MB/);
    assert.match(refused.text!, /\/upload_zip_add/);
    assert.equal(sc.query("SELECT id FROM tickets").length, 0);
    assert.match((await uploadZip(sc, sc.founder, zip)).text!, /Loaded 2 tickets/);
  });
});

describe("requests that never get an answer", () => {
  const sc = useScenario({ env: { TELEGRAM_TIMEOUT_SECONDS: "3" } });

  it("a hung reply times out and is sent again: the person gets exactly one answer, and the chat is not stuck", async () => {
    const user = sc.user({ username: "hung_reply" });
    sc.emu.faults.add({ method: "sendMessage", kind: "hang", chatId: user.id, times: 1 });
    const answer = await sc.ask(user, "/myid", { timeoutMs: 30_000 });
    assert.match(answer.text!, /Your Telegram id/);
    assert.equal(calls(sc, "sendMessage").filter((c) => c.fault === "hang").length, 1);
    assert.match((await sc.ask(user, "/help")).text!, /\/myid/);
    // Both messages handled, and a handler's replies are out before it finishes: no late second answer can come.
    await sc.settled(user);
    assert.equal(user.messages.length, 2, "one answer per message");
  });

  it("hung ticket sends do not stall the delivery: they time out and go out in the retry pass", async () => {
    const { people, tickets } = await prepareWave(sc, 12, "Hung");
    sc.emu.faults.add({ method: "sendDocument", kind: "hang", times: 2 });
    const since = startSending(sc);
    const summary = await waitForSummary(sc, since, 60_000);
    assert.match(summary.text!, /✅ 12 messages sent/);
    assert.match(summary.text!, /❌ 0 messages not delivered/);
    assert.equal(calls(sc, "sendDocument").filter((c) => c.fault === "hang").length, 2);
    assertExactlyOnce(people, tickets, 0);
  });

  it("a long poll that never returns is given up, and updates flow again", async () => {
    const user = sc.user({ username: "silent_poll" });
    sc.emu.faults.add({ method: "getUpdates", kind: "hang", times: 1 });
    // End the current long poll so that the next one is the hung one.
    assert.match((await sc.ask(user, "/myid")).text!, /Your Telegram id/);
    await waitUntil(() => calls(sc, "getUpdates").some((c) => c.fault === "hang"), "the hung poll");
    const answer = await sc.ask(user, "/help", { timeoutMs: 60_000 });
    assert.match(answer.text!, /\/myid/);
  });
});

describe("kill -9 with updates queued and one being handled", () => {
  const sc = useScenario();

  it("after the restart every message gets exactly one answer", async () => {
    const [stuck, waiting, other] = ["stuck", "waiting", "other"].map((name) => sc.user({ username: `kill_${name}` })) as [SimUser, SimUser, SimUser];
    // stuck's first reply never gets an answer from Telegram (nor is it
    // delivered), so that update is still being handled at the kill, and
    // stuck's later messages wait behind it (one chat is handled in order).
    sc.emu.faults.add({ method: "sendMessage", kind: "hang", chatId: stuck.id, times: 1 });
    stuck.send("/myid");
    await waitUntil(() => calls(sc, "sendMessage").some((c) => c.fault === "hang"), "the hung reply");
    stuck.send("/help");
    stuck.send("/myid");
    waiting.send("/myid");
    await waitUntil(() => sc.emu.pendingUpdateCount() === 0 && waiting.messages.length === 1, "the updates to be fetched");
    // waiting's /myid finished (its answer out and recorded): a kill between
    // the two would hand it over again after the restart, as it must.
    await sc.settled(waiting);
    assert.equal(stuck.messages.length, 0);
    sc.bot.kill("SIGKILL");
    await sc.bot.waitForExit();
    // Sent while the bot is down: still at Telegram's side.
    other.send("/myid");
    waiting.send("/help");

    await sc.startBot();
    await waitUntil(() => stuck.messages.length >= 3 && waiting.messages.length >= 2 && other.messages.length >= 1, "every answer");
    // Every update handled and confirmed to Telegram (none can come again): any second answer would be here by now.
    await sc.settled();
    await waitUntil(() => sc.emu.pendingUpdateCount() === 0, "every update to be confirmed");
    assert.deepEqual(
      stuck.messages.map((m) => (/Your Telegram id/.test(m.text ?? "") ? "myid" : /\/myid/.test(m.text ?? "") ? "help" : m.text)),
      ["myid", "help", "myid"],
      "in order, once each",
    );
    assert.equal(waiting.messages.length, 2);
    assert.equal(other.messages.length, 1);
    assert.equal(sc.emu.pendingUpdateCount(), 0);
    assert.deepEqual(sc.query("SELECT update_id FROM update_inbox"), [], "the inbox is empty once everything is handled");
  });
});
