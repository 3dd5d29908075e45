import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { SimUser } from "../support/emulator/index.js";
import { loadWorkbook, readSheets, useScenario } from "../support/harness.js";

describe("admin commands (SPEC §4, §6)", () => {
  const sc = useScenario();
  let alice: SimUser;
  let boris: SimUser;
  before(async () => {
    alice = sc.user({ username: "alice", firstName: "Alice", lastName: "Liddell" });
    boris = sc.user({ username: "boris", firstName: "Борис", languageCode: "ru" });
    await sc.register([alice, boris]);
  });

  it("/gen_invites explains its arguments", async () => {
    for (const args of ["", " abc", " 0", " 100000", " 5.5", " 5 400"]) {
      const reply = await sc.ask(sc.founder, `/gen_invites${args}`);
      assert.match(reply.text!, /How to: \/gen_invites N \[days\] — N from 1 to 10,000/, args);
    }
  });

  it("/gen_invites N sends an .xlsx with codes and ready deep links", async () => {
    const since = sc.founder.messages.length;
    sc.founder.send("/gen_invites 3 7");
    const reply = await sc.founder.waitFor((m) => !!m.document, { since });
    assert.match(reply.document!.file_name!, /^invites-\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    assert.match(reply.caption!, /3 invite links, valid for 7 days/);
    const workbook = await loadWorkbook(sc.founder.download(reply));
    const sheet = workbook.getWorksheet("Invites")!;
    assert.equal(sheet.views[0]!.state, "frozen");
    assert.equal((sheet.views[0] as { ySplit: number }).ySplit, 1);
    assert.deepEqual(sheet.autoFilter, "A1:E1");
    const rows = (await readSheets(sc.founder.download(reply))).get("Invites")!;
    assert.deepEqual(rows[0], ["Code", "Invite link", "Created (UTC)", "Created by", "Expires (UTC)"]);
    assert.equal(rows.length, 4);
    for (const row of rows.slice(1)) {
      assert.match(String(row[0]), /^[A-Za-z0-9_-]{22}$/);
      assert.equal(row[1], `https://t.me/test_ticket_bot?start=${row[0]}`);
      assert.ok(row[2] instanceof Date);
      assert.equal(row[3], "@founder");
      assert.ok(row[4] instanceof Date && row[4].getTime() - (row[2] as Date).getTime() > 6.9 * 86_400_000);
    }
    const stored = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM invites WHERE code IN (?, ?, ?)", ...rows.slice(1).map((r) => r[0]));
    assert.equal(stored[0]!.n, 3);
  });

  it("/add_admin needs someone the bot knows, and founders only", async () => {
    assert.match((await sc.ask(sc.founder, "/add_admin")).text!, /How to: \/add_admin @username/);
    assert.match((await sc.ask(sc.founder, "/add_admin @no such")).text!, /I don't know @no|neither a @username/);
    assert.match((await sc.ask(sc.founder, "/add_admin @nobody_here")).text!, /I don't know @nobody_here/);
    assert.match((await sc.ask(sc.founder, "/add_admin 999999999")).text!, /I don't know 999999999/);
    assert.match((await sc.ask(sc.founder, "/add_admin !!!")).text!, /neither a @username nor a numeric Telegram id/);
    assert.match((await sc.ask(sc.founder, `/add_admin ${sc.founder.id}`)).text!, /is an owner of the bot/);

    const since = alice.messages.length;
    assert.match((await sc.ask(sc.founder, "/add_admin @alice")).text!, /@alice \(\d+\) is now an admin/);
    assert.match((await alice.waitFor(() => true, { since })).text!, /You are now an admin/);
    assert.match((await sc.ask(sc.founder, "/add_admin @ALICE")).text!, /already an admin/);
    const scoped = sc.emu.commands({ type: "chat", chat_id: alice.id }, "en").map((c) => c.command);
    assert.ok(scoped.includes("export_users") && scoped.includes("menu"));
    assert.ok(!scoped.includes("add_admin"), "admins get no founder commands");

    // An admin may do admin things but not manage admins.
    const exported = await sc.ask(alice, "/export_users");
    assert.ok(exported.document, exported.text);
    assert.match((await sc.ask(alice, "/add_admin @boris")).text!, /not available to you/);
    const [event] = sc.query<{ action: string; user_id: number }>("SELECT * FROM security_log WHERE user_id = ? ORDER BY id DESC", alice.id);
    assert.equal(event!.action, "/add_admin");
  });

  it("/export_users sends participants and admins, cell by cell", async () => {
    const reply = await sc.ask(sc.founder, "/export_users");
    assert.match(reply.caption!, /\d+ participants?, 2 admins and 0 door staff/);
    const sheets = await readSheets(sc.founder.download(reply));
    assert.deepEqual([...sheets.keys()], ["Participants", "Admins", "Door staff"]);
    const participants = sheets.get("Participants")!;
    assert.deepEqual(participants[0]!.slice(0, 4), ["No.", "Telegram id", "Username", "First name"]);
    const borisRow = participants.find((r) => r[1] === boris.id)!;
    assert.equal(borisRow[2], "@boris");
    assert.equal(borisRow[3], "Борис");
    assert.equal(borisRow[5], "ru");
    assert.ok(borisRow[6] instanceof Date, "registration time is a real date");
    assert.match(String(borisRow[9]), /^ru-/);
    const admins = sheets.get("Admins")!;
    assert.deepEqual(admins.slice(1).map((r) => [r[0], r[1], r[4]]), [
      [sc.founder.id, "@founder", "owner"],
      [alice.id, "@alice", "admin"],
    ]);
  });

  it("/remove_admin never removes a founder, and a removed admin loses access at once", async () => {
    assert.match((await sc.ask(sc.founder, "/remove_admin")).text!, /How to: \/remove_admin/);
    assert.match((await sc.ask(sc.founder, `/remove_admin ${sc.founder.id}`)).text!, /is an owner of the bot\. Owners are set in the bot's settings/);
    assert.match((await sc.ask(sc.founder, "/remove_admin @boris")).text!, /is not an admin/);
    // Alice opens the menu while still an admin...
    const menu = await sc.ask(alice, "/menu");
    assert.ok(menu.reply_markup);
    assert.match((await sc.ask(sc.founder, "/remove_admin @alice")).text!, /no longer an admin/);
    assert.equal(sc.emu.commands({ type: "chat", chat_id: alice.id }, "en").length, 0);
    // ...and presses its button after losing the right.
    const queryId = alice.press("👥 People", { messageId: menu.message_id });
    const answer = await alice.waitForCallbackAnswer(queryId);
    assert.match(answer.text!, /not available to you/);
    assert.match((await sc.ask(alice, "/export_users")).text!, /not available to you/);
    const actions = sc.query<{ action: string }>("SELECT action FROM security_log WHERE user_id = ? ORDER BY id", alice.id).map((e) => e.action);
    assert.ok(actions.includes("button 👥 People"), actions.join());
    assert.ok(actions.includes("/export_users"));
  });

  it("/security_log lists the latest attempts", async () => {
    const reply = await sc.ask(sc.founder, "/security_log");
    assert.match(reply.text!, /Security log: (the latest \d+ of )?\d+ entr(y|ies)/);
    assert.match(reply.text!, /@alice \(\d+\) · not allowed · \/export_users/);
  });

  it("/help and the command menus depend on the role", async () => {
    const visitor = sc.user({ username: "just_visiting" });
    const visitorHelp = (await sc.ask(visitor, "/help")).text!;
    assert.match(visitorHelp, /open the invite link/);
    assert.ok(!visitorHelp.includes("/ticket") && !visitorHelp.includes("/menu"));
    const participantHelp = (await sc.ask(boris, "/help")).text!;
    assert.match(participantHelp, /\/ticket — ваш билет ещё раз — или что с ним сейчас/);
    assert.ok(!participantHelp.includes("/gen_invites"));
    const founderHelp = (await sc.ask(sc.founder, "/help")).text!;
    for (const command of ["/add_admin", "/gen_invites", "/broadcast", "/full_report", "/send_tickets"]) assert.ok(founderHelp.includes(command), command);
    assert.deepEqual(
      sc.emu.commands({ type: "default" }, "en").map((c) => c.command),
      ["start", "help", "myid", "cancel", "ticket", "pass", "info", "mydata", "leave"],
    );
    assert.equal(sc.emu.commands({ type: "default" }, "ru")[1]!.description, "что я умею");
    assert.ok(sc.emu.commands({ type: "chat", chat_id: sc.founder.id }, "ru").some((c) => c.command === "add_admin"));
  });

  it("/myid and /cancel answer everyone", async () => {
    const visitor = sc.user({ username: "curious" });
    assert.equal((await sc.ask(visitor, "/myid")).text, `Your Telegram id: ${visitor.id}`);
    assert.equal((await sc.ask(visitor, "/cancel")).text, "There is nothing to cancel.");
  });

  it("refuses every admin command to participants and strangers, and logs each", async () => {
    const stranger = sc.user({ username: "stranger_danger" });
    for (const command of ["/menu", "/export_users", "/gen_invites 5", "/delete_user @boris", "/security_log", "/add_admin @stranger_danger"]) {
      assert.match((await sc.ask(stranger, command)).text!, /not available to you/, command);
    }
    const logged = sc.query("SELECT * FROM security_log WHERE user_id = ?", stranger.id);
    assert.equal(logged.length, 6);
    assert.match((await sc.ask(stranger, "/frobnicate")).text!, /There is no such command/);
  });

  it("/menu reaches invites and people by buttons", async () => {
    const menu = await sc.ask(sc.founder, "/menu");
    assert.match(menu.text!, /^Admin menu\n👥 \d+ participants?/);
    await sc.press(sc.founder, "🎟 Invites", menu.message_id);
    const since = sc.founder.messages.length;
    sc.founder.press("Create 10", { messageId: menu.message_id });
    const file = await sc.founder.waitFor((m) => !!m.document, { since });
    assert.equal((await readSheets(sc.founder.download(file))).get("Invites")!.length, 11);
  });

  it("/delete_user removes the person's data after confirmation", async () => {
    const eve = sc.user({ username: "eve_deleted", firstName: "Eve" });
    await sc.register([eve]);
    await sc.ask(eve, "hello there, my phone is 555-0100");
    assert.match((await sc.ask(sc.founder, "/delete_user")).text!, /How to: \/delete_user/);
    assert.match((await sc.ask(sc.founder, `/delete_user @${"founder"}`)).text!, /is an owner of the bot\. Owners are set in the bot's settings/);
    const confirm = await sc.ask(sc.founder, "/delete_user @eve_deleted");
    assert.match(confirm.text!, /Delete @eve_deleted \(\d+\)\?/);
    const cancelled = await sc.press(sc.founder, "Cancel", confirm.message_id);
    assert.equal(cancelled.text, "Nothing was deleted.");
    const confirm2 = await sc.ask(sc.founder, "/delete_user @eve_deleted");
    const done = await sc.press(sc.founder, "🗑 Delete", confirm2.message_id);
    assert.match(done.text!, new RegExp(`Deleted user #${eve.id}`));

    const [row] = sc.query<Record<string, unknown>>("SELECT * FROM users WHERE id = ?", eve.id);
    assert.equal(row!.username, null);
    assert.equal(row!.first_name, null);
    assert.equal(row!.registered_at, null);
    assert.ok(row!.deleted_at);
    assert.equal(sc.query("SELECT * FROM chat_log WHERE user_id = ?", eve.id).length, 0);
    const everything = JSON.stringify(sc.query("SELECT * FROM audit_log")) + JSON.stringify(sc.query("SELECT * FROM security_log"));
    assert.ok(!everything.includes("eve_deleted") && !everything.includes("555-0100"));

    // Back to being a stranger: the old link does not work again.
    assert.match((await sc.ask(eve, "/ticket")).text!, /registered participants/);
  });
});
