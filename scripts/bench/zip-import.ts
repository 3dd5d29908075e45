/**
 * Scenario 3: /upload_zip with N PDFs of about 60 KB each, far over the cloud
 * API's 20 MB download limit, so through a local Bot API server (emulator
 * localMode: getFile answers with a path on disk). Timed from the upload to
 * the bot's answer.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { makePdfOfSize, makeZip } from "../../tests/support/fixtures.js";
import { uploadZip } from "../../tests/support/waves.js";
import { atMost, type BenchReport, fileSize, mb, numberAfter, sec } from "./report.js";
import { benchScenario, memoryOf, settle } from "./world.js";

export interface ImportRun {
  files: number;
  /** Size of each PDF; a few sizes around it so the files are not all alike. */
  kilobytes: number;
}

export async function zipImport(report: BenchReport, run: ImportRun): Promise<void> {
  const name = `ZIP import, ${run.files} PDFs of ~${run.kilobytes} KB (local Bot API)`;
  const pdfs = Array.from({ length: run.files }, (_, i) => ({
    name: `tickets/ticket-${String(i + 1).padStart(5, "0")}.pdf`,
    data: makePdfOfSize(`import-${i}`, run.kilobytes * 1024 + (i % 9) * 256),
  }));
  const zip = makeZip(pdfs);
  const sc = await benchScenario({ emulator: { localMode: true } });
  try {
    await sc.ask(sc.founder, "/new_wave Import");
    await settle(1100);
    const started = Date.now();
    const reply = await uploadZip(sc, sc.founder, zip, "/upload_zip", "tickets.zip");
    const seconds = (reply.receivedAt - started) / 1000;
    const memory = memoryOf(sc);

    report.figure(name, "ZIP size", fileSize(zip.length));
    report.figure(name, "upload → answer", sec(seconds, 2), atMost(seconds, 5, "< 5 s"));
    report.figure(name, "peak RSS of the bot", mb(memory.peakMb), atMost(memory.peakMb, 400, "< 400 MB"));

    report.check(name, `the bot reports ${run.files} imported`, numberAfter(reply.text, "Loaded") === run.files, (reply.text ?? "").split("\n")[0]);
    const rows = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE status = 'available'")[0]!.n;
    report.check(name, "database: one ticket per PDF", rows === run.files, `${rows} of ${run.files}`);
    const folder = join(sc.dir, "tickets");
    const stored = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".pdf")).length;
    report.check(name, "disk: one file per PDF", stored === run.files, `${stored} of ${run.files}`);
  } finally {
    await sc.stop();
  }
}
