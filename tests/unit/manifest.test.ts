import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { readManifest, type ManifestResult } from "../../src/tickets/manifest.js";

const FILES = ["ticket-1.pdf", "ticket-2.pdf", "ticket-3.pdf", "vip/ticket-4.pdf"];

const csv = (text: string | Buffer, files: readonly string[] = FILES): Promise<ManifestResult> =>
  readManifest({ name: "manifest.csv", data: Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8") }, files);

/** file → "key shown" for a manifest that was accepted. */
function owners(result: ManifestResult): Record<string, string> {
  assert.ok(result.ok, `refused: ${JSON.stringify(!result.ok && result.problems)}`);
  return Object.fromEntries([...result.owners].map(([file, owner]) => [file, `${owner.key} ${owner.shown}`]));
}

function problems(result: ManifestResult): unknown[] {
  assert.ok(!result.ok, "the manifest should be refused");
  return result.problems;
}

async function xlsx(rows: ExcelJS.CellValue[][], sheets = 1): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("People");
  for (const row of rows) sheet.addRow(row);
  for (let i = 1; i < sheets; i++) workbook.addWorksheet(`Other ${i}`).addRow(["ticket-3.pdf", "@ignored"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("named-ticket manifests: CSV", () => {
  it("reads comma-separated rows without a header", async () => {
    assert.deepEqual(owners(await csv("ticket-1.pdf,@Anna\nticket-2.pdf,123456789\n")), {
      "ticket-1.pdf": "username:anna @Anna",
      "ticket-2.pdf": "id:123456789 123456789",
    });
  });

  it("reads semicolons, CRLF, a BOM, a header row, extra columns, blank lines and spaces", async () => {
    const text = "\uFEFFФайл;Участник;Имя\r\n\r\n ticket-1.pdf ; @anna ; Анна Иванова\r\nticket-3.pdf;@Boris_K;Борис\r\n;;\r\n";
    assert.deepEqual(owners(await csv(text)), {
      "ticket-1.pdf": "username:anna @anna",
      "ticket-3.pdf": "username:boris_k @Boris_K",
    });
  });

  it("honours quotes, also around file names holding the other delimiter", async () => {
    const files = ["Smith, John.pdf", "a;b.pdf"];
    assert.deepEqual(owners(await csv('"Smith, John.pdf";@john_s\n"a;b.pdf";"@ab_cd"\n', files)), {
      "Smith, John.pdf": "username:john_s @john_s",
      "a;b.pdf": "username:ab_cd @ab_cd",
    });
    assert.deepEqual(owners(await csv('file,person\n"Smith, John.pdf",@john_s\n', files)), { "Smith, John.pdf": "username:john_s @john_s" });
  });

  it("reads Windows-1251 text from a Russian Excel", async () => {
    const files = ["Билет-1.pdf"];
    const cp1251 = Buffer.from([0xc1, 0xe8, 0xeb, 0xe5, 0xf2, 0x2d, 0x31, 0x2e, 0x70, 0x64, 0x66, 0x3b, 0x40, 0x61, 0x6e, 0x6e, 0x61]); // "Билет-1.pdf;@anna"
    assert.deepEqual(owners(await csv(cp1251, files)), { "Билет-1.pdf": "username:anna @anna" });
  });

  it("matches by exact path, by base name (any case, with or without .pdf) and Windows paths", async () => {
    assert.deepEqual(owners(await csv("vip/ticket-4.pdf,@anna\nTICKET-1.PDF,@boris\nticket-2,@clara\nC:\\out\\ticket-3.pdf,@dmitry\n")), {
      "vip/ticket-4.pdf": "username:anna @anna",
      "ticket-1.pdf": "username:boris @boris",
      "ticket-2.pdf": "username:clara @clara",
      "ticket-3.pdf": "username:dmitry @dmitry",
    });
    assert.deepEqual(owners(await csv("ticket-4.pdf,@anna\n")), { "vip/ticket-4.pdf": "username:anna @anna" });
  });

  it("tells which named people have not registered yet", async () => {
    const result = await csv("ticket-1.pdf,@anna\nticket-2.pdf,42\nticket-3.pdf,@boris\n");
    assert.ok(result.ok);
    const registered = new Map<string, { registered_at: number | null }>([["anna", { registered_at: 1 }], ["boris", { registered_at: null }]]);
    const users = {
      findById: (id: number) => (id === 7 ? { registered_at: 1 } : undefined),
      findByUsername: (name: string) => registered.get(name.toLowerCase()),
    } as unknown as Parameters<typeof result.waitingFor>[0]["users"];
    assert.deepEqual(result.waitingFor({ users }), ["42", "@boris"]);
  });
});

describe("named-ticket manifests: XLSX", () => {
  it("reads the first sheet, numbers as ids, hyperlinks and rich text, with a header", async () => {
    const data = await xlsx(
      [
        ["File", "Telegram"],
        ["ticket-1.pdf", "@anna"],
        ["ticket-2.pdf", 987654321],
        [{ text: "ticket-3.pdf", hyperlink: "file:///ticket-3.pdf" }, { richText: [{ text: "@bo" }, { text: "ris" }] }],
      ],
      2,
    );
    assert.deepEqual(owners(await readManifest({ name: "MANIFEST.XLSX", data }, FILES)), {
      "ticket-1.pdf": "username:anna @anna",
      "ticket-2.pdf": "id:987654321 987654321",
      "ticket-3.pdf": "username:boris @boris",
    });
  });

  it("reports problems with the spreadsheet's own row numbers", async () => {
    const data = await xlsx([["File", "Person"], ["ticket-1.pdf", "@anna"], [], ["nope.pdf", "@boris"]]);
    assert.deepEqual(problems(await readManifest({ name: "manifest.xlsx", data }, FILES)), [{ reason: "unknown_file", row: 4, value: "nope.pdf" }]);
  });
});

describe("named-ticket manifests: refusals (nothing is imported)", () => {
  it("a file that is not in the ZIP", async () => {
    assert.deepEqual(problems(await csv("ticket-1.pdf,@anna\nmissing.pdf,@boris\n")), [{ reason: "unknown_file", row: 2, value: "missing.pdf" }]);
    // Even in the first row: it is not mistaken for a header.
    assert.deepEqual(problems(await csv("missing.pdf,@boris\n")), [{ reason: "unknown_file", row: 1, value: "missing.pdf" }]);
  });

  it("the same person twice, also written differently", async () => {
    assert.deepEqual(problems(await csv("ticket-1.pdf,@anna\nticket-2.pdf,@ANNA\nticket-3.pdf,42\nvip/ticket-4.pdf,42\n")), [
      { reason: "person_twice", row: 2, value: "@ANNA" },
      { reason: "person_twice", row: 4, value: "42" },
    ]);
  });

  it("the same file twice", async () => {
    assert.deepEqual(problems(await csv("ticket-1.pdf,@anna\nTicket-1.pdf,@boris\n")), [{ reason: "file_twice", row: 2, value: "Ticket-1.pdf" }]);
  });

  it("a malformed person", async () => {
    assert.deepEqual(problems(await csv("ticket-1.pdf,@an\nticket-2.pdf,Anna Ivanova\nticket-3.pdf,\nvip/ticket-4.pdf,-5\n")), [
      { reason: "bad_person", row: 1, value: "@an" },
      { reason: "bad_person", row: 2, value: "Anna Ivanova" },
      { reason: "bad_person", row: 3, value: "" },
      { reason: "bad_person", row: 4, value: "-5" },
    ]);
  });

  it("a base name that fits files in several folders", async () => {
    assert.deepEqual(problems(await csv("t.pdf,@anna\n", ["a/t.pdf", "b/t.pdf"])), [{ reason: "ambiguous_file", row: 1, value: "t.pdf" }]);
    assert.deepEqual(owners(await csv("b/t.pdf,@anna\n", ["a/t.pdf", "b/t.pdf"])), { "b/t.pdf": "username:anna @anna" });
  });

  it("an empty manifest, or one with a header only", async () => {
    assert.deepEqual(problems(await csv("")), [{ reason: "empty" }]);
    assert.deepEqual(problems(await csv("file;person\n\n")), [{ reason: "empty" }]);
    assert.deepEqual(problems(await readManifest({ name: "manifest.xlsx", data: await xlsx([]) }, FILES)), [{ reason: "empty" }]);
  });

  it("an unreadable file", async () => {
    assert.deepEqual(problems(await csv('ticket-1.pdf,"@anna\n')), [{ reason: "unreadable" }]);
    assert.deepEqual(problems(await readManifest({ name: "manifest.xlsx", data: Buffer.from("not a workbook") }, FILES)), [{ reason: "unreadable" }]);
  });
});
