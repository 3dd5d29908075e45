import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { readSheets, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/** Every button of a message, row after row. */
const labels = (m: BotMessage): string[] => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];

/** The buttons of the menu that do not depend on the wave. */
const ALWAYS = ["🎫 Wave", "📣 Announcements", "🎟 Invites", "👥 People", "📊 Reports", "📈 Overview", "🎉 The event", "🔄 Refresh"];

describe("the admin menu follows the wave's state", () => {
  // One ticket a second: a delivery lasts long enough to see the menu while it runs.
  const sc = useScenario({ env: { SEND_RATE_PER_SECOND: "1", SEND_CONCURRENCY: "1" } });
  let people: SimUser[];
  let menu: BotMessage;

  before(async () => {
    people = ["m_anna", "m_boris", "m_clara", "m_dora"].map((username) => sc.user({ username }));
    await sc.register(people);
    people[3]!.block();
    await waitUntil(() => sc.query("SELECT 1 FROM users WHERE id = ? AND blocked_at IS NOT NULL", people[3]!.id).length === 1, "the bot to learn of the block");
    menu = await sc.ask(sc.founder, "/menu");
  });

  /** The menu message as it is now, once the bot has handled everything the founder did. */
  async function current(): Promise<BotMessage> {
    await sc.settled(sc.founder);
    return sc.founder.messages.find((m) => m.message_id === menu.message_id)!;
  }

  /** Presses a button of the menu message; resolves when the bot has handled the press (the menu is redrawn by then). */
  async function pressMenu(label: string): Promise<BotMessage> {
    await sc.settled(sc.founder);
    const since = sc.founder.messages.length;
    sc.founder.press(label, { messageId: menu.message_id });
    await sc.settled(sc.founder);
    return sc.founder.messages[since] ?? (await current());
  }

  /** The Wave submenu's buttons, then back to the main menu. */
  async function waveSubmenu(): Promise<string[]> {
    await pressMenu("🎫 Wave");
    const shown = labels(await current());
    await pressMenu("⬅️ Back");
    return shown;
  }

  it("the heading counts participants the bot can reach, those who blocked it apart, invites and check-ins", async () => {
    const text = menu.text!;
    const count = (sql: string, ...params: unknown[]) => sc.query<{ n: number }>(sql, ...params)[0]!.n;
    const reachable = count("SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL AND blocked_at IS NULL");
    const blocked = count("SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL AND blocked_at IS NOT NULL");
    assert.deepEqual([reachable, blocked], [3, 1]);
    assert.equal(
      text,
      [
        "Admin menu",
        `👥 ${reachable} participants`,
        `🚫 ${blocked} more participant has blocked the bot`,
        `✉️ Invites: ${count("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NOT NULL")} used, 0 unused`,
        "🚪 0 participants checked in",
        "No wave is open: 🆕 New wave, or /new_wave [name].",
      ].join("\n"),
    );
  });

  it("no wave: only New wave", async () => {
    assert.deepEqual(labels(menu), ["🆕 New wave", ...ALWAYS]);
    assert.deepEqual(await waveSubmenu(), ["🆕 New wave", "⬅️ Back"]);
  });

  it("open without tickets: load them; the menu redraws itself after the action", async () => {
    const reply = await pressMenu("🆕 New wave");
    assert.match(reply.text!, /Wave “Wave 1” is open/);
    const redrawn = await current();
    assert.deepEqual(labels(redrawn), ["📦 Load a ZIP of tickets", ...ALWAYS]);
    assert.match(redrawn.text!, /👥 3 participants, 3 of them without a ticket/);
    assert.match(redrawn.text!, /🎫 Wave “Wave 1”, open: 0 available, 0 sent, 0 not delivered\./);
    assert.deepEqual(await waveSubmenu(), ["📦 Load a ZIP of tickets", "🏁 End the wave", "🆕 New wave", "⬅️ Back"]);
  });

  it("open with tickets: confirm, or send (which asks first)", async () => {
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(3, "menu")))).text!, /Loaded 3 tickets/);
    await pressMenu("🔄 Refresh");
    assert.deepEqual(labels(await current()), ["✔️ Confirm the wave", "📤 Send the tickets", ...ALWAYS]);
    assert.deepEqual(await waveSubmenu(), [
      "✔️ Confirm the wave",
      "📤 Send the tickets",
      "📦 Load a ZIP (replace available)",
      "➕ Add a ZIP",
      "🏁 End the wave",
      "🆕 New wave",
      "🧾 All tickets",
      "⬅️ Back",
    ]);
    const question = await pressMenu("📤 Send the tickets");
    assert.match(question.text!, /^Wave “Wave 1” is not confirmed yet[^\n]*\n⚠️ .*\nSend 3 tickets to 4 participants\?\n1 of them has blocked the bot/);
    assert.deepEqual(labels(question), ["📤 Send", "Cancel"]);
    await sc.press(sc.founder, "Cancel", question.message_id, { expect: /The delivery was not started/ });
    assert.equal(sc.query("SELECT status FROM waves")[0]!.status, "open", "nothing changed");
  });

  it("confirmed: send; while the tickets are being delivered: stop, and the list", async () => {
    const confirmed = await pressMenu("✔️ Confirm the wave");
    assert.match(confirmed.text!, /The wave is confirmed\.[\s\S]*Send 3 tickets to 4 participants\?/);
    assert.deepEqual(labels(await current()), ["📤 Send the tickets", ...ALWAYS]);
    assert.deepEqual(await waveSubmenu(), ["📤 Send the tickets", "📦 Load a ZIP (replace available)", "➕ Add a ZIP", "🏁 End the wave", "🆕 New wave", "🧾 All tickets", "⬅️ Back"]);

    // A confirmed wave starts at once, as /send_tickets always did.
    const since = sc.founder.messages.length;
    const started = await pressMenu("📤 Send the tickets");
    assert.match(started.text!, /^Delivery #(\d+): tickets of wave “Wave 1” for 4 participants/);
    const job = /#(\d+)/.exec(started.text!)![1]!;
    assert.deepEqual(labels(await current()), [`⏹ Stop delivery #${job}`, ...ALWAYS]);
    assert.deepEqual(await waveSubmenu(), [`⏹ Stop delivery #${job}`, "🧾 All tickets", "⬅️ Back"]);
    assert.match((await pressMenu(`⏹ Stop delivery #${job}`)).text!, /Stopping/);
    assert.match((await waitForSummary(sc, since)).text!, new RegExp(`Delivery #${job} was stopped by an admin`));
    await pressMenu("🔄 Refresh");
    assert.deepEqual(labels(await current()), ["📤 Send the tickets", ...ALWAYS], "confirmed again, and someone is still without a ticket");
  });

  it("a menu drawn for another state is redrawn, never acted on", async () => {
    const old = await sc.ask(sc.founder, "/menu");
    // The wave ends (through its own prompt), so the menu just drawn is out of date.
    const question = await sc.ask(sc.founder, "/end_wave");
    assert.match((await sc.press(sc.founder, "End the wave", question.message_id)).text!, /has ended/);
    await sc.settled(sc.founder);
    const before = sc.founder.messages.length;
    const id = sc.founder.press("📤 Send the tickets", { messageId: old.message_id });
    assert.equal((await sc.founder.waitForCallbackAnswer(id)).text, "The menu was out of date: here it is again.");
    await sc.settled(sc.founder);
    const redrawn = sc.founder.messages.find((m) => m.message_id === old.message_id)!;
    assert.deepEqual(labels(redrawn), ["🆕 New wave", ...ALWAYS]);
    assert.equal(sc.founder.messages.length, before, "no answer, nothing sent");
    assert.equal(sc.query("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'tickets' AND notice IS NULL")[0]!.n, 1, "no second delivery");
  });

  it("ended: a new wave, and the list of every ticket", async () => {
    await pressMenu("🔄 Refresh");
    assert.deepEqual(labels(await current()), ["🆕 New wave", ...ALWAYS]);
    assert.deepEqual(await waveSubmenu(), ["🆕 New wave", "🧾 All tickets", "⬅️ Back"]);
    await pressMenu("🎫 Wave");
    const since = sc.founder.messages.length;
    sc.founder.press("🧾 All tickets", { messageId: menu.message_id });
    const list = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    assert.equal((await readSheets(sc.founder.download(list))).get("Tickets")!.length, 4);
    await pressMenu("⬅️ Back");
  });
});

describe("the admin menu reaches the other admin commands by buttons", () => {
  const sc = useScenario();
  let menu: BotMessage;
  before(async () => {
    await sc.register([sc.user({ username: "r_one" }), sc.user({ username: "r_two" })]);
    menu = await sc.ask(sc.founder, "/menu");
  });

  /** Presses a button of the menu message and returns the next new message in the chat. */
  async function pressFor(label: string): Promise<BotMessage> {
    await sc.settled(sc.founder);
    const since = sc.founder.messages.length;
    sc.founder.press(label, { messageId: menu.message_id });
    return sc.founder.waitFor((m) => m.index >= since, { since });
  }

  it("reaches reports, announcements, the event, people and invites", async () => {
    await sc.press(sc.founder, "📊 Reports", menu.message_id);
    const report = await pressFor("📊 Full report");
    assert.ok(report.document?.file_name?.endsWith(".xlsx"), report.text);
    assert.ok((await pressFor("❗ Not delivered")).document);
    assert.match((await pressFor("💬 Chat log")).text!, /\/chatlog @username/);
    await sc.press(sc.founder, "⬅️ Back", menu.message_id);
    await sc.press(sc.founder, "📣 Announcements", menu.message_id);
    assert.match((await pressFor("✍️ How to send one")).text!, /To send an announcement: \/broadcast and the text/);
    assert.match((await pressFor("🕒 Scheduled")).text!, /No announcement is scheduled/);
    await sc.press(sc.founder, "⬅️ Back", menu.message_id);
    assert.match((await pressFor("🎉 The event")).text!, /\/event/);
    await sc.press(sc.founder, "👥 People", menu.message_id);
    assert.ok((await pressFor("People (Excel)")).document);
    assert.match((await pressFor("Admins")).text!, /\/add_admin/);
    await sc.press(sc.founder, "⬅️ Back", menu.message_id);
    await sc.press(sc.founder, "🎟 Invites", menu.message_id);
    assert.ok((await pressFor("Create 10")).document);
  });
});
