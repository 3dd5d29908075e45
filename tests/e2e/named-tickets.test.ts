import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { type Cell, readSheets, Scenario, useScenario } from "../support/harness.js";
import { received, sendAndWait, sha256, uploadZip } from "../support/waves.js";

/** The Tickets sheet of /list_tickets as { file → row } (header row dropped). */
async function listTickets(sc: Scenario): Promise<{ header: Cell[]; byFile: Map<string, Cell[]> }> {
  const since = sc.founder.messages.length;
  sc.founder.send("/list_tickets");
  const reply = await sc.founder.waitFor((m) => m.document !== undefined, { since, timeoutMs: 30_000 });
  const rows = (await readSheets(sc.founder.download(reply))).get("Tickets")!;
  return { header: rows[0]!, byFile: new Map(rows.slice(1).map((r) => [String(r[2]), r])) };
}

const ticketCount = (sc: Scenario): number => sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM tickets")[0]!.n;

describe("named tickets: a manifest maps each PDF to its person (issue 7.1)", () => {
  const sc = useScenario();
  let anna: SimUser;
  let boris: SimUser;
  let clara: SimUser;
  let dmitry: SimUser;
  let eve: SimUser;
  before(async () => {
    anna = sc.user({ username: "anna_k" });
    boris = sc.user({ username: "Boris_M" });
    clara = sc.user({ username: "clara_unnamed" });
    dmitry = sc.user({ username: "dmitry_late" });
    eve = sc.user({ username: "eve_late" });
    await sc.register([anna, boris, clara]);
    await sc.ask(sc.founder, "/new_wave Named");
  });

  const pdfs = {
    anna: makePdf("named-anna"),
    boris: makePdf("named-boris"),
    dmitry: makePdf("named-dmitry"),
    eve: makePdf("named-eve"),
    spare: makePdf("named-spare"),
  };

  const refusals: Array<[string, string, RegExp]> = [
    ["a file that is not in the ZIP", "file;person\nanna.pdf;@anna_k\nnope.pdf;@boris_m\n", /row 3: “nope\.pdf”: there is no such PDF in this ZIP/],
    ["a person named twice", "anna.pdf,@anna_k\nboris.pdf,@ANNA_K\n", /row 2: @ANNA_K is listed twice/],
    ["a malformed person", "anna.pdf,@anna_k\nboris.pdf,Boris M\n", /row 2: “Boris M” is neither a @username nor a numeric id/],
  ];
  for (const [label, manifest, reason] of refusals) {
    it(`refuses a manifest with ${label}, and imports nothing`, async () => {
      const zip = makeZip([
        { name: "manifest.csv", data: manifest },
        { name: "anna.pdf", data: pdfs.anna },
        { name: "boris.pdf", data: pdfs.boris },
      ]);
      const reply = await uploadZip(sc, sc.founder, zip);
      assert.match(reply.text!, /^Nothing was loaded: the manifest has 1 problem\./);
      assert.match(reply.text!, reason);
      assert.equal(ticketCount(sc), 0);
      const folder = join(sc.dir, "tickets", "wave-1");
      assert.deepEqual(existsSync(folder) ? readdirSync(folder) : [], [], "no file left behind");
    });
  }

  it("imports a ZIP with manifest.csv and says who is not registered and which PDFs it does not name", async () => {
    const manifest = `file;person\nanna.pdf;@anna_k\nsub/boris.pdf;@boris_m\ndmitry.pdf;${dmitry.id}\neve.pdf;@eve_late\n`;
    const zip = makeZip([
      { name: "manifest.csv", data: `\uFEFF${manifest}` },
      { name: "anna.pdf", data: pdfs.anna },
      { name: "sub/boris.pdf", data: pdfs.boris },
      { name: "dmitry.pdf", data: pdfs.dmitry },
      { name: "eve.pdf", data: pdfs.eve },
      { name: "spare.pdf", data: pdfs.spare },
    ]);
    const reply = await uploadZip(sc, sc.founder, zip);
    const text = reply.text!;
    assert.match(text, /Loaded 5 tickets into wave “Named”/);
    assert.match(text, /4 named tickets from the manifest/);
    assert.match(text, new RegExp(`2 people from the manifest have not registered yet; they get their ticket after registering, with the next /send_tickets: ${dmitry.id}, @eve_late`));
    assert.match(text, /1 PDF is not in the manifest and goes to nobody: spare\.pdf/);

    const { header, byFile } = await listTickets(sc);
    const namedFor = header.indexOf("Named for");
    assert.ok(namedFor >= 0, "the list has a Named for column");
    assert.equal(byFile.get("anna.pdf")![namedFor], "@anna_k");
    assert.equal(byFile.get("sub/boris.pdf")![namedFor], "@boris_m");
    assert.equal(byFile.get("dmitry.pdf")![namedFor], String(dmitry.id));
    assert.equal(byFile.get("eve.pdf")![namedFor], "@eve_late");
    assert.equal(byFile.get("spare.pdf")![namedFor], "not in the manifest");
  });

  it("sends each registered named person exactly their file, and nothing to a participant the manifest does not name", async () => {
    assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /5 available tickets, 0 already sent; 3 participants have no ticket/);
    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 2 messages sent/);
    assert.match(summary.text!, /No ticket left for 1 participant\b/);
    const got = received([anna, boris, clara, dmitry, eve]);
    assert.deepEqual(got.get(anna.id), [sha256(pdfs.anna)]);
    assert.deepEqual(got.get(boris.id), [sha256(pdfs.boris)]);
    assert.deepEqual(got.get(clara.id), [], "not in the manifest: no ticket from it, not even the unnamed spare");
    assert.equal(anna.documents()[0]!.document!.file_name, "anna.pdf");
    assert.equal(boris.documents()[0]!.document!.file_name, "boris.pdf");
    // Tickets go out unprotected unless PROTECT_TICKETS is on, and never as paid broadcasts by default.
    const tickets = sc.emu.sentDocuments().filter((d) => d.chatId === anna.id || d.chatId === boris.id);
    assert.equal(tickets.length, 2);
    assert.ok(tickets.every((d) => !d.protectContent));
    const sends = sc.emu.calls.filter((c) => c.method === "sendDocument" && (c.chatId === anna.id || c.chatId === boris.id));
    assert.ok(sends.length >= 2 && sends.every((c) => c.params.allow_paid_broadcast === undefined));
  });

  it("gives a named person who registers later their own ticket at the next /send_tickets", async () => {
    await sc.register([dmitry, eve]);
    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 2 messages sent/);
    const got = received([anna, boris, clara, dmitry, eve]);
    assert.deepEqual(got.get(dmitry.id), [sha256(pdfs.dmitry)]);
    assert.deepEqual(got.get(eve.id), [sha256(pdfs.eve)]);
    assert.deepEqual(got.get(clara.id), []);
    assert.equal(got.get(anna.id)!.length, 1);

    const { byFile } = await listTickets(sc);
    assert.equal(byFile.get("dmitry.pdf")![3], "sent");
    assert.equal(byFile.get("dmitry.pdf")![4], dmitry.id);
    assert.equal(byFile.get("spare.pdf")![3], "available", "the unnamed PDF stays with nobody");
  });

  it("reads manifest.xlsx the same way", async () => {
    const ask = await sc.ask(sc.founder, "/new_wave Named 2");
    await sc.press(sc.founder, "End it and open the new wave", ask.message_id);
    const frank = sc.user({ username: "frank_x" });
    await sc.register([frank]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Manifest");
    sheet.addRow(["File", "Participant"]);
    sheet.addRow(["Clara.PDF", "@Clara_Unnamed"]);
    sheet.addRow(["frank.pdf", frank.id]);
    sheet.addRow(["ghost.pdf", "@ghost_guest"]);
    const manifest = Buffer.from(await workbook.xlsx.writeBuffer());
    const second = { clara: makePdf("xlsx-clara"), frank: makePdf("xlsx-frank"), ghost: makePdf("xlsx-ghost"), extra: makePdf("xlsx-extra") };
    const zip = makeZip([
      { name: "manifest.xlsx", data: manifest },
      { name: "Clara.PDF", data: second.clara },
      { name: "frank.pdf", data: second.frank },
      { name: "ghost.pdf", data: second.ghost },
      { name: "extra.pdf", data: second.extra },
    ]);
    const reply = await uploadZip(sc, sc.founder, zip);
    assert.match(reply.text!, /Loaded 4 tickets into wave “Named 2”/);
    assert.match(reply.text!, /3 named tickets from the manifest/);
    assert.match(reply.text!, /1 person from the manifest has not registered yet.*: @ghost_guest/);
    assert.match(reply.text!, /1 PDF is not in the manifest and goes to nobody: extra\.pdf/);

    await sc.ask(sc.founder, "/confirm_wave");
    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 2 messages sent/);
    assert.match(summary.text!, /No ticket left for 4 participants\b/);
    const got = received([anna, clara, frank]);
    assert.deepEqual(got.get(clara.id), [sha256(second.clara)], "named by username in another case");
    assert.deepEqual(got.get(frank.id), [sha256(second.frank)], "named by numeric id");
    assert.equal(got.get(anna.id)!.length, 1, "anna is not in this manifest: nothing new");

    const { header, byFile } = await listTickets(sc);
    const namedFor = header.indexOf("Named for");
    assert.equal(byFile.get("frank.pdf")![namedFor], String(frank.id));
    assert.equal(byFile.get("extra.pdf")![namedFor], "not in the manifest");
  });
});
