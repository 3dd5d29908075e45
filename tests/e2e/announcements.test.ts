import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { wallClockAsUtc } from "../../src/time.js";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { useScenario, type Scenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { sendAndWait, ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * Announcements to a chosen audience, with {name} and {username}, now or at
 * a chosen moment (issue 16), against the real process.
 */

const ZONE = "Europe/Moscow";

/** "30.11.2026 18:30:05": the moment `ms` as an admin in ZONE writes it, with seconds. */
function moscow(ms: number): string {
  const iso = new Date(wallClockAsUtc(ms, ZONE)).toISOString();
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

/** /broadcast TEXT, the audience chosen on the preview, sent; resolves with the summary. */
async function announce(sc: Scenario, text: string, audienceButton?: string, organisers = false): Promise<BotMessage> {
  const control = await sc.ask(sc.founder, `/broadcast ${text}`, { expect: /Send it\?/ });
  let panel = control;
  if (audienceButton) panel = await sc.press(sc.founder, audienceButton, panel.message_id, { expect: /Send it\?/ });
  if (organisers) panel = await sc.press(sc.founder, "👥 Organisers too: no", panel.message_id, { expect: /Send it\?/ });
  const send = panel.reply_markup!.inline_keyboard.flat().find((b) => b.text.startsWith("✅ Send"))!;
  const since = sc.founder.messages.length;
  await sc.press(sc.founder, send.text, panel.message_id, { expect: /^📤 Delivery #\d+/ });
  return waitForSummary(sc, since);
}

const got = (user: SimUser, text: string) => user.messages.filter((m) => m.text === text).length;

describe("announcements to a chosen audience", () => {
  const sc = useScenario({ env: { TIME_ZONE: ZONE } });
  let anna: SimUser, boris: SimUser, carl: SimUser, dora: SimUser, eve: SimUser, steve: SimUser;
  let everyone: SimUser[];

  before(async () => {
    anna = sc.user({ username: "anna_a", firstName: "Anna" });
    boris = sc.user({ username: "boris_b", firstName: "Boris" });
    carl = sc.user({ username: "carl_c", firstName: "Carl" });
    dora = sc.user({ username: "dora_d", firstName: "Dora" });
    eve = sc.user({ username: "eve_e", firstName: "Eve" });
    steve = sc.user({ username: "steve_door", firstName: "Steve" });
    everyone = [anna, boris, carl, dora, eve];
    await sc.register(everyone, 1);
    await sc.ask(steve, "/myid");
    await sc.ask(sc.founder, `/add_staff ${steve.id}`, { expect: /door staff/ });
    // Dora blocks the bot (Telegram tells the bot at once): she is left out of every announcement.
    dora.block();
    await sc.settled(dora);
    const first = await announce(sc, "Welcome, everyone");
    assert.match(first.text!, /✅ 4 messages sent\n❌ 0 messages not delivered/);
    assert.equal(got(dora, "Welcome, everyone"), 0);
    // Two tickets for five: Anna and Boris get one, the others are left on the waiting list.
    await sc.ask(sc.founder, "/new_wave Main");
    await uploadZip(sc, sc.founder, makeZip(ticketPdfs(2, "aud")));
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 2 messages sent/);
    await sc.ask(sc.founder, "/checkin @boris_b", { expect: /Come in|checked in/i });
  });

  it("the preview counts each audience, shows who blocked the bot apart, and marks the choice", async () => {
    const control = await sc.ask(sc.founder, "/broadcast Counting", { expect: /Send it\?/ });
    assert.match(control.text!, /^⬆️ This is how the announcement looks\.\nTo: everyone — 4 participants\.\n1 more person has blocked the bot: the announcement will not reach them\.\nSend it\?$/);
    assert.ok(control.reply_markup!.inline_keyboard.flat().some((b) => b.text === "✓ everyone"));
    const waiting = await sc.press(sc.founder, "the waiting list", control.message_id, { expect: /Send it\?/ });
    assert.match(waiting.text!, /To: the waiting list — 2 participants\.\n1 more person has blocked the bot/);
    const withOrganisers = await sc.press(sc.founder, "👥 Organisers too: no", control.message_id, { expect: /Send it\?/ });
    assert.match(withOrganisers.text!, /To: the waiting list — 2 participants and 2 organisers\./);
    assert.ok(withOrganisers.reply_markup!.inline_keyboard.flat().some((b) => b.text === "✅ Send to 4 people"));
    await sc.press(sc.founder, "❌ Cancel", control.message_id, { expect: /Cancelled/ });
  });

  it("each audience reaches exactly its people, never someone who blocked the bot", async () => {
    const cases: Array<[string, string | undefined, SimUser[]]> = [
      ["For everyone", undefined, [anna, boris, carl, eve]],
      ["For ticket holders", "with a ticket", [anna, boris]],
      ["For those without a ticket", "without a ticket", [carl, eve]],
      ["Not inside yet", "not checked in yet", [anna]],
      ["On the waiting list", "the waiting list", [carl, eve]],
    ];
    for (const [text, button, expected] of cases) {
      const summary = await announce(sc, text, button);
      assert.match(summary.text!, new RegExp(`✅ ${expected.length} messages? sent\\n❌ 0 messages not delivered`), text);
      for (const person of [...everyone, steve]) {
        const should = expected.includes(person) ? 1 : 0;
        assert.equal(got(person, text), should, `${text} → @${person.username}`);
      }
      assert.equal(got(sc.founder, text), 1, "the owner saw the preview only");
    }
    // Organisers too: the owner and the door staff get it besides the audience.
    await announce(sc, "Staff briefing at 17:00", "with a ticket", true);
    for (const person of [anna, boris, steve]) assert.equal(got(person, "Staff briefing at 17:00"), 1, `@${person.username}`);
    assert.equal(got(sc.founder, "Staff briefing at 17:00"), 2, "the owner: the preview and the announcement");
    for (const person of [carl, dora, eve]) assert.equal(got(person, "Staff briefing at 17:00"), 0, `@${person.username}`);
  });

  it("{name} and {username} become each recipient's own, formatting kept; the preview shows the admin's", async () => {
    const control = await sc.ask(sc.founder, "/broadcast Hi {name}, your login is {username}", { expect: /Send it\?/ });
    const preview = sc.founder.messages[control.index - 1]!;
    assert.equal(preview.text, "Hi Olga, your login is @founder");
    assert.match(control.text!, /\{name\} and \{username\} become each recipient's first name and @username/);
    const since = sc.founder.messages.length;
    await sc.press(sc.founder, "✅ Send to 4 people", control.message_id, { expect: /^📤 Delivery #\d+/ });
    await waitForSummary(sc, since);
    assert.equal(got(anna, "Hi Anna, your login is @anna_a"), 1);
    assert.equal(got(eve, "Hi Eve, your login is @eve_e"), 1);
  });
});

describe("scheduled announcements", () => {
  const sc = useScenario({ env: { TIME_ZONE: ZONE } });
  let people: SimUser[];

  before(async () => {
    people = [sc.user({ username: "pia_p", firstName: "Pia" }), sc.user({ username: "quinn_q", firstName: "Quinn" })];
    await sc.register(people, 1);
  });

  /** /broadcast TEXT, 🕒 Later, and the moment typed: resolves with the bot's answer to it. */
  async function schedule(text: string, when: string, expect: RegExp): Promise<BotMessage> {
    const control = await sc.ask(sc.founder, `/broadcast ${text}`, { expect: /Send it\?/ });
    const question = await sc.press(sc.founder, "🕒 Later", control.message_id, { expect: /When should the announcement go\?/ });
    assert.match(question.text!, /Europe\/Moscow: 18:30 \(today\), 01\.12 18:30 or 01\.12\.2026 18:30/);
    return sc.ask(sc.founder, when, { expect });
  }

  it("refuses a moment in the past clearly and asks again; /cancel leaves the draft", async () => {
    const refused = await schedule("Too late", "01.01.2020 10:00", /has passed/);
    assert.match(refused.text!, /^That time has passed: it is \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} now \(Europe\/Moscow\)\./);
    assert.match((await sc.ask(sc.founder, "someday")).text!, /did not understand the time/);
    assert.match((await sc.ask(sc.founder, "/cancel")).text!, /not scheduled/);
    assert.equal(sc.query("SELECT * FROM broadcasts WHERE status = 'scheduled'").length, 0);
  });

  it("starts within 5 s of its moment, once, through the same delivery engine; /scheduled lists it before", async () => {
    const at = Date.now() + 7_000;
    const answer = await schedule("Doors open in one hour", moscow(at), /is scheduled for/);
    assert.match(answer.text!, new RegExp(`^🕒 The announcement “Doors open in one hour” is scheduled for ${moscow(at).slice(0, 16).replace(/\./g, "\\.")} \\(Europe/Moscow\\)\\.\\nTo: everyone — 2 participants\\.`));
    const list = await sc.ask(sc.founder, "/scheduled");
    assert.match(list.text!, /^🕒 1 scheduled announcement \(times in Europe\/Moscow\):\n\n• .* — “Doors open in one hour” · everyone, 2 recipients as of now$/);
    assert.equal(list.reply_markup!.inline_keyboard.flat().length, 1);

    await waitUntil(() => people.every((p) => got(p, "Doors open in one hour") === 1), "the scheduled announcement delivered", { timeoutMs: 20_000 });
    const scheduledAt = Math.floor(at / 1000) * 1000;
    for (const person of people) {
      const message = person.messages.find((m) => m.text === "Doors open in one hour")!;
      assert.ok(message.receivedAt >= scheduledAt, "not before its moment");
      assert.ok(message.receivedAt - scheduledAt < 5_000, `within 5 s of its moment (${message.receivedAt - scheduledAt} ms)`);
    }
    await sc.founder.waitForText(/^⏰ The scheduled announcement “Doors open in one hour” is going out: delivery #\d+ for 2 recipients\.$/);
    await sleep(1500);
    for (const person of people) assert.equal(got(person, "Doors open in one hour"), 1, "once");
    assert.match((await sc.ask(sc.founder, "/scheduled")).text!, /No announcement is scheduled/);
  });

  it("a cancelled one is never sent", async () => {
    const at = Date.now() + 6_000;
    await schedule("Cancelled news", moscow(at), /is scheduled for/);
    const list = await sc.ask(sc.founder, "/scheduled");
    const button = list.reply_markup!.inline_keyboard.flat()[0]!;
    assert.match(button.text, /^❌ Cancel: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    const after = await sc.press(sc.founder, button.text, list.message_id, { expect: /No announcement is scheduled/ });
    assert.equal(after.reply_markup?.inline_keyboard.flat().length ?? 0, 0);
    await waitUntil(() => Date.now() > at + 3_000, "its moment passed", { timeoutMs: 15_000 });
    for (const person of people) assert.equal(got(person, "Cancelled news"), 0);
  });

  it("one due while the bot was down is sent once at start-up, and the admin hears how late it is", async () => {
    const at = Date.now() + 6_000;
    await schedule("Sent after the outage", moscow(at), /is scheduled for/);
    sc.bot.kill("SIGKILL");
    await sc.bot.waitForExit();
    await waitUntil(() => Date.now() > at + 7_000, "its moment passed while the bot was down", { timeoutMs: 20_000 });
    assert.equal(got(people[0]!, "Sent after the outage"), 0);
    const since = sc.founder.messages.length;
    await sc.startBot();
    const late = await sc.founder.waitFor((m) => /^⏰ The announcement “Sent after the outage” was scheduled for/.test(m.text ?? ""), { since, timeoutMs: 20_000 });
    assert.match(late.text!, /but the bot was not running then\. Sending it now, \d+(\.\d)? s late: delivery #\d+ for 2 recipients\./);
    await waitUntil(() => people.every((p) => got(p, "Sent after the outage") === 1), "delivered after the restart", { timeoutMs: 20_000 });
    await sc.restartBot();
    await sleep(2000);
    for (const person of people) assert.equal(got(person, "Sent after the outage"), 1, "once, also after another restart");
  });
});
