import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { type Cell, loadWorkbook, readSheets, Scenario, useScenario } from "../support/harness.js";
import { runWave, ticketPdfs } from "../support/waves.js";

/** Sends `text` as the founder and waits for the document the bot answers with (or a text, when it refuses). */
function askForFile(sc: Scenario, text: string): Promise<BotMessage> {
  return sc.ask(sc.founder, text, { timeoutMs: 30_000 });
}

const count = (sc: Scenario, sql: string, ...params: unknown[]): number => Number(Object.values(sc.query(sql, ...params)[0]!)[0]);

/** A chat log entry starts with its time and direction; continuation lines are indented. */
const ENTRY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} [→←]/;

describe("/chatlog and /full_report (SPEC §6, §9)", () => {
  const sc = useScenario({ env: { TIME_ZONE: "Europe/Moscow" } });
  let anna: SimUser;
  let boris: SimUser;
  let carl: SimUser;
  let dora: SimUser;
  before(async () => {
    anna = sc.user({ username: "anna_k", firstName: "Anna", lastName: "Karenina" });
    boris = sc.user({ username: "boris_r", firstName: "Boris" });
    carl = sc.user({ username: "carl_m", firstName: "Carl" });
    dora = sc.user({ username: "dora_b", firstName: "Dora" });
    await sc.register([anna, boris, carl, dora]);
  });

  it("/chatlog sends the whole conversation in order: commands, texts, replies, the ticket and a broadcast", async () => {
    assert.equal((await sc.ask(anna, "/myid")).text, `Your Telegram id: ${anna.id}`);
    // Telegram itself strips bidi overrides (U+202A–U+202E) from messages; isolates and marks get through.
    const question = "Where is my ticket? 👩‍💻\nשלום \u2067evil\u2069 \u200F\u200B";
    assert.match((await sc.ask(anna, question)).text!, /passed your message on to the organisers/);

    assert.match((await runWave(sc, ticketPdfs(5, "cl"), { name: "Spring" })).text!, /✅ 4 messages sent/);
    const ticket = anna.documents().at(-1)!;

    // The broadcast: the exact message as a preview, then a control message.
    // Telegram refuses it to Dora (she blocked the bot without the bot hearing of it).
    sc.emu.faults.add({ method: "sendMessage", chatId: dora.id, kind: "error", status: 403, description: "Forbidden: bot was blocked by the user", times: 1 });
    const since = sc.founder.messages.length;
    sc.founder.send("/broadcast Doors open at 19:00");
    const panel = await sc.founder.waitFor(
      (m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.text.startsWith("✅ Send to")) ?? false,
      { since },
    );
    const send = panel.reply_markup!.inline_keyboard.flat().find((b) => b.text.startsWith("✅ Send to"))!;
    assert.ok("callback_data" in send && /^bc:send:\d+$/.test(send.callback_data!), JSON.stringify(send));
    const annaMark = anna.messages.length;
    sc.founder.press({ data: send.callback_data! }, { messageId: panel.message_id });
    await sc.founder.waitFor((m) => /^Summary of delivery #\d+: announcement/.test(m.text ?? ""), { since, timeoutMs: 60_000 });
    await anna.waitFor((m) => m.text === "Doors open at 19:00", { since: annaMark });

    const reply = await askForFile(sc, "/chatlog @anna_k");
    assert.ok(reply.document, reply.text);
    assert.match(reply.document.file_name!, new RegExp(`^chatlog-${anna.id}-\\d{4}-\\d{2}-\\d{2}_\\d{4}\\.txt$`));
    const lines = count(sc, "SELECT COUNT(*) FROM chat_log WHERE user_id = ?", anna.id);
    assert.equal(reply.caption, `Chat log of @anna_k (${anna.id}): ${lines} lines.`);

    const text = sc.founder.download(reply).toString("utf8");
    const rows = text.split("\n");
    assert.equal(rows[0], `Chat log of @anna_k (${anna.id}), Anna Karenina`);
    assert.match(rows[1]!, new RegExp(`^${lines} lines, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} – \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(time zone Europe/Moscow\\)$`));
    assert.match(text, /Exported by @founder \(\d+\), .*\./);
    assert.equal(rows.filter((r) => ENTRY.test(r)).length, lines, "one entry per stored line");

    // In order: the welcome (the log starts at registration: before consent
    // the bot keeps nothing a person writes), /myid and its answer, the
    // question (both its lines), the ticket with its caption, the broadcast.
    let last = 0;
    const at = (needle: string) => {
      const index = rows.findIndex((r, i) => i > last && r.includes(needle));
      assert.ok(index > last, `"${needle}" after line ${last}:\n${rows.slice(last - 2, last + 3).join("\n")}`);
      last = index;
      return rows[index]!;
    };
    assert.match(at("Welcome, Anna"), /^\S+ \S+ ← bot: {4}\[edited\] Welcome, Anna! You are registered/);
    assert.match(at("/myid"), / → person: \/myid$/);
    assert.match(at(`Your Telegram id: ${anna.id}`), / ← bot: {4}Your Telegram id: \d+$/);
    const first = at("Where is my ticket?");
    assert.ok(first.endsWith("→ person: Where is my ticket? 👩‍💻"), "zero-width joiners pass through");
    const second = rows[last + 1]!;
    assert.equal(second, `${" ".repeat(first.indexOf("Where"))}שלום \u2067evil\u2069 \u200F\u200B`, "the second line is indented under the first, RTL kept");
    assert.match(at("passed your message on"), / ← bot: {4}✉️ I have passed your message on to the organisers/);
    assert.match(at(`[document: ${ticket.document!.file_name}]`), new RegExp(` ← bot: {4}\\[document: ticket-cl-\\d{4}\\.pdf\\] 🎟 Your ticket · wave “Spring”$`));
    assert.match(at("Doors open at 19:00"), / ← bot: {4}Doors open at 19:00$/);

    const [audit] = sc.query<{ args: string; result: string }>("SELECT * FROM audit_log WHERE action = 'chatlog' ORDER BY id DESC");
    assert.deepEqual(audit, { ...audit, args: String(anna.id), result: `${lines} lines` });
  });

  it("/chatlog explains a missing, invalid or unknown argument", async () => {
    assert.match((await sc.ask(sc.founder, "/chatlog")).text!, /^The command \/chatlog @username or \/chatlog 123456789/);
    assert.match((await sc.ask(sc.founder, "/chatlog   ")).text!, /^The command \/chatlog/);
    assert.match((await sc.ask(sc.founder, "/chatlog !!!")).text!, /neither a @username nor a numeric Telegram id[\s\S]*The command \/chatlog/);
    assert.match((await sc.ask(sc.founder, "/chatlog @unknown_person")).text!, /I don't know @unknown_person/);
    assert.match((await sc.ask(sc.founder, "/chatlog 987654321")).text!, /I don't know 987654321/);
  });

  it("/chatlog of a deleted user says the log was erased", async () => {
    const confirm = await sc.ask(sc.founder, "/delete_user @boris_r");
    assert.match((await sc.press(sc.founder, "🗑 Delete", confirm.message_id)).text!, /Deleted user #\d+/);
    assert.match((await sc.ask(sc.founder, `/chatlog ${boris.id}`)).text!, new RegExp(`User #${boris.id} was deleted on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}: their chat log was erased`));
    assert.match((await sc.ask(sc.founder, "/chatlog @boris_r")).text!, /I don't know @boris_r/, "the username went with the personal data");

    // Writing again after the deletion: a stranger now, known by id only — nothing is logged, no name stored.
    await sc.ask(boris, "/start");
    await sc.ask(boris, "it's me again");
    assert.match((await sc.ask(sc.founder, `/chatlog ${boris.id}`)).text!, new RegExp(`User #${boris.id} was deleted on .*: their chat log was erased`));
    const [row] = sc.query<{ username: string | null; first_name: string | null }>("SELECT username, first_name FROM users WHERE id = ?", boris.id);
    assert.deepEqual(row, { username: null, first_name: null });
  });

  it("/chatlog and /full_report are refused to participants, and the attempts are logged", async () => {
    assert.match((await sc.ask(carl, "/chatlog @anna_k")).text!, /not available to you/);
    assert.match((await sc.ask(carl, "/full_report")).text!, /not available to you/);
    assert.ok(!carl.messages.some((m) => m.document?.file_name?.startsWith("chatlog")), "no file for a participant");
    const actions = sc.query<{ action: string }>("SELECT action FROM security_log WHERE user_id = ? ORDER BY id", carl.id).map((e) => e.action);
    assert.deepEqual(actions, ["/chatlog", "/full_report"]);
  });

  it("/full_report holds every sheet with its header, the database's row counts, real dates and numeric ids", async () => {
    const reply = await askForFile(sc, "/full_report");
    assert.ok(reply.document, reply.text);
    assert.match(reply.document.file_name!, /^report-\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    const file = sc.founder.download(reply);
    const sheets = await readSheets(file);

    const zone = (header: string) => `${header} (Europe/Moscow)`;
    const expected: Record<string, { header: Cell[]; rows: number }> = {
      Participants: {
        header: [
          "No.", "Telegram id", "Username", "First name", "Last name", "Language", zone("Registered"), "Invite", zone("Agreed"),
          "Agreement version", "Ticket", "Ticket status", zone("Blocked the bot"), zone("Checked in"), "Checked in by",
        ],
        rows: count(sc, "SELECT COUNT(*) FROM users WHERE registered_at IS NOT NULL"),
      },
      Admins: {
        header: ["Telegram id", "Username", "First name", "Last name", "Role", "Added by", zone("Added")],
        rows: 1 + count(sc, "SELECT COUNT(*) FROM admins WHERE user_id <> ?", sc.founder.id),
      },
      "Door staff": {
        header: ["Telegram id", "Username", "First name", "Added by", zone("Added")],
        rows: count(sc, "SELECT COUNT(*) FROM staff"),
      },
      Tickets: {
        header: ["Ticket #", "Wave", "File", "Status", "Telegram id", "Username", "Named for", zone("Assigned"), zone("Sent"), "Attempts", "Last error", zone("Checked in")],
        rows: count(sc, "SELECT COUNT(*) FROM tickets"),
      },
      Invites: {
        header: ["Code", "Invite link", "Status", zone("Created"), "Created by", zone("Expires"), "Used by", zone("Used"), zone("Revoked")],
        rows: count(sc, "SELECT COUNT(*) FROM invites"),
      },
      Waves: {
        header: ["Wave #", "Name", "Status", zone("Created"), "Created by", zone("Confirmed"), zone("Ended"), "Ended by", "Tickets in all", "Available", "Sent", "Archived", "Deliveries"],
        rows: count(sc, "SELECT COUNT(*) FROM waves"),
      },
      "Not delivered": {
        header: ["Telegram id", "Username", "What", "Reason", "Telegram's answer", "Attempts", zone("Time")],
        rows: count(sc, "SELECT COUNT(*) FROM deliveries WHERE status = 'failed'"),
      },
      "Check-ins": {
        header: [zone("Time"), "Telegram id", "Participant", "File", "How", "Checked in by", zone("Undone"), "Undone by"],
        rows: count(sc, "SELECT COUNT(*) FROM checkins"),
      },
      Security: {
        header: [zone("Time"), "Telegram id", "Username", "Kind", "Action", "Details"],
        rows: count(sc, "SELECT COUNT(*) FROM security_log"),
      },
    };
    assert.deepEqual([...sheets.keys()], Object.keys(expected));
    for (const [name, { header, rows }] of Object.entries(expected)) {
      const sheet = sheets.get(name)!;
      assert.deepEqual(sheet[0], header, `${name}: header`);
      assert.equal(sheet.length - 1, rows, `${name}: rows`);
      assert.ok(reply.caption!.includes(`\n${name}: ${rows}`), `${name} in the caption: ${reply.caption}`);
    }
    assert.ok(reply.caption!.startsWith("Full report, rows per sheet:"));
    assert.equal(expected.Participants!.rows, 3, "Boris was deleted");
    assert.ok(expected["Not delivered"]!.rows >= 1 && expected.Security!.rows >= 2, "the interesting sheets are not empty");

    const annaRow = sheets.get("Participants")!.find((r) => r[1] === anna.id)!;
    assert.equal(annaRow[2], "@anna_k", "ids are numbers, found by number");
    const [annaStored] = sc.query<{ registered_at: number; agreement_version: string }>("SELECT registered_at, agreement_version FROM users WHERE id = ?", anna.id);
    // Excel has no zones: the cell holds the Moscow clock's reading (UTC+3), as an organiser in Moscow expects.
    assert.ok(annaRow[6] instanceof Date, "registration time is a real date");
    assert.ok(Math.abs(annaRow[6].getTime() - (annaStored!.registered_at + 3 * 3_600_000)) < 1000, "in Moscow time");
    assert.match(String(annaRow[9]), new RegExp(`^${annaStored!.agreement_version} of \\d{4}-\\d{2}-\\d{2}$`), "the agreement version with its date");
    assert.match(String(annaRow[10]), /^ticket-cl-\d{4}\.pdf$/, "the ticket column");
    assert.equal(annaRow[11], "sent");

    const [wave] = sheets.get("Waves")!.slice(1);
    const [stored] = sc.query<{ id: number; created_by: number }>("SELECT * FROM waves");
    assert.deepEqual(wave!.slice(0, 2), [stored!.id, "Spring"]);
    assert.equal(wave![2], "sent", "every participant holds a ticket and none failed");
    assert.ok(wave![3] instanceof Date && wave![5] instanceof Date, "created and confirmed at are dates");
    assert.equal(wave![4], `@founder (${sc.founder.id})`, "people by name beside their id");
    assert.deepEqual(wave!.slice(8), [5, 1, 4, 0, 1], "tickets total, available, sent, archived; deliveries");

    const invite = sheets.get("Invites")!.slice(1).find((r) => r[2] === "used")!;
    assert.equal(invite[4], `@founder (${sc.founder.id})`);
    assert.match(String(invite[6]), /^@\w+ \(\d+\)$|^deleted user #\d+$/);

    const security = sheets.get("Security")!.slice(1);
    const refused = security.find((r) => r[1] === carl.id && r[4] === "/chatlog")!;
    assert.ok(refused[0] instanceof Date);
    assert.deepEqual(refused.slice(1, 5), [carl.id, "@carl_m", "not allowed", "/chatlog"]);

    const failed = sheets.get("Not delivered")!.slice(1);
    assert.ok(
      failed.some((r) => r[0] === dora.id && /^announcement “Doors open at 19:00” \(delivery #\d+\)$/.test(String(r[2]))),
      "the announcement Telegram refused to Dora, named by its first words",
    );

    const workbook = await loadWorkbook(file);
    for (const [name, { header }] of Object.entries(expected)) {
      const sheet = workbook.getWorksheet(name)!;
      assert.equal(sheet.views[0]!.state, "frozen", name);
      assert.equal((sheet.views[0] as { ySplit: number }).ySplit, 1, name);
      assert.equal(sheet.autoFilter, `A1:${String.fromCharCode(64 + header.length)}1`, name);
    }
    assert.equal(sc.query("SELECT * FROM audit_log WHERE action = 'full_report'").length, 1);
  });
});
