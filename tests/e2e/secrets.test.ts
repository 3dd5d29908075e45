import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { BotMessage, FaultRule, SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { findIn, sheetText } from "../support/leaks.js";
import { type Expect, readSheets, TEST_TOKEN, useScenario } from "../support/harness.js";
import { ticketPdfs, uploadZip } from "../support/waves.js";

/**
 * SPEC §9 and §4: the bot token never leaves the process (not in logs, error
 * replies, files or the database), even when Telegram fails in odd ways;
 * reports and exports reach admins only; /delete_user really erases the
 * person (the id may stay, so history reads "deleted user #id").
 */

const SECRET = TEST_TOKEN.split(":")[1]!;
const NOT_ALLOWED = "This command is not available to you.";
/** An error description that quotes the token, as a hostile or buggy Bot API server might. */
const LEAKY = `Bad Request: <b>unexpected</b> & 'odd' url /bot${TEST_TOKEN}/sendMessage failed for ${TEST_TOKEN}`;

/** What the deleted participant was and wrote: none of it may remain. */
const ZINA = {
  username: "zina_quux_7",
  firstName: "Zinaida",
  lastName: "Quackenbush-Oyelaran",
  said: ["My passport number is XK-99812-PQ", "call me at +44 7700 900461", "Yellow submarine 4417"],
};

describe("secrets and personal data (SPEC §4, §9)", () => {
  const sc = useScenario();
  let paul: SimUser;
  let zina: SimUser;

  before(async () => {
    paul = sc.user({ username: "paul_part", firstName: "Paul" });
    await sc.register([paul]);
    await sc.ask(sc.founder, "/new_wave Secrets");
    await uploadZip(sc, sc.founder, makeZip(ticketPdfs(4, "secret")));
  });

  /** Sends `text` as `who` and waits for a message matching `expected` (other messages may come first). */
  function expectReply(who: SimUser, text: string, expected: Expect, timeoutMs = 30_000): Promise<BotMessage> {
    return sc.ask(who, text, { expect: expected, timeoutMs });
  }

  function fault(rule: FaultRule): void {
    sc.emu.faults.add(rule);
  }

  it("reports and exports reach admins only", async () => {
    for (const command of ["/chatlog @founder", `/chatlog ${paul.id}`, "/full_report", "/export_users", "/list_tickets", "/failed_report", "/gen_invites 5"]) {
      const before = sc.query<{ id: number }>("SELECT COALESCE(MAX(id), 0) AS id FROM security_log")[0]!.id;
      const since = paul.messages.length;
      const reply = await sc.ask(paul, command);
      assert.equal(reply.text, NOT_ALLOWED, command);
      assert.ok(paul.messages.slice(since).every((m) => m.document === undefined), `${command} sent a file to a participant`);
      const name = command.split(" ")[0]!;
      assert.deepEqual(
        sc.query("SELECT user_id, username, kind, action FROM security_log WHERE id > ?", before),
        [{ user_id: paul.id, username: "paul_part", kind: "unauthorized", action: name }],
        command,
      );
    }
  });

  it("the token stays out of replies, files, reports and the database when Telegram fails", async () => {
    const founder = sc.founder;
    // A failed reply: the error boundary answers with its generic text, never the error itself.
    fault({ method: "sendMessage", chatId: founder.id, kind: "error", description: LEAKY, times: 1 });
    await expectReply(founder, "/myid", /Something went wrong on our side/);
    // A Telegram server error with the token in it: retried, then the answer arrives.
    fault({ method: "sendMessage", chatId: founder.id, kind: "5xx", status: 502, description: `Bad Gateway ${TEST_TOKEN}`, times: 1 });
    await expectReply(founder, "/help", /\/gen_invites/);
    // A dropped connection (the fetch error carries the URL, and so the token).
    fault({ method: "sendDocument", chatId: founder.id, kind: "drop", times: 1 });
    await expectReply(founder, "/export_users", (m) => m.document !== undefined);

    // getFile refusing, then getFile unreachable: the admin hears that the download failed, nothing more.
    const zip = makeZip(ticketPdfs(2, "getfile"));
    for (const rule of [{ kind: "error", description: LEAKY } as const, { kind: "drop" } as const]) {
      fault({ method: "getFile", times: 1, ...rule });
      const reply = await uploadZipExpectingFailure(founder, zip);
      assert.match(reply.text!, /Could not download the file/);
    }

    // The same inside a dialog: the upload conversation's reply fails.
    await expectReply(founder, "/upload_zip_add", /Send me the ZIP/);
    fault({ method: "sendMessage", chatId: founder.id, kind: "error", description: LEAKY, times: 1 });
    await expectReply(founder, "not a zip, just words", /Something went wrong on our side/);
    await expectReply(founder, "/cancel", /./);

    // A button whose answer fails.
    const confirm = await expectReply(founder, "/end_wave", (m) => m.reply_markup !== undefined);
    fault({ method: "answerCallbackQuery", kind: "error", description: LEAKY, times: 1 });
    const queryId = founder.press("Cancel", { messageId: confirm.message_id });
    await founder.waitForCallbackAnswer(queryId);

    // A broadcast that cannot be copied, and one whose delivery fails for a participant.
    // (A text broadcast goes out with sendMessage, the preview to the admin first.)
    fault({ method: "sendMessage", chatId: founder.id, kind: "error", description: LEAKY, times: 1 });
    const refused = await expectReply(founder, "/broadcast First try", /cannot be sent out/);
    assert.ok(!refused.text!.includes(SECRET));
    const preview = await expectReply(founder, "/broadcast Hello everyone", /This is how the announcement looks/);
    fault({ method: "sendMessage", chatId: paul.id, kind: "error", status: 403, description: `Forbidden: bot${TEST_TOKEN} was blocked by the user`, durationMs: 60_000 });
    const since = founder.messages.length;
    founder.press("✅ Send to 1 person", { messageId: preview.message_id });
    await founder.waitForText(/Summary of delivery #\d+: announcement/, { since, timeoutMs: 60_000 });
    sc.emu.faults.clear();

    // Every report an admin can get, with the failures in them.
    for (const command of ["/failed_report", "/full_report", "/list_tickets", "/export_users", "/chatlog @founder"]) {
      await expectReply(founder, command, (m) => m.document !== undefined);
    }
    assert.ok(sc.query("SELECT * FROM deliveries WHERE status = 'failed'").length >= 1, "the failed delivery is on record");

    const leaks = findIn(everythingTheBotSent(), [TEST_TOKEN, SECRET]);
    assert.deepEqual(leaks, [], "the token in what the bot sent");
    assert.deepEqual(findIn(databaseDump(), [TEST_TOKEN, SECRET]), [], "the token in the database");
  });

  it("/delete_user removes the person's data from the database, the chat logs and the reports", async () => {
    zina = sc.user({ username: ZINA.username, firstName: ZINA.firstName, lastName: ZINA.lastName });
    const [code] = await sc.invites(1);
    const consent = await expectReply(zina, `/start ${code}`, (m) => m.reply_markup !== undefined);
    // The welcome (which greets her by name) fails: the error is logged, with what was being sent.
    fault({ method: "editMessageText", chatId: zina.id, kind: "error", status: 403, description: "Forbidden: bot was blocked by the user", times: 1 });
    const queryId = zina.press("✅ Accept", { messageId: consent.message_id });
    await zina.waitForCallbackAnswer(queryId);
    await expectReply(zina, "/start", /already registered/);
    // Relayed to the organisers as questions: one acknowledgement a minute, so only the first is answered.
    await expectReply(zina, ZINA.said[0]!, /passed your message on/);
    for (const text of ZINA.said.slice(1)) zina.send(text);
    await sc.settled(zina);
    await expectReply(zina, "/export_users", /not available to you/);
    // A ticket named for her by username (a manifest), which she gets; admins look her up.
    const named = makeZip([
      { name: "manifest.csv", data: `file;person\nzina.pdf;@${ZINA.username}\n` },
      { name: "zina.pdf", data: makePdf("named for zina") },
    ]);
    assert.match((await uploadZip(sc, sc.founder, named, "/upload_zip_add")).text!, /Loaded 1 ticket/);
    await expectReply(sc.founder, "/confirm_wave", /./);
    await expectReply(sc.founder, "/send_tickets", /./);
    await sc.founder.waitForText(/Summary of delivery #\d+: tickets/, { timeoutMs: 60_000 });
    await zina.waitFor((m) => m.document !== undefined);
    await expectReply(sc.founder, `/chatlog @${ZINA.username}`, (m) => m.document !== undefined);
    await expectReply(sc.founder, `/add_admin @${ZINA.username.toUpperCase()}`, /is now an admin/);
    await expectReply(sc.founder, `/remove_admin ${zina.id}`, /no longer an admin/);

    const confirm = await expectReply(sc.founder, `/delete_user @${ZINA.username}`, /Delete @zina_quux_7/);
    const done = await sc.press(sc.founder, "🗑 Delete", confirm.message_id);
    assert.match(done.text!, new RegExp(`Deleted user #${zina.id}`));

    const [row] = sc.query<Record<string, unknown>>("SELECT * FROM users WHERE id = ?", zina.id);
    assert.ok(row!.deleted_at, "the id stays, marked deleted");

    // History keeps the ticket under "deleted user #id".
    const list = await expectReply(sc.founder, "/list_tickets", (m) => m.document !== undefined);
    const tickets = [...(await readSheets(sc.founder.download(list))).values()][0]!;
    const hers = tickets.filter((r) => r.includes(zina.id));
    assert.equal(hers.length, 1, "her sent ticket stays in the history");
    assert.ok(hers[0]!.includes(`deleted user #${zina.id}`), JSON.stringify(hers[0]));
    const chatlog = await expectReply(sc.founder, `/chatlog ${zina.id}`, /./);
    assert.ok(chatlog.document === undefined, "no chat log is left to export");
    const full = await expectReply(sc.founder, "/full_report", (m) => m.document !== undefined);
    assert.deepEqual(findIn([{ where: "full report", text: sheetText(sc.founder.download(full)) }], zinaNeedles()), [], "her data in /full_report");
    // (The update being handled sits in the inbox until it is done: the last one here names nobody.)
    assert.deepEqual(findIn(databaseDump(), zinaNeedles()), [], "her data in the database");
  });

  it("logs and the database at rest hold neither the token nor the deleted person's data", async () => {
    await sc.bot.stop();
    const logs = [
      { where: "bot stdout", text: sc.bot.stdout.join("\n") },
      { where: "bot stderr", text: sc.bot.stderr.join("") },
      ...readdirSync(join(sc.dir, "logs")).map((name) => ({ where: `logs/${name}`, text: readFileSync(join(sc.dir, "logs", name), "utf8") })),
    ];
    assert.ok(logs.some((l) => /error while handling an update/.test(l.text)), "the forced failures were logged (the test provoked them)");
    assert.deepEqual(findIn(logs, [TEST_TOKEN, SECRET]), [], "the token in the logs");
    assert.deepEqual(findIn(logs, zinaNeedles()), [], "the deleted person's data in the logs");
    assert.deepEqual(findIn(databaseDump(), [TEST_TOKEN, SECRET, ...zinaNeedles()]), []);
    // Not even in the file's free pages: deleted rows are overwritten, not just unlinked.
    const files = readdirSync(sc.dir).filter((name) => name.startsWith("users.db"));
    const raw = files.map((name) => ({ where: `raw ${name}`, text: readFileSync(join(sc.dir, name)).toString("latin1") }));
    assert.deepEqual(findIn(raw, [TEST_TOKEN, SECRET, ...zinaNeedles()]), []);
  });

  // ---------------------------------------------------------------- helpers

  function zinaNeedles(): string[] {
    return [ZINA.username, ZINA.firstName, ZINA.lastName, ...ZINA.said];
  }

  async function uploadZipExpectingFailure(who: SimUser, zip: Buffer): Promise<BotMessage> {
    const since = who.messages.length;
    who.sendDocument(zip, "tickets.zip", { caption: "/upload_zip_add", mimeType: "application/zip" });
    return who.waitFor((m) => /download|Loaded|Nothing was loaded/i.test(m.text ?? ""), { since, timeoutMs: 30_000 });
  }

  /** Every text the bot sent or tried to send (parameters of every call), and every file it sent, unpacked. */
  function everythingTheBotSent(): Array<{ where: string; text: string }> {
    const out = sc.emu.calls.map((call, i) => ({ where: `call #${i} ${call.method}`, text: JSON.stringify(call.params) }));
    for (const user of sc.emu.users()) {
      for (const m of user.messages) out.push({ where: `message ${m.message_id} to ${user.id}`, text: `${m.text ?? ""}\n${m.caption ?? ""}` });
    }
    for (const doc of sc.emu.sentDocuments()) {
      const data = sc.emu.fileContent(doc.fileId);
      if (!data) continue;
      out.push({ where: `file ${doc.fileName ?? doc.fileId}`, text: doc.fileName?.endsWith(".xlsx") ? sheetText(data) : data.toString("utf8") });
    }
    return out;
  }

  /** Every row of every table, as text (conversation_state and the update inbox included). */
  function databaseDump(): Array<{ where: string; text: string }> {
    const db = new Database(sc.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      assert.ok(tables.some((t) => t.name === "conversation_state"));
      return tables.flatMap(({ name }) =>
        (db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>).map((row, i) => ({
          where: `table ${name} row ${i + 1}`,
          text: Object.values(row)
            .map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v)))
            .join(" | "),
        })),
      );
    } finally {
      db.close();
    }
  }
});


