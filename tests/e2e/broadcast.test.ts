import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makePdf } from "../support/fixtures.js";
import { readSheets, Scenario, useScenario } from "../support/harness.js";

/** The control message that follows the preview. */
function control(sc: Scenario, since: number): Promise<BotMessage> {
  return sc.founder.waitFor((m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.text.startsWith("✅ Send to")) ?? false, { since });
}

function summary(sc: Scenario, since: number): Promise<BotMessage> {
  return sc.founder.waitFor((m) => /^Summary of delivery #\d+: announcement/.test(m.text ?? ""), { since, timeoutMs: 30_000 });
}

const broadcastJobs = (sc: Scenario): number => sc.query("SELECT id FROM jobs WHERE kind = 'broadcast'").length;

/** Messages a user got from the bot since `since` that are not replies to their own commands. */
const newMessages = (user: SimUser, since: number) => user.messages.slice(since);

describe("/broadcast (SPEC §6)", () => {
  const sc = useScenario();
  let people: SimUser[];
  let admin: SimUser;
  before(async () => {
    people = Array.from({ length: 4 }, (_, i) => sc.user({ username: `listener_${i}`, languageCode: i === 0 ? "ru" : "en" }));
    admin = sc.user({ username: "helper_admin" });
    await sc.register(people);
    await sc.ask(admin, "/start");
    await sc.ask(sc.founder, `/add_admin ${admin.id}`);
  });

  it("explains itself when there is nothing to send", async () => {
    assert.match((await sc.ask(sc.founder, "/broadcast")).text!, /To send an announcement: \/broadcast and the text/);
    assert.match((await sc.ask(sc.founder, "/broadcast     ")).text!, /To send an announcement: \/broadcast and the text/);
  });

  it("sends a formatted text to every participant exactly once, not to admins, after a preview", async () => {
    const jobs = broadcastJobs(sc);
    const marks = people.map((p) => p.messages.length);
    const adminMark = admin.messages.length;
    const since = sc.founder.messages.length;
    sc.founder.send("/broadcast Doors open at 19:00 — bring your ticket!", {
      entities: [{ type: "bold", offset: 11, length: 15 }],
    });
    const preview = await sc.founder.waitFor((m) => m.text?.startsWith("Doors open") ?? false, { since });
    assert.equal(preview.text, "Doors open at 19:00 — bring your ticket!");
    assert.deepEqual(preview.entities, [{ type: "bold", offset: 0, length: 15 }], "formatting kept and shifted past the command");
    const panel = await control(sc, since);
    assert.match(panel.text!, /^⬆️ This is how the announcement looks\.\nTo: everyone — 4 participants\.\nSend it\?$/);
    // The /broadcast is handled and has queued no job (a broadcast only goes out as one): nothing can be on its way.
    await sc.settled(sc.founder);
    assert.equal(broadcastJobs(sc), jobs, "no job before the confirmation");
    for (const [i, p] of people.entries()) assert.equal(newMessages(p, marks[i]!).length, 0, "nothing goes out before the confirmation");

    const done = summary(sc, since);
    sc.founder.press("✅ Send to 4 people", { messageId: panel.message_id });
    assert.match((await done).text!, /✅ 4 messages sent/);
    for (const [i, p] of people.entries()) {
      const got = newMessages(p, marks[i]!);
      assert.equal(got.length, 1, `${p.username} got it once`);
      assert.equal(got[0]!.text, "Doors open at 19:00 — bring your ticket!");
      assert.deepEqual(got[0]!.entities, [{ type: "bold", offset: 0, length: 15 }]);
    }
    assert.equal(newMessages(admin, adminMark).filter((m) => m.text?.startsWith("Doors open")).length, 0, "admins are not included by default");
  });

  it("copies a photo sent with the caption /broadcast, caption replaced by the rest", async () => {
    const marks = people.map((p) => p.messages.length);
    const since = sc.founder.messages.length;
    sc.founder.sendPhoto(makePdf("pretend this is a JPEG"), { caption: "/broadcast The hall plan" });
    const preview = await sc.founder.waitFor((m) => m.photo !== undefined, { since });
    assert.equal(preview.caption, "The hall plan");
    const panel = await control(sc, since);
    const done = summary(sc, since);
    sc.founder.press(panel.reply_markup!.inline_keyboard[0]![0]!.text, { messageId: panel.message_id });
    assert.match((await done).text!, /✅ 4 messages sent/);
    for (const [i, p] of people.entries()) {
      const got = newMessages(p, marks[i]!);
      assert.equal(got.length, 1);
      assert.ok(got[0]!.photo, "a photo");
      assert.equal(got[0]!.caption, "The hall plan");
    }
  });

  it("copies the message an admin replies /broadcast to, and can include admins", async () => {
    const original = sc.founder.sendDocument(makePdf("programme"), "programme.pdf", { caption: "Programme, final" });
    await sc.settled(sc.founder);
    const marks = people.map((p) => p.messages.length);
    const adminMark = admin.messages.length;
    const founderMark = sc.founder.messages.length;
    sc.founder.send("/broadcast", { replyTo: original.message_id });
    const panel = await control(sc, founderMark);
    const toggled = await sc.press(sc.founder, "👥 Organisers too: no", panel.message_id);
    assert.match(toggled.text!, /To: everyone — 4 participants and 2 organisers\./);
    const done = summary(sc, founderMark);
    sc.founder.press("✅ Send to 6 people", { messageId: panel.message_id });
    assert.match((await done).text!, /✅ 6 messages sent/);
    for (const [i, p] of people.entries()) {
      const got = newMessages(p, marks[i]!);
      assert.equal(got.length, 1);
      assert.equal(got[0]!.document!.file_name, "programme.pdf");
      assert.equal(got[0]!.caption, "Programme, final");
    }
    assert.equal(newMessages(admin, adminMark).filter((m) => m.document?.file_name === "programme.pdf").length, 1);
  });

  it("sends nothing when cancelled at the preview", async () => {
    const marks = people.map((p) => p.messages.length);
    const since = sc.founder.messages.length;
    sc.founder.send("/broadcast This must never arrive");
    const panel = await control(sc, since);
    const sendButton = panel.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string };
    const cancelled = await sc.press(sc.founder, "❌ Cancel", panel.message_id);
    assert.equal(cancelled.text, "Cancelled, nothing was sent.");
    // A stale press of Send afterwards does nothing either.
    const queryId = sc.founder.pressRaw(sendButton.callback_data, panel.message_id);
    await sc.founder.waitForCallbackAnswer(queryId);
    // The press is handled and no job was queued for this preview (a broadcast only goes out as one): nothing can be on its way.
    await sc.settled(sc.founder);
    assert.equal(sc.query("SELECT * FROM jobs WHERE kind = 'broadcast'").length, 3);
    for (const [i, p] of people.entries()) assert.equal(newMessages(p, marks[i]!).length, 0);
  });

  it("/cancel drops a preview that waits for confirmation", async () => {
    const since = sc.founder.messages.length;
    sc.founder.send("/broadcast Not this one either");
    const panel = await control(sc, since);
    assert.equal((await sc.ask(sc.founder, "/cancel")).text, "Cancelled.");
    const queryId = sc.founder.press(panel.reply_markup!.inline_keyboard[0]![0]!.text, { messageId: panel.message_id });
    assert.match((await sc.founder.waitForCallbackAnswer(queryId)).text!, /no longer waiting/);
  });

  it("leaves out who blocked the bot, and records one Telegram refuses in /failed_report", async () => {
    people[3]!.block();
    await sc.settled(people[3]);
    // Telegram refuses the message to people[2] as if they had blocked the bot unnoticed.
    sc.emu.faults.add({ method: "sendMessage", chatId: people[2]!.id, kind: "error", status: 403, description: "Forbidden: bot was blocked by the user", times: 1 });
    const since = sc.founder.messages.length;
    sc.founder.send("/broadcast Last call");
    const panel = await control(sc, since);
    assert.match(panel.text!, /To: everyone — 3 participants\.\n1 more person has blocked the bot: the announcement will not reach them\./);
    const done = summary(sc, since);
    sc.founder.press(panel.reply_markup!.inline_keyboard[0]![0]!.text, { messageId: panel.message_id });
    const text = (await done).text!;
    assert.match(text, /✅ 2 messages sent/);
    assert.match(text, /❌ 1 message not delivered/);
    assert.equal(people[3]!.messages.filter((m) => m.text === "Last call").length, 0);
    const report = await sc.ask(sc.founder, "/failed_report");
    const rows = (await readSheets(sc.founder.download(report))).get("Not delivered")!;
    const row = rows.find((r) => r[0] === people[2]!.id)!;
    assert.match(String(row[2]), /^announcement “Last call” \(delivery #\d+\)$/);
    assert.equal(row[3], "blocked the bot");
  });
});
