/**
 * Scenario 4: the big reports over a database after a large event (seeded
 * straight into SQLite): time from the command to the document, the bot's
 * peak memory, and that the file opens with the right number of rows.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { atMost, type BenchReport, fileSize, mb, sec } from "./report.js";
import { seedReportData, type ReportSeedCounts } from "./seed.js";
import { benchScenario, memoryOf, settle } from "./world.js";

export interface ReportsRun {
  participants: number;
  tickets: number;
  failed: number;
}

const UNKNOWN_COMMAND = /I don't know this command/;

export async function reports(report: BenchReport, run: ReportsRun): Promise<void> {
  const name = `Reports, ${run.participants} participants / ${run.tickets} tickets / ${run.failed} failed deliveries`;
  const sc = await benchScenario({ noStart: true });
  try {
    const seeded = seedReportData(sc.env.DATABASE_PATH!, { count: run.participants, firstId: 300_001, founderId: sc.founder.id, tickets: run.tickets, failed: run.failed });
    const expected = expectedSheets(seeded);
    const commands: Array<{ command: string; sheets: Record<string, number>; judged: boolean }> = [
      { command: "/export_users", sheets: pick(expected, ["Participants", "Admins"]), judged: false },
      { command: "/full_report", sheets: expected, judged: true },
    ];
    for (let i = 0; i < commands.length; i++) {
      const { command, sheets, judged } = commands[i]!;
      // A fresh process per report: its VmHWM is that report's peak.
      await sc.startBot();
      await settle(1100);
      const since = sc.founder.messages.length;
      const started = Date.now();
      sc.founder.send(command);
      const reply = await sc.founder.waitFor((m) => m.document !== undefined || UNKNOWN_COMMAND.test(m.text ?? ""), { since, timeoutMs: 300_000 });
      if (!reply.document) {
        report.figure(name, command, "not available in this build");
        // Until /full_report exists, /list_tickets stands in for the ticket-sized part of it.
        if (command === "/full_report") commands.push({ command: "/list_tickets", sheets: pick(expected, ["Tickets"]), judged: true });
        await sc.bot.stop();
        continue;
      }
      const seconds = (reply.receivedAt - started) / 1000;
      const memory = memoryOf(sc);
      await sc.bot.stop();
      report.figure(name, `${command}: command → document`, sec(seconds, 2), judged ? atMost(seconds, 10, "< 10 s") : undefined);
      report.figure(name, `${command}: peak RSS of the bot`, mb(memory.peakMb), judged ? atMost(memory.peakMb, 400, "< 400 MB") : undefined);
      report.figure(name, `${command}: file size`, fileSize(reply.document.file_size ?? 0));
      const counted = await countRows(sc.founder.download(reply));
      const wrong = Object.entries(sheets).filter(([sheet, rows]) => counted.get(sheet) !== rows);
      report.check(
        name,
        `${command}: the file opens and every sheet has the right number of rows`,
        wrong.length === 0,
        wrong.length === 0
          ? Object.entries(sheets).map(([sheet, rows]) => `${sheet} ${rows}`).join(", ")
          : wrong.map(([sheet, rows]) => `${sheet}: ${counted.get(sheet) ?? "missing"} instead of ${rows}`).join("; "),
      );
    }
  } finally {
    await sc.stop();
  }
}

/** The sheets of /full_report (SPEC §6) and the data rows each must have after the seed. */
function expectedSheets(seeded: ReportSeedCounts): Record<string, number> {
  return {
    Participants: seeded.participants,
    Admins: 1,
    Tickets: seeded.tickets,
    Invites: seeded.invites,
    Waves: seeded.waves,
    "Failed deliveries": seeded.failed,
    Security: 0,
  };
}

function pick(all: Record<string, number>, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, all[n]!]));
}

/** Data rows (header excluded) per sheet, read with exceljs' streaming reader so 50 000 rows stay cheap. */
export async function countRows(xlsx: Buffer): Promise<Map<string, number>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(xlsx), { worksheets: "emit", sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore" });
  const counts = new Map<string, number>();
  for await (const worksheet of reader) {
    let rows = 0;
    for await (const _row of worksheet) rows++;
    counts.set((worksheet as unknown as { name: string }).name, Math.max(0, rows - 1));
  }
  return counts;
}
