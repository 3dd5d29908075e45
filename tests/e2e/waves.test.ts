import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { readSheets, useScenario } from "../support/harness.js";
import { received, sendAndWait, sha256, ticketPdfs, uploadZip } from "../support/waves.js";

describe("waves: the whole happy path (SPEC §7)", () => {
  const sc = useScenario();
  let people: SimUser[];
  before(async () => {
    people = Array.from({ length: 5 }, (_, i) => sc.user({ username: `guest_${i}`, firstName: `Guest${i}` }));
    await sc.register(people);
  });

  it("gives each registered participant exactly one distinct ticket, byte for byte, across two uploads", async () => {
    assert.match((await sc.ask(sc.founder, "/send_tickets")).text!, /no open wave/);
    assert.match((await sc.ask(sc.founder, "/new_wave Spring Gala")).text!, /Wave “Spring Gala” is open/);
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /has no tickets yet/);

    const first = ticketPdfs(4, "a");
    const imported = await uploadZip(sc, sc.founder, makeZip(first));
    assert.match(imported.text!, /Loaded 4 tickets into wave “Spring Gala”/);
    // Not confirmed yet: /send_tickets asks first (the question is what /confirm_wave would show); not answered here.
    assert.match((await sc.ask(sc.founder, "/send_tickets")).text!, /is not confirmed yet[\s\S]*Send 4 tickets to 5 participants\?/);
    const confirmed = await sc.ask(sc.founder, "/confirm_wave");
    assert.match(confirmed.text!, /4 available tickets, 0 already sent; 5 participants have no ticket/);
    assert.match(confirmed.text!, /1 participant stays without one/);

    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 4 messages sent/);
    assert.match(summary.text!, /No ticket left for 1 participant\b/);
    const progress = sc.founder.messages.find((m) => /^✅ Delivery #\d+ is over, tickets of wave “Spring Gala”: 4 of \d+ sent/.test(m.text ?? ""));
    assert.ok(progress, "the progress message ends as done");

    let got = received(people);
    const firstHashes = new Set(first.map((t) => sha256(t.data)));
    const holders = people.filter((p) => got.get(p.id)!.length === 1);
    assert.equal(holders.length, 4);
    const order = sc.query<{ id: number }>("SELECT id FROM users WHERE registered_at IS NOT NULL ORDER BY registration_seq").map((r) => r.id);
    assert.deepEqual(holders.map((p) => p.id).sort(), order.slice(0, 4).sort(), "the first four in registration order");
    const delivered = holders.map((p) => got.get(p.id)![0]!);
    assert.equal(new Set(delivered).size, 4, "distinct tickets");
    for (const hash of delivered) assert.ok(firstHashes.has(hash), "byte-identical to a ZIP entry");
    const doc = holders[0]!.documents()[0]!;
    assert.match(doc.document!.file_name!, /^ticket-a-000\d\.pdf$/);
    assert.equal(doc.caption, "🎟 Your ticket · wave “Spring Gala”\nShow this ticket at the entrance.");

    const more = ticketPdfs(2, "b");
    assert.match((await uploadZip(sc, sc.founder, makeZip(more), "/upload_zip_add")).text!, /Loaded 2 tickets/);
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /2 available tickets, 4 already sent; 1 participant has no ticket/);
    const second = await sendAndWait(sc);
    assert.match(second.text!, /✅ 1 message sent/);
    got = received(people);
    for (const p of people) assert.equal(got.get(p.id)!.length, 1, `${p.username} holds exactly one ticket`);
    assert.equal(new Set([...got.values()].flat()).size, 5);

    assert.match((await sc.ask(sc.founder, "/send_tickets")).text!, /Every participant already has a ticket/);

    // /ticket sends the same document again, by file_id.
    const again = await sc.ask(people[2]!, "/ticket");
    assert.equal(again.document!.file_unique_id, people[2]!.documents()[0]!.document!.file_unique_id);

    const endAsk = await sc.ask(sc.founder, "/end_wave");
    assert.match(endAsk.text!, /End wave “Spring Gala”\? 1 available ticket goes to the archive/);
    const ended = await sc.press(sc.founder, "End the wave", endAsk.message_id);
    assert.match(ended.text!, /has ended: 5 tickets sent, 1 available ticket moved to the archive/);
    const archived = sc.query<{ path: string }>("SELECT path FROM tickets WHERE status = 'archived'");
    assert.equal(archived.length, 1);
    assert.ok(existsSync(join(sc.dir, "archive", archived[0]!.path)));
    assert.ok(!existsSync(join(sc.dir, "tickets", archived[0]!.path)));
    assert.match((await sc.ask(sc.founder, "/send_tickets")).text!, /no open wave/);
  });

  it("/list_tickets agrees with what the emulator delivered", async () => {
    const reply = await sc.ask(sc.founder, "/list_tickets");
    const rows = (await readSheets(sc.founder.download(reply))).get("Tickets")!;
    assert.deepEqual(rows[0], ["Ticket #", "Wave", "File", "Status", "Telegram id", "Username", "Named for", "Assigned (UTC)", "Sent (UTC)", "Attempts", "Last error", "Checked in (UTC)"]);
    const sentRows = rows.slice(1).filter((r) => r[3] === "sent");
    assert.equal(sentRows.length, 5);
    const deliveredTo = new Map(sc.emu.sentDocuments().filter((d) => d.fileName?.startsWith("ticket-")).map((d) => [d.chatId, d.fileName]));
    for (const row of sentRows) {
      assert.equal(deliveredTo.get(row[4] as number), row[2], "the file the list names is the file that person got");
      assert.ok(row[8] instanceof Date);
    }
    assert.equal(rows.slice(1).filter((r) => r[3] === "archived").length, 1);
  });
});

describe("waves: refusals and failures", () => {
  const sc = useScenario();
  let people: SimUser[];
  before(async () => {
    people = Array.from({ length: 3 }, (_, i) => sc.user({ username: `p_${i}` }));
    await sc.register(people);
    await sc.ask(sc.founder, "/new_wave Checks");
  });

  const good = makePdf("good-one");
  const cases: Array<[string, Buffer, RegExp]> = [
    ["path traversal", makeZip([{ name: "ok.pdf", data: good }, { name: "../evil.pdf", data: makePdf("e1") }]), /\.\.\/evil\.pdf — path leads outside the archive/],
    ["absolute name", makeZip([{ name: "/etc/abs.pdf", data: makePdf("e2") }]), /\/etc\/abs\.pdf — absolute path/],
    ["windows absolute", makeZip([{ name: "C:\\x.pdf", data: makePdf("e3") }]), /C:\\x\.pdf — absolute path/],
    ["not a PDF", makeZip([{ name: "fake.pdf", data: "MZ this is an exe" }]), /fake\.pdf — not a PDF$/m],
    ["empty file", makeZip([{ name: "empty.pdf", data: Buffer.alloc(0) }]), /empty\.pdf — empty file/],
    ["duplicate inside", makeZip([{ name: "a.pdf", data: good }, { name: "b.pdf", data: good }]), /b\.pdf — same content as a\.pdf/],
    ["zip bomb", makeZip([{ name: "bomb.pdf", data: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(30 * 1024 * 1024)]) }]), /bomb\.pdf — suspiciously highly compressed/],
    ["nested zip", makeZip([{ name: "inner.zip", data: makeZip([{ name: "t.pdf", data: makePdf("in") }]) }]), /inner\.zip — not a PDF$/m],
    ["not a zip at all", makePdf("pretending"), /cannot be read as a ZIP archive/],
    ["only junk", makeZip([{ name: "__MACOSX/._a.pdf", data: "x" }, { name: ".DS_Store", data: "x" }]), /There are no PDF tickets in the ZIP/],
  ];
  for (const [label, zip, expected] of cases) {
    it(`refuses a ZIP with ${label}, imports nothing and keeps answering`, async () => {
      const reply = await uploadZip(sc, sc.founder, zip);
      assert.match(reply.text!, expected);
      assert.match(reply.text!, /Nothing was loaded|not a readable/);
      assert.equal(sc.query("SELECT * FROM tickets").length, 0);
      const waveDir = join(sc.dir, "tickets", "wave-1");
      assert.deepEqual(existsSync(waveDir) ? readdirSync(waveDir) : [], []);
      assert.match((await sc.ask(sc.founder, "/myid")).text!, /Your Telegram id/);
    });
  }

  it("lists every bad entry at once", async () => {
    const zip = makeZip([
      { name: "fine.pdf", data: makePdf("fine") },
      { name: "../up.pdf", data: makePdf("u") },
      { name: "x.pdf", data: "not pdf" },
      { name: "e.pdf", data: Buffer.alloc(0) },
    ]);
    const reply = await uploadZip(sc, sc.founder, zip);
    assert.match(reply.text!, /Nothing was loaded: 3 entries are not acceptable/);
    assert.match(reply.text!, /\.\.\/up\.pdf[\s\S]*x\.pdf — not a PDF[\s\S]*e\.pdf — empty/);
  });

  it("asks for the ZIP when /upload_zip comes alone, and /cancel leaves the dialog", async () => {
    assert.match((await sc.ask(sc.founder, "/upload_zip")).text!, /Send me the ZIP/);
    assert.match((await sc.ask(sc.founder, "hello")).text!, /waiting for the ZIP/);
    const since = sc.founder.messages.length;
    sc.founder.sendDocument(Buffer.from("just text"), "notes.txt");
    assert.match((await sc.founder.waitFor(() => true, { since })).text!, /That is not a ZIP/);
    assert.equal((await sc.ask(sc.founder, "/cancel")).text, "Cancelled.");
    assert.match((await sc.ask(sc.founder, "hello")).text!, /only understand commands/);

    assert.match((await sc.ask(sc.founder, "/upload_zip")).text!, /Send me the ZIP/);
    const tickets = ticketPdfs(3, "c");
    const since2 = sc.founder.messages.length;
    sc.founder.sendDocument(makeZip(tickets), "wave.zip");
    assert.match((await sc.founder.waitFor(() => true, { since: since2, timeoutMs: 20_000 })).text!, /Loaded 3 tickets/);
  });

  it("a duplicate of an earlier import is refused and named", async () => {
    const reply = await uploadZip(sc, sc.founder, makeZip(ticketPdfs(1, "c")), "/upload_zip_add");
    assert.match(reply.text!, /ticket-c-0001\.pdf — already loaded before: ticket-c-0001\.pdf \(#1\)/);
  });

  it("explains the 20 MB download limit and the two ways out, without operator jargon", async () => {
    const big = Buffer.concat([makeZip(ticketPdfs(1, "big")), Buffer.alloc(21 * 1024 * 1024, 1)]);
    const reply = await uploadZip(sc, sc.founder, big);
    assert.match(reply.text!, /Telegram lets bots download at most 20 MB/);
    assert.match(reply.text!, /\/upload_zip_add/);
    assert.match(reply.text!, /ask whoever runs the bot's server/);
    assert.doesNotMatch(reply.text!, /BOT_API_ROOT|`/, "no operator settings in a text for organisers");
  });

  it("records a blocked participant in /failed_report and puts the ticket back", async () => {
    people[1]!.block();
    await sc.ask(sc.founder, "/confirm_wave");
    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 2 messages sent/);
    assert.match(summary.text!, /❌ 1 message not delivered/);
    assert.match(summary.text!, /blocked the bot: 1/);
    const [ticket] = sc.query<{ status: string; user_id: number | null; attempts: number; last_error: string }>(
      "SELECT * FROM tickets WHERE status = 'available'",
    );
    assert.equal(ticket!.user_id, null);
    assert.equal(ticket!.attempts, 1);
    assert.match(ticket!.last_error, /blocked/);
    const report = await sc.ask(sc.founder, "/failed_report");
    const rows = (await readSheets(sc.founder.download(report))).get("Not delivered")!;
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![0], people[1]!.id);
    assert.equal(rows[1]![1], "@p_1");
    assert.match(String(rows[1]![2]), /^ticket ticket-c-000\d\.pdf \(wave “Checks”\)$/);
    assert.equal(rows[1]![3], "blocked the bot");
    assert.equal(rows[1]![4], "Forbidden: bot was blocked by the user");
    // Unblocked later: the next /send_tickets serves them.
    people[1]!.unblock();
    const retry = await sendAndWait(sc);
    assert.match(retry.text!, /✅ 1 message sent/);
    assert.equal(people[1]!.documents().length, 1);
  });
  it("/new_wave over an open wave asks first, then ends it and opens the new one", async () => {
    const ask = await sc.ask(sc.founder, "/new_wave Encore");
    assert.match(ask.text!, /Wave “Checks” is still open: \d+ tickets? sent, \d+ available\. End it .* and open “Encore”\?/);
    assert.equal((await sc.press(sc.founder, "Cancel", ask.message_id)).text, "Nothing changed.");
    assert.equal(sc.query("SELECT * FROM waves WHERE status <> 'ended'").length, 1);
    const again = await sc.ask(sc.founder, "/new_wave Encore");
    const since = sc.founder.messages.length;
    sc.founder.press("End it and open the new wave", { messageId: again.message_id });
    const opened = await sc.founder.waitFor((m) => /Wave “Encore” is open/.test(m.text ?? ""), { since });
    assert.ok(opened);
    assert.match(sc.founder.messages.find((m) => m.message_id === again.message_id)!.text!, /Wave “Checks” has ended/);
    const waves = sc.query<{ name: string; status: string }>("SELECT name, status FROM waves ORDER BY id");
    assert.deepEqual(waves.map((w) => [w.name, w.status]), [["Checks", "ended"], ["Encore", "open"]]);
    assert.equal(sc.query("SELECT * FROM tickets WHERE status = 'available'").length, 0, "unassigned tickets archived");
  });

});
