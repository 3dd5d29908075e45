import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { useScenario } from "../support/harness.js";
import { assertExactlyOnce, ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * Confirm and send in one step: the import's answer offers "✔️ Confirm the
 * wave", and Send on a wave not confirmed yet asks "Send N tickets to M
 * participants?" once — each button acts once, on what its own message said.
 */

/** The callback data of a button on a message, to press it again after it is gone (a double press, a replay). */
function buttonData(message: BotMessage, label: string): string {
  const button = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label);
  assert.ok(button && "callback_data" in button, `no button “${label}” on: ${message.text}`);
  return button.callback_data;
}

const labels = (m: BotMessage): string[] => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

describe("confirm and send in one step", () => {
  const sc = useScenario();
  let people: SimUser[];

  const jobs = () => sc.query<{ id: number }>("SELECT id FROM jobs WHERE kind = 'tickets' AND notice IS NULL ORDER BY id");
  const waveStatus = (name: string) => sc.query<{ status: string }>("SELECT status FROM waves WHERE name = ?", name)[0]!.status;

  before(async () => {
    people = Array.from({ length: 3 }, (_, i) => sc.user({ username: `ask_${i}` }));
    await sc.register(people);
  });

  it("Send on a wave not confirmed yet asks once; 📤 confirms and starts the delivery; a double press starts one", async () => {
    await sc.ask(sc.founder, "/new_wave One");
    const tickets = ticketPdfs(3, "one");
    await uploadZip(sc, sc.founder, makeZip(tickets));
    const question = await sc.ask(sc.founder, "/send_tickets");
    assert.equal(
      question.text,
      "Wave “One” is not confirmed yet: the 📤 Send button confirms it and starts the delivery at once.\nSend 3 tickets to 3 participants?",
    );
    assert.deepEqual(labels(question), ["📤 Send", "Cancel"]);
    assert.equal(waveStatus("One"), "open", "asking changes nothing");

    const data = buttonData(question, "📤 Send");
    await sc.settled(sc.founder);
    const since = sc.founder.messages.length;
    sc.founder.pressRaw(data, question.message_id);
    sc.founder.pressRaw(data, question.message_id);
    const summary = await waitForSummary(sc, since);
    assert.match(summary.text!, /✅ 3 messages sent/);
    await sc.settled(sc.founder);
    const answers = sc.founder.messages.slice(since).map((m) => m.text ?? "");
    const [job] = jobs();
    assert.equal(jobs().length, 1, "one delivery");
    assert.equal(answers.filter((a) => a.startsWith(`Delivery #${job!.id}: tickets of wave “One” for 3 participants.`)).length, 1, answers.join("\n---\n"));
    assert.ok(answers.includes(`This button was already pressed: delivery #${job!.id} has started.`), answers.join("\n---\n"));
    assert.deepEqual(labels(sc.founder.messages.find((m) => m.message_id === question.message_id)!), [], "the question keeps its text, without buttons");
    assert.equal(sc.query("SELECT COUNT(*) AS n FROM waves WHERE name = 'One' AND confirmed_at IS NOT NULL")[0]!.n, 1, "confirmed on the way");
    assert.equal(waveStatus("One"), "confirmed");
    assertExactlyOnce(people, tickets, 0);
  });

  it("the import's answer offers ✔️ Confirm the wave: it confirms once, then asks to send", async () => {
    people.push(sc.user({ username: "ask_late" }));
    await sc.register(people.slice(3));
    const imported = await uploadZip(sc, sc.founder, makeZip(ticketPdfs(1, "late")), "/upload_zip_add");
    assert.match(imported.text!, /Loaded 1 ticket/);
    assert.deepEqual(labels(imported), ["✔️ Confirm the wave"]);
    const data = buttonData(imported, "✔️ Confirm the wave");

    const confirmed = await sc.press(sc.founder, "✔️ Confirm the wave", imported.message_id, { expect: /The wave is confirmed/ });
    assert.match(confirmed.text!, /^Wave “One”: 1 available ticket, 3 already sent; 1 participant has no ticket\.\nThe wave is confirmed\.\nSend 1 ticket to 1 participant\?$/);
    assert.deepEqual(labels(confirmed), ["📤 Send", "Cancel"]);
    const importNow = sc.founder.messages.find((m) => m.message_id === imported.message_id)!;
    assert.equal(importNow.text, imported.text, "the import's answer stays");
    assert.deepEqual(labels(importNow), [], "without its button");

    await sc.settled(sc.founder);
    const since = sc.founder.messages.length;
    sc.founder.pressRaw(data, imported.message_id);
    assert.equal((await sc.founder.waitFor(() => true, { since })).text, "Wave “One” was already confirmed with this button.");

    // Someone registers while the admin decides: the question's numbers are no longer true.
    people.push(sc.user({ username: "ask_later" }));
    await sc.register(people.slice(4));
    const asked = await sc.press(sc.founder, "📤 Send", confirmed.message_id, { expect: /numbers changed/ });
    assert.equal(
      asked.text,
      "The numbers changed while you were deciding.\n⚠️ Not enough tickets: 1 participant stays without one and goes on the waiting list. Add tickets: /upload_zip_add.\nSend 1 ticket to 2 participants?",
    );
    assert.equal(jobs().length, 1, "nothing started on the old numbers");
    const sendSince = sc.founder.messages.length;
    await sc.press(sc.founder, "📤 Send", asked.message_id, { expect: /^Delivery #\d+: tickets of wave “One” for 2 participants/ });
    assert.match((await waitForSummary(sc, sendSince)).text!, /✅ 1 message sent/);
    assert.equal(jobs().length, 2);
  });

  it("the ZIP sent after /upload_zip carries the button too", async () => {
    await sc.ask(sc.founder, "/upload_zip_add", { expect: /Send me the ZIP/ });
    const since = sc.founder.messages.length;
    sc.founder.sendDocument(makeZip(ticketPdfs(1, "dialog")), "more.zip", { mimeType: "application/zip" });
    const imported = await sc.founder.waitFor((m) => /Loaded/.test(m.text ?? ""), { since, timeoutMs: 30_000 });
    assert.deepEqual(labels(imported), ["✔️ Confirm the wave"]);
  });

  it("a question whose wave has ended is refused, and starts nothing", async () => {
    await sc.ask(sc.founder, "/new_wave Two", { expect: /and open “Two”\?/ }).then((m) => sc.press(sc.founder, "End it and open the new wave", m.message_id));
    await sc.settled(sc.founder);
    await uploadZip(sc, sc.founder, makeZip(ticketPdfs(2, "two")));
    const question = await sc.ask(sc.founder, "/send_tickets", { expect: /Send 2 tickets to 5 participants\?/ });
    const ending = await sc.ask(sc.founder, "/end_wave");
    await sc.press(sc.founder, "End the wave", ending.message_id);
    const answer = await sc.press(sc.founder, "📤 Send", question.message_id, { expect: /This button is no longer valid/ });
    assert.doesNotMatch(answer.text!, /^Delivery/);
    assert.equal(sc.query("SELECT COUNT(*) AS n FROM jobs j JOIN waves w ON w.id = j.ref_id WHERE j.kind = 'tickets' AND w.name = 'Two'")[0]!.n, 0);
  });
});

describe("kill -9 right after the send question was answered", () => {
  const sc = useScenario();

  it("the press is handled again after the restart: it tells which delivery it started, and starts no other", async () => {
    const people = Array.from({ length: 3 }, (_, i) => sc.user({ username: `crash_ask_${i}` }));
    await sc.register(people);
    await sc.ask(sc.founder, "/new_wave Crash");
    const tickets = ticketPdfs(3, "crash");
    await uploadZip(sc, sc.founder, makeZip(tickets));
    const question = await sc.ask(sc.founder, "/send_tickets", { expect: /Send 3 tickets to 3 participants\?/ });

    await sc.restartBot({ BOT_FAILPOINT: "send-question:committed" });
    const since = sc.founder.messages.length;
    sc.founder.press("📤 Send", { messageId: question.message_id });
    assert.equal((await sc.bot.waitForExit(60_000)).signal, "SIGKILL");
    const [job] = sc.query<{ id: number; status: string }>("SELECT id, status FROM jobs WHERE kind = 'tickets'");
    assert.equal(job!.status, "queued", "committed: the wave confirmed and its delivery queued");

    await sc.startBot();
    const told = await sc.founder.waitFor((m) => /already pressed/.test(m.text ?? ""), { since, timeoutMs: 30_000 });
    assert.equal(told.text, `This button was already pressed: delivery #${job!.id} has started.`);
    assert.match((await waitForSummary(sc, since)).text!, /✅ 3 messages sent/);
    assert.equal(sc.query("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'tickets'")[0]!.n, 1);
    assertExactlyOnce(people, tickets, 0);
  });
});
