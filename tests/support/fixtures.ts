/**
 * Test fixtures: small valid PDFs and zip archives (including hostile entry
 * names) built in memory.
 */
import { createHash } from "node:crypto";
import AdmZip from "adm-zip";

/** PDF literal string escaping; non-ASCII bytes become octal escapes. */
function pdfString(s: string): string {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) out += "\\" + b.toString(8).padStart(3, "0");
    else out += String.fromCharCode(b);
  }
  return out;
}

/** Deterministic incompressible-looking bytes derived from the label. */
function noise(label: string, length: number): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash("sha256").update(label).digest();
  for (let pos = 0; pos < length; pos += block.length) {
    block.copy(out, pos, 0, Math.min(block.length, length - pos));
    block = createHash("sha256").update(block).digest();
  }
  return out;
}

/** Assemble a one-page PDF with a correct xref table; `padding` goes into an extra stream object. */
function buildPdf(label: string, padding: Buffer | null): Buffer {
  const text = pdfString(label);
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET\n`;
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    ),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.from(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`),
    Buffer.from(`<< /Title (${text}) /Producer (ticket-bot tests) >>`),
  ];
  if (padding) {
    objects.push(
      Buffer.concat([
        Buffer.from(`<< /Length ${padding.length} >>\nstream\n`),
        padding,
        Buffer.from("\nendstream"),
      ]),
    );
  }
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(chunk);
    size += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** A small valid single-page PDF whose bytes differ by label. */
export function makePdf(label: string): Buffer {
  return buildPdf(label, null);
}

/** A valid PDF of exactly `bytes` bytes (padded with an unreferenced stream object). */
export function makePdfOfSize(label: string, bytes: number): Buffer {
  const minimal = buildPdf(label, Buffer.alloc(0));
  if (bytes < minimal.length) {
    throw new Error(`makePdfOfSize: ${bytes} bytes is below the minimum of ${minimal.length} for this label`);
  }
  // The /Length digits and xref offsets depend on the padding size; converge in a few steps.
  let pad = bytes - minimal.length;
  for (let i = 0; i < 5; i++) {
    const pdf = buildPdf(label, noise(label, pad));
    if (pdf.length === bytes) return pdf;
    pad += bytes - pdf.length;
    if (pad < 0) break;
  }
  throw new Error(`makePdfOfSize: cannot hit exactly ${bytes} bytes`);
}

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  /** Default true (deflate); false stores the entry uncompressed. */
  compress?: boolean;
}

/**
 * A zip archive with the given entries. Names are written raw, so hostile
 * names such as "../evil.pdf", "/abs.pdf" or "C:\\x.pdf" survive (adm-zip
 * would otherwise normalise them on addFile).
 */
export function makeZip(entries: ZipEntryInput[]): Buffer {
  // noSort keeps the caller's order (adm-zip sorts entries by name by default).
  const zip = new AdmZip(undefined, { noSort: true });
  entries.forEach((e, i) => {
    const placeholder = `entry-${i}.bin`;
    zip.addFile(placeholder, typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data);
    const entry = zip.getEntry(placeholder);
    if (!entry) throw new Error("makeZip: adm-zip lost an entry");
    entry.entryName = e.name;
    if (e.compress === false) entry.header.method = 0;
  });
  const buf = zip.toBuffer();
  const names = new AdmZip(buf, { noSort: true }).getEntries().map((x) => x.entryName);
  const expected = entries.map((e) => e.name);
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new Error(`makeZip: entry names changed on write: ${JSON.stringify(names)}`);
  }
  return buf;
}
