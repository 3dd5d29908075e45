import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BotMessage } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { readSheets, useScenario } from "../support/harness.js";
import { ticketPdfs, waitForSummary } from "../support/waves.js";

describe("the admin menu reaches every admin command by buttons", () => {
  const sc = useScenario();
  let menu: BotMessage;
  before(async () => {
    await sc.register([sc.user({ username: "m_one" }), sc.user({ username: "m_two" })]);
    menu = await sc.ask(sc.founder, "/menu");
  });

  /** Presses a button of the menu message and returns the next new message in the chat. */
  async function pressFor(label: string): Promise<BotMessage> {
    await sc.settled(sc.founder);
    const since = sc.founder.messages.length;
    sc.founder.press(label, { messageId: menu.message_id });
    return sc.founder.waitFor((m) => m.index >= since, { since });
  }

  it("shows the participants and that no wave is open", () => {
    assert.match(menu.text!, /Admin menu\. 2 participants\./);
    assert.match(menu.text!, /No wave is open/);
    const labels = menu.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    assert.deepEqual(labels, ["🎫 Wave", "📣 Announcement", "🎟 Invites", "👥 People", "📊 Reports", "📈 Overview", "🔄 Refresh"]);
  });

  it("runs a whole wave from the Wave submenu", async () => {
    await sc.press(sc.founder, "🎫 Wave", menu.message_id);
    assert.match((await pressFor("🆕 New wave")).text!, /Wave “Wave 1” is open/);
    assert.match((await pressFor("📦 Load a ZIP (replace available)")).text!, /Send me the ZIP/);
    const since = sc.founder.messages.length;
    sc.founder.sendDocument(makeZip(ticketPdfs(2, "menu")), "menu.zip");
    assert.match((await sc.founder.waitFor(() => true, { since })).text!, /Loaded 2 tickets/);
    assert.match((await pressFor("✔️ Confirm the wave")).text!, /2 available tickets/);
    const sendSince = sc.founder.messages.length;
    assert.match((await pressFor("📤 Send the tickets")).text!, /^Delivery #\d+: tickets of wave “Wave 1” for 2 participants\./);
    assert.match((await waitForSummary(sc, sendSince)).text!, /✅ 2 messages sent/);
    const list = await pressFor("🧾 All tickets");
    assert.equal((await readSheets(sc.founder.download(list))).get("Tickets")!.length, 3);
    await sc.press(sc.founder, "⬅️ Back", menu.message_id);
    const refreshed = await sc.press(sc.founder, "🔄 Refresh", menu.message_id);
    assert.match(refreshed.text!, /Wave “Wave 1”, sent: 0 available, 2 sent, 0 not delivered\./);
  });

  it("reaches reports, people and invites", async () => {
    await sc.press(sc.founder, "📊 Reports", menu.message_id);
    const report = await pressFor("📊 Full report");
    assert.ok(report.document?.file_name?.endsWith(".xlsx"), report.text);
    assert.ok((await pressFor("❗ Not delivered")).document);
    assert.match((await pressFor("💬 Chat log")).text!, /\/chatlog @username/);
    await sc.press(sc.founder, "⬅️ Back", menu.message_id);
    assert.match((await pressFor("📣 Announcement")).text!, /To send an announcement: \/broadcast and the text/);
    await sc.press(sc.founder, "👥 People", menu.message_id);
    assert.ok((await pressFor("People (Excel)")).document);
    assert.match((await pressFor("Admins")).text!, /\/add_admin/);
  });
});
