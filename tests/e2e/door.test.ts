import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { COMMANDS } from "../../src/bot/commands.js";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { readSheets, useScenario } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { waitUntil } from "../support/wait.js";
import { sendAndWait, sha256, ticketPdfs, uploadZip } from "../support/waves.js";

/**
 * The event day against the real process: passes as QR images, scanning by
 * door staff, manual check-in and undo, the person card, reissue, /door and
 * the Check-ins sheet.
 */

const PASS_LINK = /^https:\/\/t\.me\/test_ticket_bot\?start=(pass_[0-9a-f]{32})$/;

describe("the event day: passes, the door, the person card, reissue", () => {
  const sc = useScenario();
  let people: SimUser[];
  let steward: SimUser;
  let second: SimUser;
  const passes = new Map<number, string>();

  /** The participant's pass via /pass: the QR image decoded to its deep link. */
  async function passOf(who: SimUser): Promise<string> {
    const since = who.messages.length;
    who.send("/pass");
    const photo = await who.waitFor((m) => m.photo !== undefined, { since });
    assert.match(photo.caption!, /Entry pass: .* · wave “Door”/);
    const link = decodeQr(who.download(photo));
    const code = PASS_LINK.exec(link ?? "")?.[1];
    assert.ok(code, `the QR image decodes to the deep link: ${link}`);
    return code;
  }

  /** A door steward opens the pass link: Telegram sends /start <pass> from their account. */
  async function scan(who: SimUser, code: string): Promise<BotMessage> {
    return sc.ask(who, `/start ${code}`);
  }

  before(async () => {
    people = ["dora_door", "pavel_pass", "rita_reissue", "manu_manual"].map((username, i) => sc.user({ username, firstName: ["Dora", "Павел", "Rita", "Manu"][i]! }));
    await sc.register(people);
    await sc.ask(sc.founder, "/new_wave Door");
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(6, "door")))).text!, /Loaded 6 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 4 messages sent/);
    steward = sc.user({ username: "steward_one", firstName: "Stefan" });
    second = sc.user({ username: "steward_two", firstName: "Sofia" });
    for (const s of [steward, second]) {
      await sc.ask(s, "/myid");
      assert.match((await sc.ask(sc.founder, `/add_staff ${s.id}`)).text!, /is now door staff/);
    }
  });

  it("the participant's pass is a QR image of the deep link, from /pass and from the button on the ticket", async () => {
    const dora = people[0]!;
    const code = await passOf(dora);
    passes.set(dora.id, code);
    const ticket = dora.documents()[0]!;
    const button = ticket.reply_markup!.inline_keyboard.flat().find((b) => b.text === "🎫 Entry pass");
    assert.ok(button && "callback_data" in button, "the ticket document carries the pass button");
    const since = dora.messages.length;
    dora.press("🎫 Entry pass", { messageId: ticket.message_id });
    const photo = await dora.waitFor((m) => m.photo !== undefined, { since });
    assert.equal(decodeQr(dora.download(photo)), `https://t.me/test_ticket_bot?start=${code}`);
    assert.ok(!sc.query<{ code: string }>("SELECT code FROM passes").some((p) => p.code.length === 22), "never the shape of an invite code");
  });

  it("scanned by door staff: ✅ the first time, ⛔ already inside the second, nothing recorded twice", async () => {
    const dora = people[0]!;
    const first = await scan(steward, passes.get(dora.id)!);
    assert.match(first.text!, /^✅ Come in: Dora, @dora_door \(\d+\)\nTicket: ticket-door-\d{4}\.pdf · wave “Door”$/);
    const again = await scan(second, passes.get(dora.id)!);
    assert.match(again.text!, /^⛔ Already inside since \d{2}:\d{2} \(checked in by @steward_one \(\d+\)\): Dora/);
    assert.equal(sc.query("SELECT * FROM checkins WHERE user_id = ?", dora.id).length, 1);
  });

  it("two door staff scanning one pass at the same moment: exactly one ✅", async () => {
    const pavel = people[1]!;
    const code = await passOf(pavel);
    const marks = [steward, second].map((s) => s.messages.length);
    steward.send(`/start ${code}`);
    second.send(`/start ${code}`);
    const answers = await Promise.all([steward, second].map((s, i) => s.waitFor(() => true, { since: marks[i]! })));
    const texts = answers.map((a) => a.text!);
    assert.equal(texts.filter((t) => t.startsWith("✅")).length, 1, texts.join(" | "));
    assert.equal(texts.filter((t) => t.startsWith("⛔")).length, 1, texts.join(" | "));
    assert.equal(sc.query("SELECT * FROM checkins WHERE user_id = ? AND undone_at IS NULL", pavel.id).length, 1);
  });

  it("a participant or a stranger opening a pass link is refused and logged, and nothing is checked in", async () => {
    const rita = people[2]!;
    const code = await passOf(rita);
    passes.set(rita.id, code);
    const stranger = sc.user({ username: "curious_cat" });
    for (const who of [rita, people[3]!, stranger]) {
      const before = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM security_log")[0]!.n;
      assert.equal((await scan(who, code)).text, "This command is not available to you.");
      const [event] = sc.query<{ user_id: number; action: string }>("SELECT user_id, action FROM security_log ORDER BY id DESC LIMIT 1");
      assert.deepEqual(event, { user_id: who.id, action: "pass scan" });
      assert.equal(sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM security_log")[0]!.n, before + 1);
    }
    assert.equal(sc.query("SELECT * FROM checkins WHERE user_id = ?", rita.id).length, 0);
  });

  it("reissue: the old pass is ❌, the new ticket's pass is ✅, the old file is never delivered again", async () => {
    const rita = people[2]!;
    const oldCode = passes.get(rita.id)!;
    const oldHash = sha256(rita.download(rita.documents()[0]!));
    const question = await sc.ask(sc.founder, "/reissue @rita_reissue");
    assert.match(question.text!, /Reissue the ticket of Rita, @rita_reissue \(\d+\)\?/);
    const since = rita.messages.length;
    const done = await sc.press(sc.founder, "🔁 Reissue", question.message_id);
    assert.match(done.text!, /is revoked\. Rita, @rita_reissue \(\d+\) gets a new one: ticket-door-\d{4}\.pdf/);
    const fresh = await rita.waitFor((m) => m.document !== undefined, { since, timeoutMs: 30_000 });
    assert.notEqual(sha256(rita.download(fresh)), oldHash);
    // The bot records the send once Telegram has answered it (tens of ms after the person sees the
    // document); a person asking for the pass is slower than that, a test is not.
    const recorded = () => sc.query("SELECT id FROM tickets WHERE user_id = ? AND status = 'sent'", rita.id).length === 1;
    await waitUntil(recorded, "the new ticket recorded as sent");
    assert.match((await scan(steward, oldCode)).text!, /^❌ Not valid: the ticket was reissued/);
    const newCode = await passOf(rita);
    assert.notEqual(newCode, oldCode);
    assert.match((await scan(steward, newCode)).text!, /^✅ Come in: Rita/);
    // The old file goes to nobody: not to a newcomer served by the next /send_tickets either.
    const newcomer = sc.user({ username: "late_lara" });
    await sc.register([newcomer]);
    await sendAndWait(sc);
    const everyone = [...people, newcomer];
    const holders = everyone.filter((u) => u.documents().some((m) => sha256(u.download(m)) === oldHash)).map((u) => u.id);
    assert.deepEqual(holders, [rita.id]);
  });

  it("manual check-in by @username, by ticket file name, and undo (audited)", async () => {
    const manu = people[3]!;
    assert.match((await sc.ask(steward, "/checkin @manu_manual")).text!, /^✅ Come in: Manu/);
    assert.match((await sc.ask(steward, "/checkin @manu_manual")).text!, /^⛔ Already inside/);
    assert.equal((await sc.ask(steward, "/checkin_undo @manu_manual")).text, "This command is not available to you.", "undo is for admins");
    assert.match((await sc.ask(sc.founder, "/checkin_undo @manu_manual")).text!, /check-in of @manu_manual \(\d+\) is undone/);
    const file = manu.documents()[0]!.document!.file_name!;
    assert.match((await sc.ask(steward, `/checkin ${file}`)).text!, /^✅ Come in: Manu/);
    assert.match((await sc.ask(steward, "/checkin nobody.pdf")).text!, /^❌ Not valid: there is no such pass/);
    assert.ok(sc.query("SELECT * FROM audit_log WHERE action = 'checkin_undo'").length === 1);
  });

  it("/find by username, id and ticket file name shows the person card; door staff get it without buttons", async () => {
    const dora = people[0]!;
    const byName = await sc.ask(sc.founder, "/find @dora_door");
    assert.match(byName.text!, /^👤 Dora, @dora_door \(\d+\)\nparticipant\n/);
    assert.match(byName.text!, /• “Door”: ticket-door-\d{4}\.pdf — sent/);
    assert.match(byName.text!, /✅ Inside since \d{2}:\d{2} \(checked in by @steward_one/);
    assert.deepEqual(byName.reply_markup!.inline_keyboard.flat().map((b) => b.text), ["🎫 Send the ticket again", "💬 Chat log", "🔁 Reissue the ticket"]);
    assert.equal((await sc.ask(sc.founder, `/find ${dora.id}`)).text, byName.text);
    assert.equal((await sc.ask(sc.founder, `/find ${dora.documents()[0]!.document!.file_name}`)).text, byName.text);
    const asStaff = await sc.ask(steward, "/find @dora_door");
    assert.equal(asStaff.text, byName.text);
    assert.equal(asStaff.reply_markup, undefined);
  });

  it("door staff may use only their commands: every admin command is refused and logged", async () => {
    const mine = new Set(["start", "help", "myid", "cancel", "checkin", "find", "door"]);
    for (const spec of COMMANDS.filter((c) => !mine.has(c.name) && c.audience !== "participant")) {
      assert.equal((await sc.ask(second, `/${spec.name}`)).text, "This command is not available to you.", spec.name);
    }
    for (const name of ["ticket", "pass"]) assert.match((await sc.ask(second, `/${name}`)).text!, /registered participants/, name);
    const scoped = sc.emu.commands({ type: "chat", chat_id: second.id }, "en").map((c) => c.command).sort();
    assert.deepEqual(scoped, ["cancel", "checkin", "door", "find", "help", "myid", "start"]);
  });

  it("/door counts who is in; the Check-ins sheet of /full_report reads back cell by cell", async () => {
    const door = await sc.ask(steward, "/door");
    const inside = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM checkins WHERE undone_at IS NULL")[0]!.n;
    const refused = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM door_log WHERE result IN ('invalid', 'not_allowed')")[0]!.n;
    assert.equal(refused, 5, "three people who are not door staff, the reissued pass, an unknown file");
    assert.match(door.text!, new RegExp(`^🚪 Inside: ${inside} of 5 ticket holders\\.\\n❌ ${refused} refusals? at the door in the last hour\\.`));
    const since = sc.founder.messages.length;
    sc.founder.send("/full_report");
    const report = await sc.founder.waitFor((m) => m.document !== undefined, { since, timeoutMs: 30_000 });
    const sheets = await readSheets(sc.founder.download(report));
    const checkins = sheets.get("Check-ins")!;
    assert.deepEqual(checkins[0], ["Time (UTC)", "Telegram id", "Participant", "File", "How", "Checked in by", "Undone (UTC)", "Undone by"]);
    const rows = sc.query<{ user_id: number; method: string; undone_at: number | null }>("SELECT user_id, method, undone_at FROM checkins ORDER BY id");
    assert.equal(checkins.length - 1, rows.length);
    for (const [i, row] of rows.entries()) {
      const cells = checkins[i + 1]!;
      assert.ok(cells[0] instanceof Date);
      assert.equal(cells[1], row.user_id);
      assert.equal(cells[4], row.method === "scan" ? "QR scan" : "by hand");
      assert.equal(cells[6] instanceof Date, row.undone_at !== null);
    }
    const staffSheet = sheets.get("Door staff")!;
    assert.deepEqual(staffSheet.slice(1).map((r) => r[0]).sort(), [steward.id, second.id].sort());
  });
});
