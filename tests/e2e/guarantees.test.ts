import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { acceptButton, readSheets, Scenario, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { sendAndWait, sha256, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * SPEC §11 under everyday admin actions, reproduced against the real process
 * exactly as the "one ticket, one person" issue found them broken.
 */

/** Every document of the wave as (recipient, content hash). */
function deliveriesOf(people: readonly SimUser[]): Array<{ userId: number; hash: string }> {
  return people.flatMap((u) => u.documents().map((m) => ({ userId: u.id, hash: sha256(u.download(m)) })));
}

function assertNoTicketReachedTwoPeople(people: readonly SimUser[]): void {
  const owner = new Map<string, number>();
  for (const { userId, hash } of deliveriesOf(people)) {
    const before = owner.get(hash);
    assert.ok(before === undefined || before === userId, `one ticket reached ${before} and ${userId}`);
    owner.set(hash, userId);
  }
}

describe("deleting a participant while their ticket waits for a retry", () => {
  const sc = useScenario();

  it("sends them nothing more, keeps their ticket bound to them, and never gives it to anyone else", async () => {
    const anna = sc.user({ username: "anna_retry", firstName: "Anna" });
    const boris = sc.user({ username: "boris_ok", firstName: "Boris" });
    await sc.register([anna, boris], 1);
    const tickets = [
      { name: "ticket-1.pdf", data: makePdf("race-ticket-1") },
      { name: "ticket-2.pdf", data: makePdf("race-ticket-2") },
    ];
    await sc.ask(sc.founder, "/new_wave Race");
    assert.match((await uploadZip(sc, sc.founder, makeZip(tickets))).text!, /Loaded 2 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");

    // Anna's sends answer 502 twice: her delivery waits for the retry round.
    sc.emu.faults.add({ method: "sendDocument", chatId: anna.id, kind: "5xx", status: 502, times: 2 });
    const since = sc.founder.messages.length;
    sc.founder.send("/send_tickets");
    const annaAttempts = () => sc.query<{ attempts: number; status: string }>("SELECT attempts, status FROM deliveries WHERE user_id = ?", anna.id)[0];
    await waitUntil(() => annaAttempts()?.attempts === 2 && annaAttempts()?.status === "retry", "Anna's delivery failed twice and waits");

    const question = await sc.ask(sc.founder, "/delete_user @anna_retry");
    assert.match(question.text!, /Delete @anna_retry/);
    const done = await sc.press(sc.founder, "🗑 Delete", question.message_id);
    assert.match(done.text!, /Deleted user #\d+/);
    const confirmedAt = Date.now();

    const summary = await waitForSummary(sc, since, 90_000);
    assert.match(summary.text!, /✅ 1 message sent/);
    assert.match(summary.text!, /1 person was deleted during the delivery/);
    assert.doesNotMatch(summary.text!, /did not match/);

    // Nothing more went to Anna: not a single attempt after the confirmation.
    const late = sc.emu.calls.filter((c) => c.method === "sendDocument" && c.chatId === anna.id && c.at >= confirmedAt);
    assert.deepEqual(late, []);
    assert.equal(anna.documents().length, 0);
    assert.equal(sc.query("SELECT * FROM chat_log WHERE user_id = ?", anna.id).length, 0, "no chat-log line for her came back");
    // Her ticket may have reached her (502s are uncertain): bound to her record for good.
    const [ticket1] = sc.query<{ status: string; user_id: number; revoke_reason: string }>("SELECT status, user_id, revoke_reason FROM tickets WHERE file_name = 'ticket-1.pdf'");
    assert.deepEqual(ticket1, { status: "revoked", user_id: anna.id, revoke_reason: "erased" });

    // A newcomer and another /send_tickets: the bound ticket goes to nobody.
    const clara = sc.user({ username: "clara_next" });
    await sc.register([clara]);
    const next = await sendAndWait(sc);
    assert.match(next.text!, /No ticket left for 1 participant\b/);
    assert.equal(clara.documents().length, 0);
    assertNoTicketReachedTwoPeople([anna, boris, clara]);
    assert.equal(boris.documents().length, 1);

    // /list_tickets shows it as revoked, held by the deleted person.
    const list = await askFile(sc, "/list_tickets");
    const rows = (await readSheets(list)).get("Tickets")!;
    const row = rows.find((r) => r[2] === "ticket-1.pdf")!;
    assert.equal(row[3], "revoked");
    assert.equal(row[5], `deleted user #${anna.id}`);
  });
});

describe("messages at Telegram's limits", () => {
  const sc = useScenario();
  before(async () => {
    await sc.ask(sc.founder, "/new_wave Limits");
  });

  it("an import refused for 40 long names lists what fits, then the whole list as a file", async () => {
    const folder = "Очень длинная папка с билетами участников мероприятия 🎟️ весна 2026";
    const entries = Array.from({ length: 40 }, (_, i) => ({ name: `${folder}/Участник номер ${i + 1} с длинным именем 👩‍💻.pdf`, data: Buffer.from(`not a pdf ${i}`) }));
    const since = sc.founder.messages.length;
    const reply = await uploadZip(sc, sc.founder, makeZip(entries));
    assert.match(reply.text!, /Nothing was loaded/);
    assert.ok(reply.text!.length <= 4096, `${reply.text!.length} characters`);
    assert.match(reply.text!, /… and \d+ more$/);
    const file = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    const lines = sc.founder.download(file).toString("utf8").split("\n");
    for (const entry of entries) assert.ok(lines.some((l) => l.includes(entry.name)), `the file names ${entry.name}`);
  });

  it("a manifest with 40 bad rows is answered within the limit, every row in the file", async () => {
    const pdfs = [{ name: "one.pdf", data: makePdf("limits-one") }];
    const rows = Array.from({ length: 40 }, (_, i) => `нет-такого-файла-с-очень-длинным-именем-номер-${i + 1}-${"ы".repeat(40)}.pdf;@someone_${i}`);
    const since = sc.founder.messages.length;
    const reply = await uploadZip(sc, sc.founder, makeZip([...pdfs, { name: "manifest.csv", data: `file;person\n${rows.join("\n")}\n` }]));
    assert.match(reply.text!, /manifest/i);
    assert.ok(reply.text!.length <= 4096);
    assert.match(reply.text!, /… and \d+ more$/);
    const file = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    const text = sc.founder.download(file).toString("utf8");
    for (let row = 2; row <= 41; row++) assert.ok(text.includes(`row ${row}:`), `row ${row} in the file`);
  });
});

describe("ticket file names", () => {
  const sc = useScenario();
  let anna: SimUser;
  let li: SimUser;
  before(async () => {
    anna = sc.user({ username: "anna_names" });
    li = sc.user({ username: "li_names" });
    await sc.register([anna, li]);
    await sc.ask(sc.founder, "/new_wave Names");
  });

  it("keep the file's own name and .pdf, fit any script on disk, and match a manifest by the full path", async () => {
    const folder = `${"Участники весенней конференции по распределённым системам".repeat(3)}/Секция 🎟️`;
    const annaPath = `${folder}/Анна Иванова 👩‍💻.pdf`;
    const cjk = `${"门票参加者名单".repeat(12)}李.pdf`; // 85 characters, 253 bytes: over ext4's 255 with any prefix
    const manifest = `file;person\n${annaPath};@anna_names\n${cjk};@li_names\n`;
    const reply = await uploadZip(sc, sc.founder, makeZip([
      { name: annaPath, data: makePdf("names-anna") },
      { name: cjk, data: makePdf("names-li") },
      { name: "manifest.csv", data: manifest },
    ]));
    assert.match(reply.text!, /Loaded 2 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 2 messages sent/);

    const annaDoc = anna.documents()[0]!.document!;
    assert.equal(annaDoc.file_name, "Анна Иванова 👩‍💻.pdf");
    assert.equal(sha256(anna.download(anna.documents()[0]!)), sha256(makePdf("names-anna")));
    const liDoc = li.documents()[0]!.document!;
    assert.ok(liDoc.file_name!.endsWith(".pdf"));
    assert.ok(!liDoc.file_name!.includes("\uFFFD"));
    assert.equal(sha256(li.download(li.documents()[0]!)), sha256(makePdf("names-li")));
    // Whole names in the database (what a manifest and /list_tickets see).
    const names = sc.query<{ file_name: string; path: string }>("SELECT file_name, path FROM tickets ORDER BY id");
    assert.deepEqual(names.map((n) => n.file_name), [annaPath, cjk]);
    for (const { path } of names) assert.ok(Buffer.byteLength(path.split("/").pop()!) <= 255);
  });
});

describe("people who never consented", () => {
  const sc = useScenario();

  it("keep nothing but the refusal: no name, nothing they wrote; /delete_user still honours an erasure request", async () => {
    const [code] = await sc.invites(1);
    const visitor = sc.user({ username: "declining_dora", firstName: "Dora", lastName: "Declines" });
    const consent = await sc.ask(visitor, `/start ${code}`);
    assert.match((await sc.press(visitor, "❌ Decline", consent.message_id)).text!, /declined/);
    await sc.ask(visitor, "+1 555 0100, call me");
    const [row] = sc.query<Record<string, unknown>>("SELECT * FROM users WHERE id = ?", visitor.id);
    assert.deepEqual([row!.username, row!.first_name, row!.last_name, row!.language_code], [null, null, null, null]);
    assert.equal(sc.query("SELECT * FROM chat_log WHERE user_id = ?", visitor.id).length, 0);
    assert.equal(sc.query("SELECT * FROM consent_refusals WHERE user_id = ?", visitor.id).length, 1);
    assert.match((await sc.ask(sc.founder, `/chatlog ${visitor.id}`)).text!, /is empty/);
    // By @username the bot does not know her (it kept no name) …
    assert.match((await sc.ask(sc.founder, "/delete_user @declining_dora")).text!, /I don't know @declining_dora/);
    // … by id it does, and erases what it kept.
    const question = await sc.ask(sc.founder, `/delete_user ${visitor.id}`);
    assert.match(question.text!, /never registered/);
    assert.match((await sc.press(sc.founder, "🗑 Delete", question.message_id)).text!, new RegExp(`Deleted user #${visitor.id}`));
    assert.equal(sc.query("SELECT * FROM consent_refusals WHERE user_id = ?", visitor.id).length, 0);
  });

  it("an admin is added by id when they have not registered", async () => {
    const helper = sc.user({ username: "future_admin" });
    await sc.ask(helper, "/myid");
    assert.match((await sc.ask(sc.founder, "/add_admin @future_admin")).text!, /known by id only/);
    assert.match((await sc.ask(sc.founder, `/add_admin ${helper.id}`)).text!, /is now an admin/);
    // As an organiser their profile is kept from now on.
    await sc.ask(helper, "/help");
    assert.equal(sc.query<{ username: string }>("SELECT username FROM users WHERE id = ?", helper.id)[0]!.username, "future_admin");
  });
});

describe("erasure and other people's chat logs", () => {
  const sc = useScenario();

  it("replaces only the exact @mention, never the same word without @", async () => {
    const common = sc.user({ username: "registered", firstName: "Reg" });
    await sc.register([common]);
    await sc.ask(sc.founder, "I think everyone registered already");
    const question = await sc.ask(sc.founder, "/delete_user @registered");
    await sc.press(sc.founder, "🗑 Delete", question.message_id);
    const lines = sc.query<{ content: string }>("SELECT content FROM chat_log WHERE user_id = ? ORDER BY id", sc.founder.id).map((l) => l.content);
    assert.ok(lines.includes("I think everyone registered already"), "the bare word is untouched");
    assert.ok(lines.includes(`/delete_user #${common.id}`), lines.join("\n"));
    assert.ok(!lines.some((l) => /@registered/i.test(l)), "the mention is gone");
  });
});

describe("confirmation buttons", () => {
  const sc = useScenario();

  it("each acts on what its own prompt said, or is refused as stale", async () => {
    await sc.ask(sc.founder, "/new_wave First");
    const alpha = await sc.ask(sc.founder, "/new_wave Alpha");
    const beta = await sc.ask(sc.founder, "/new_wave Beta");
    assert.match(alpha.text!, /open “Alpha”/);
    assert.match(beta.text!, /open “Beta”/);
    const alphaData = (alpha.reply_markup!.inline_keyboard[0]![0] as { callback_data: string }).callback_data;
    const since = sc.founder.messages.length;
    sc.founder.press("End it and open the new wave", { messageId: alpha.message_id });
    const opened = await sc.founder.waitFor((m) => /is open/.test(m.text ?? ""), { since });
    assert.match(opened.text!, /“Alpha” is open/);
    assert.equal(sc.query<{ name: string }>("SELECT name FROM waves WHERE status <> 'ended'")[0]!.name, "Alpha");
    // Beta's prompt was about "First", which is no longer the open wave.
    const stale = await sc.press(sc.founder, "End it and open the new wave", beta.message_id);
    assert.match(stale.text!, /no longer valid/);
    assert.equal(sc.query<{ name: string }>("SELECT name FROM waves WHERE status <> 'ended'")[0]!.name, "Alpha");
    // Pressing Alpha's again tells what it did, and does nothing twice.
    const queryId = sc.founder.pressRaw(alphaData, alpha.message_id);
    await sc.founder.waitForCallbackAnswer(queryId);
    assert.equal(sc.query("SELECT * FROM waves").length, 2);
  });
});

describe("the agreement version", () => {
  const sc = useScenario();

  it("is the version of the text shown, not of the presser's language at the press", async () => {
    const [code] = await sc.invites(1);
    const vera = sc.user({ username: "vera_versions", languageCode: "en" });
    const consent = await sc.ask(vera, `/start ${code}`);
    assert.match(consent.text!, /Consent to the processing of personal data/);
    vera.languageCode = "ru";
    await sc.press(vera, acceptButton(consent), consent.message_id);
    const [row] = sc.query<{ agreement_version: string }>("SELECT agreement_version FROM users WHERE id = ?", vera.id);
    assert.match(row!.agreement_version, /^en-[0-9a-f]{12}$/);
  });

  it("a button without a version (an old message) shows the agreement again instead of recording a consent", async () => {
    const [code] = await sc.invites(1);
    const old = sc.user({ username: "old_button" });
    const consent = await sc.ask(old, `/start ${code}`);
    // The payload of an agreement message sent before versions were on the button.
    const queryId = old.pressRaw("reg:accept", consent.message_id);
    const answer = await old.waitForCallbackAnswer(queryId);
    assert.match(answer.text ?? "", /agreement text has changed/);
    assert.equal(sc.query<{ registered_at: number | null }>("SELECT registered_at FROM users WHERE id = ?", old.id)[0]!.registered_at, null);
  });
});

describe("commands, whatever their case", () => {
  const sc = useScenario();

  it("register with /Start CODE and answer /Export_Users; a founder cannot be deleted", async () => {
    const [code] = await sc.invites(1);
    const upper = sc.user({ username: "upper_case" });
    const consent = await sc.ask(upper, `/Start ${code}`);
    assert.ok(consent.reply_markup, consent.text);
    const since = sc.founder.messages.length;
    sc.founder.send("/Export_Users");
    const file = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    assert.match(file.caption!, /0 participants/);
    assert.match((await sc.ask(sc.founder, `/delete_user ${sc.founder.id}`)).text!, /Owners are set in the bot's settings/i);
  });
});

async function askFile(sc: Scenario, command: string): Promise<Buffer> {
  const since = sc.founder.messages.length;
  sc.founder.send(command);
  const reply = await sc.founder.waitFor((m) => m.document !== undefined, { since, timeoutMs: 30_000 });
  return sc.founder.download(reply);
}
