import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { CALLBACK_PREFIXES, COMMANDS, mayUse, type Audience, type Role } from "../../src/bot/commands.js";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { useScenario } from "../support/harness.js";

/**
 * SPEC §4: every admin command and button is checked against the sender's
 * role at the moment of use, refused with one neutral message and recorded in
 * the security log. The tables below are generated from the registry the
 * guard reads (bot/commands.ts), so a command or prefix added there is
 * covered here without editing this file; tests/unit/registry.test.ts makes
 * sure no handler exists outside that registry.
 */

const NOT_ALLOWED = "This command is not available to you.";
const PARTICIPANTS_ONLY = "This is for registered participants. To register, open your invite link.";
const BUTTON_EXPIRED = "This button is no longer valid.";

interface SecurityRow {
  user_id: number | null;
  username: string | null;
  kind: string;
  action: string;
}

describe("authorization at the moment of use (SPEC §4)", () => {
  const sc = useScenario();
  let admin: SimUser;
  let participant: SimUser;
  let stranger: SimUser;
  /** Plausible arguments, so that a refusal is not just a usage message in disguise. */
  let sampleArgs: Record<string, string>;

  const lastSecurityId = (): number => sc.query<{ id: number }>("SELECT COALESCE(MAX(id), 0) AS id FROM security_log")[0]!.id;
  const securitySince = (id: number): SecurityRow[] =>
    sc.query<SecurityRow>("SELECT user_id, username, kind, action FROM security_log WHERE id > ? ORDER BY id", id);

  /**
   * Everything the bot sent `who` from `since` on, up to the answer to a
   * /myid sent now. Updates of one chat are handled in order, so the /myid
   * answer proves the bot is done with what came before: no waiting on time.
   */
  async function settle(who: SimUser, since: number, myidBefore = 0): Promise<BotMessage[]> {
    const myid = `Your Telegram id: ${who.id}`;
    who.send("/myid");
    const answers = () => who.messages.filter((m) => m.index >= since && m.text === myid);
    await who.waitFor((m) => m.text === myid && answers().length > myidBefore, { since });
    const barrier = answers()[myidBefore]!;
    return who.messages.filter((m) => m.index >= since && m.index < barrier.index);
  }

  /** Sends `text`; asserts the single neutral refusal and exactly one security-log row for `action`. */
  async function expectRefusedCommand(who: SimUser, text: string, action: string): Promise<void> {
    const before = lastSecurityId();
    const since = who.messages.length;
    who.send(text);
    const replies = await settle(who, since);
    assert.deepEqual(replies.map((m) => m.text), [NOT_ALLOWED], `${text} from @${who.username}`);
    assert.deepEqual(securitySince(before), [{ user_id: who.id, username: who.username, kind: "unauthorized", action }], `${text} from @${who.username}`);
  }

  /** A forged or outdated button press: the alert, one security-log row, and no change to the chat. */
  async function expectRefusedPress(who: SimUser, data: string, messageId?: number): Promise<void> {
    const before = lastSecurityId();
    const since = who.messages.length;
    const target = messageId ?? who.lastMessage()?.message_id ?? 1;
    const shown = who.messages.find((m) => m.message_id === target);
    const textBefore = shown?.text;
    const editedAt = shown?.editedAt;
    const queryId = who.pressRaw(data, target);
    const answer = await who.waitForCallbackAnswer(queryId);
    assert.equal(answer.text, NOT_ALLOWED, `button ${data} from @${who.username}`);
    assert.equal(answer.showAlert, true);
    assert.deepEqual(await settle(who, since), [], `button ${data} from @${who.username} made the bot write`);
    if (shown) {
      assert.equal(shown.text, textBefore, `button ${data} changed the message it belongs to`);
      assert.equal(shown.editedAt, editedAt, `button ${data} edited the message it belongs to`);
    }
    // The log names a button as the person saw it; a forged press, with no such button on the message, by its data.
    const label = shown?.reply_markup?.inline_keyboard.flat().find((b) => "callback_data" in b && b.callback_data === data)?.text;
    assert.deepEqual(securitySince(before), [{ user_id: who.id, username: who.username, kind: "unauthorized", action: `button ${label ?? data}` }]);
  }

  /** Forged callback data for a prefix: bare, with an action, and with an id argument. */
  const forgeries = (prefix: string): string[] => [prefix, `${prefix}:x`, `${prefix}:delete:${participant.id}`, `${prefix}:end:1:${"9".repeat(30)}`];

  before(async () => {
    admin = sc.user({ username: "adam_admin", firstName: "Adam" });
    participant = sc.user({ username: "paula_p", firstName: "Paula" });
    stranger = sc.user({ username: "sam_stranger", firstName: "Sam" });
    await sc.register([participant]);
    await sc.ask(admin, "/help");
    assert.match((await sc.ask(sc.founder, `/add_admin ${admin.id}`)).text!, /is now an admin/);
    sampleArgs = {
      add_admin: ` @${stranger.username}`,
      remove_admin: ` @${admin.username}`,
      delete_user: ` @${participant.username}`,
      gen_invites: " 5",
      revoke_invite: " someCode_123",
      revoke_invites: " unused",
      new_wave: " Hijacked",
      chatlog: ` ${participant.id}`,
      broadcast: " Free drinks for everyone",
    };
  });

  const cases: Array<{ role: Exclude<Role, "founder">; label: string; who: () => SimUser }> = [
    { role: "participant", label: "a participant", who: () => participant },
    { role: "visitor", label: "a stranger who never registered", who: () => stranger },
    { role: "admin", label: "an admin (founder-only commands)", who: () => admin },
  ];

  for (const { role, label, who } of cases) {
    it(`every registered command, typed by ${label}`, async () => {
      const user = who();
      const checked: string[] = [];
      for (const spec of COMMANDS) {
        const text = `/${spec.name}${sampleArgs[spec.name] ?? ""}`;
        if (mayUse(role, spec.audience)) continue;
        checked.push(spec.name);
        if (spec.audience === "participant") {
          // Not an admin matter: a hint to register, nothing in the security log.
          const before = lastSecurityId();
          const since = user.messages.length;
          user.send(text);
          const replies = await settle(user, since);
          assert.deepEqual(replies.map((m) => m.text), [PARTICIPANTS_ONLY], text);
          assert.deepEqual(securitySince(before), [], text);
          continue;
        }
        await expectRefusedCommand(user, text, `/${spec.name}`);
      }
      // The registry is what is walked; make sure it still holds what this test is about.
      if (role !== "admin") assert.ok(checked.includes("export_users") && checked.includes("add_admin"), checked.join());
      else assert.ok(checked.includes("add_admin") && !checked.includes("export_users"), checked.join());
    });
  }

  it("commands the caller may use are answered, not refused or logged", async () => {
    for (const { role, who } of cases) {
      for (const spec of COMMANDS.filter((c) => c.audience === "anyone" || (c.audience === "participant" && role === "participant"))) {
        const user = who();
        const before = lastSecurityId();
        const since = user.messages.length;
        user.send(`/${spec.name}`);
        const replies = await settle(user, since, spec.name === "myid" ? 1 : 0);
        assert.ok(replies.length >= 1, `/${spec.name} from ${role} got no answer`);
        for (const reply of replies) assert.ok(![NOT_ALLOWED, PARTICIPANTS_ONLY].includes(reply.text ?? ""), `/${spec.name} from ${role}: ${reply.text}`);
        assert.deepEqual(securitySince(before), [], `/${spec.name} from ${role}`);
      }
    }
  });

  it("spelling variants of an admin command are refused the same way", async () => {
    for (const text of ["/EXPORT_USERS", "/Export_Users now", "/export_users@test_ticket_bot", "/export_users@TEST_TICKET_BOT please", "/gen_invites@test_ticket_bot 10000"]) {
      const name = text.slice(1).split(/[@\s]/)[0]!.toLowerCase();
      await expectRefusedCommand(participant, text, `/${name}`);
    }
    // Addressed to another bot: not ours to answer, and nothing to refuse.
    const before = lastSecurityId();
    const since = participant.messages.length;
    participant.send("/export_users@some_other_bot");
    const replies = await settle(participant, since);
    assert.ok(replies.every((m) => m.text !== NOT_ALLOWED), "a command for another bot is not treated as ours");
    assert.deepEqual(securitySince(before), []);
  });

  it("an admin command in the caption of a file is refused and logged", async () => {
    const zip = makeZip([{ name: "a.pdf", data: makePdf("caption-forgery") }]);
    for (const command of ["/upload_zip", "/upload_zip_add"]) {
      const before = lastSecurityId();
      const since = participant.messages.length;
      participant.sendDocument(zip, "tickets.zip", { caption: command, mimeType: "application/zip" });
      assert.deepEqual((await settle(participant, since)).map((m) => m.text), [NOT_ALLOWED], command);
      assert.deepEqual(securitySince(before), [{ user_id: participant.id, username: participant.username, kind: "unauthorized", action: command }]);
    }
    const before = lastSecurityId();
    const since = stranger.messages.length;
    stranger.sendPhoto(makePdf("photo"), { caption: "/broadcast Come to the party" });
    assert.deepEqual((await settle(stranger, since)).map((m) => m.text), [NOT_ALLOWED]);
    assert.deepEqual(securitySince(before), [{ user_id: stranger.id, username: stranger.username, kind: "unauthorized", action: "/broadcast" }]);
  });

  it("forged callback data of every admin prefix is refused and logged", async () => {
    await sc.ask(stranger, "/help");
    for (const [prefix, audience] of Object.entries(CALLBACK_PREFIXES) as Array<[string, Audience]>) {
      if (audience !== "admin" && audience !== "founder") continue;
      for (const who of [participant, stranger]) {
        for (const data of forgeries(prefix)) await expectRefusedPress(who, data);
        // A press on a message that no longer exists (or never did) is refused the same way.
        await expectRefusedPress(who, `${prefix}:x`, 999_999);
      }
    }
    const [row] = sc.query<{ registered_at: number | null; deleted_at: number | null }>("SELECT registered_at, deleted_at FROM users WHERE id = ?", participant.id);
    assert.ok(row!.registered_at !== null && row!.deleted_at === null, "the forged user:delete did nothing");
  });

  it("buttons everyone may press are not refused; unknown prefixes are just expired", async () => {
    const before = lastSecurityId();
    for (const [prefix, audience] of Object.entries(CALLBACK_PREFIXES)) {
      if (audience !== "anyone") continue;
      const queryId = participant.pressRaw(`${prefix}:accept`, participant.lastMessage()!.message_id);
      const answer = await participant.waitForCallbackAnswer(queryId);
      assert.notEqual(answer.text, NOT_ALLOWED);
    }
    for (const data of ["zzz:1", ":", "/", "admin:delete:1", "menux/0/0"]) {
      const queryId = stranger.pressRaw(data, stranger.lastMessage()!.message_id);
      assert.equal((await stranger.waitForCallbackAnswer(queryId)).text, BUTTON_EXPIRED, data);
    }
    await settle(participant, participant.messages.length);
    assert.deepEqual(securitySince(before), []);
  });

  it("the admin menu's own buttons, forged by a participant, are refused and logged", async () => {
    const menu = await sc.ask(sc.founder, "/menu");
    const topData = menu.reply_markup!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    assert.ok(topData.length >= 2 && topData.every((d) => d.startsWith("menu")), JSON.stringify(topData));
    // Open the invites submenu to learn the data of the "Create 10" button.
    await sc.press(sc.founder, "🎟 Invites", menu.message_id);
    const submenu = sc.founder.messages.find((m) => m.message_id === menu.message_id)!;
    const createData = submenu.reply_markup!.inline_keyboard
      .flat()
      .find((b) => b.text === "Create 10" && "callback_data" in b) as { callback_data: string } | undefined;
    assert.ok(createData, "the invites submenu has a Create 10 button");
    const invitesBefore = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM invites")[0]!.n;
    for (const data of [...topData, createData.callback_data]) {
      await expectRefusedPress(participant, data);
      await expectRefusedPress(stranger, data);
    }
    assert.equal(sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM invites")[0]!.n, invitesBefore, "no invites were created by forged presses");
  });

  it("a removed admin's old buttons and open dialogs stop working at once", async () => {
    const rita = sc.user({ username: "rita_removed", firstName: "Rita" });
    await sc.ask(rita, "/help");
    assert.match((await sc.ask(sc.founder, `/add_admin ${rita.id}`)).text!, /is now an admin/);
    // Known by id only until now, so told in the bot's default language (ru).
    await rita.waitForText(/Вас назначили администратором/);
    // While still an admin, Rita opens the menu, asks to delete a participant and starts a ZIP upload.
    const menu = await sc.ask(rita, "/menu");
    const confirm = await sc.ask(rita, `/delete_user @${participant.username}`);
    assert.match(confirm.text!, /Delete @paula_p/);
    const deleteData = confirm.reply_markup!.inline_keyboard.flat().find((b) => b.text === "🗑 Delete") as { callback_data: string };
    assert.match((await sc.ask(sc.founder, "/new_wave Main")).text!, /is open/);
    assert.match((await sc.ask(rita, "/upload_zip")).text!, /Send me the ZIP/);

    assert.match((await sc.ask(sc.founder, "/remove_admin @rita_removed")).text!, /no longer an admin/);

    // The upload dialog she opened as an admin does not take her file now
    // (first: any command or button ends that dialog).
    const before = lastSecurityId();
    const since = rita.messages.length;
    rita.sendDocument(makeZip([{ name: "late.pdf", data: makePdf("late upload") }]), "late.zip", { mimeType: "application/zip" });
    const replies = await settle(rita, since);
    assert.deepEqual(replies.map((m) => m.text), [NOT_ALLOWED]);
    assert.equal(sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM tickets")[0]!.n, 0, "no tickets were imported");
    assert.deepEqual(securitySince(before), [{ user_id: rita.id, username: rita.username, kind: "unauthorized", action: "/upload_zip" }]);

    const people = menu.reply_markup!.inline_keyboard.flat().find((b) => b.text === "👥 People") as { callback_data: string };
    await expectRefusedPress(rita, people.callback_data, menu.message_id);
    await expectRefusedPress(rita, deleteData.callback_data, confirm.message_id);
    const [row] = sc.query<{ registered_at: number | null }>("SELECT registered_at FROM users WHERE id = ?", participant.id);
    assert.ok(row!.registered_at !== null, "the participant was not deleted by a removed admin");
    await expectRefusedCommand(rita, "/menu", "/menu");
  });

  it("nothing the refused attempts asked for happened", () => {
    const outsiders = [participant.id, stranger.id];
    assert.equal(sc.query(`SELECT * FROM invites WHERE created_by IN (${outsiders.join(",")})`).length, 0);
    assert.equal(sc.query(`SELECT * FROM waves WHERE created_by IN (${outsiders.join(",")})`).length, 0);
    assert.equal(sc.query(`SELECT * FROM jobs`).length, 0);
    assert.deepEqual(
      sc.query<{ user_id: number }>("SELECT user_id FROM admins ORDER BY user_id").map((r) => r.user_id),
      [admin.id],
      "only Adam is an admin",
    );
    assert.equal(sc.query(`SELECT * FROM audit_log WHERE actor_id IN (${outsiders.join(",")})`).length, 0);
  });
});
