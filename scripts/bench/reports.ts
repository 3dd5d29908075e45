/**
 * Scenario 4: the big reports over a database after a large event (seeded
 * straight into SQLite): time from the command to the document, the bot's
 * peak memory, and that the file opens with the right number of rows.
 */
import AdmZip from "adm-zip";
import type { Scenario } from "../../tests/support/harness.js";
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
      const measured = await reportInFreshProcess(sc, command);
      if (!measured) {
        report.figure(name, command, "not available in this build");
        // Until /full_report exists, /list_tickets stands in for the ticket-sized part of it.
        if (command === "/full_report") commands.push({ command: "/list_tickets", sheets: pick(expected, ["Tickets"]), judged: true });
        continue;
      }
      reportFigures(report, name, command, measured, judged ? { seconds: 10, mb: 400 } : undefined);
      await checkSheets(report, name, command, measured, sheets);
    }
  } finally {
    await sc.stop();
  }
}

export interface MeasuredReport {
  seconds: number;
  peakMb: number;
  bytes: number;
  xlsx: Buffer;
}

/**
 * One report command in a fresh bot process (its VmHWM is then that report's
 * peak): the time from the command to the document. Undefined when this
 * build does not know the command. The bot is stopped afterwards.
 */
export async function reportInFreshProcess(sc: Scenario, command: string): Promise<MeasuredReport | undefined> {
  await sc.startBot();
  try {
    await settle(1100);
    const since = sc.founder.messages.length;
    const started = Date.now();
    sc.founder.send(command);
    const reply = await sc.founder.waitFor((m) => m.document !== undefined || UNKNOWN_COMMAND.test(m.text ?? ""), { since, timeoutMs: 300_000 });
    if (!reply.document) return undefined;
    const seconds = (reply.receivedAt - started) / 1000;
    const memory = memoryOf(sc);
    return { seconds, peakMb: memory.peakMb, bytes: reply.document.file_size ?? 0, xlsx: sc.founder.download(reply) };
  } finally {
    await sc.bot.stop();
  }
}

/** Time, peak memory and size of a report, judged against `targets` when given. */
export function reportFigures(report: BenchReport, name: string, command: string, measured: MeasuredReport, targets?: { seconds: number; mb: number }): void {
  report.figure(name, `${command}: command → document`, sec(measured.seconds, 2), targets ? atMost(measured.seconds, targets.seconds, `< ${targets.seconds} s`) : undefined);
  report.figure(name, `${command}: peak RSS of the bot`, mb(measured.peakMb), targets ? atMost(measured.peakMb, targets.mb, `< ${targets.mb} MB`) : undefined);
  report.figure(name, `${command}: file size`, fileSize(measured.bytes));
}

/** The file opens, and each named sheet has exactly the expected data rows. */
export async function checkSheets(report: BenchReport, name: string, command: string, measured: MeasuredReport, sheets: Record<string, number>): Promise<void> {
  const counted = countRows(measured.xlsx);
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

/** The sheets of /full_report (SPEC §6) and the data rows each must have after the seed. */
function expectedSheets(seeded: ReportSeedCounts): Record<string, number> {
  return {
    Participants: seeded.participants,
    Admins: 1,
    Tickets: seeded.tickets,
    Invites: seeded.invites,
    Waves: seeded.waves,
    "Not delivered": seeded.failed,
    Security: 0,
  };
}

function pick(all: Record<string, number>, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, all[n]!]));
}

/**
 * Data rows (header excluded) per sheet, counted in the sheet's XML: a
 * 100 000-row sheet stays cheap, and nothing depends on the order of the
 * parts in the archive (exceljs' streaming reader fails on a sheet that comes
 * before xl/workbook.xml). Names come from xl/workbook.xml, files from its
 * relationships.
 */
export function countRows(xlsx: Buffer): Map<string, number> {
  const zip = new AdmZip(xlsx);
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const targets = new Map((zip.readAsText("xl/_rels/workbook.xml.rels").match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => [attribute(tag, "Id"), attribute(tag, "Target")]));
  const counts = new Map<string, number>();
  for (const tag of zip.readAsText("xl/workbook.xml").match(/<sheet\b[^>]*>/g) ?? []) {
    const target = targets.get(attribute(tag, "r:id"))!.replace(/^\/?(xl\/)?/, "");
    const rows = (zip.readAsText(`xl/${target}`).match(/<row[\s>]/g) ?? []).length;
    counts.set(unescapeXml(attribute(tag, "name") ?? ""), Math.max(0, rows - 1));
  }
  return counts;
}

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[entity]!);
