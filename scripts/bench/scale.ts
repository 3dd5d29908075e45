/**
 * Issue 17 item 4: an event of 100 000 participants, in one database, step
 * by step as it would happen:
 *
 * 1. a paid ticket wave to all of them (PAID_BROADCAST, the automatic
 *    window): the pace, and the bot's peak memory;
 * 2. more people register later and a free-tier /send_tickets serves just
 *    them, walking past the 100 000 who hold a ticket: its rate;
 * 3. /full_report over it all, in a fresh process;
 * 4. /stats, in a fresh process: command → picture, and its caption counts everyone.
 *
 * Participants and tickets are seeded into SQLite (and the ticket files onto
 * disk): 100 000 PDFs are beyond one ZIP upload (ZIP_MAX_ENTRIES, 20 MB).
 */
import { ticketPdfs, waitForSummary } from "../../tests/support/waves.js";
import { benchCpuSince, cpuSince, paidEnv, paidFigures } from "./paid.js";
import { checkSheets, reportFigures, reportInFreshProcess } from "./reports.js";
import { atLeast, atMost, type BenchReport, fixed, mb, numberAfter, ratio, sec } from "./report.js";
import { seedAvailableTickets, seedParticipants, type SeededPerson, type SeededTicket } from "./seed.js";
import { trace } from "./trace.js";
import { exactlyOnce } from "./wave.js";
import { benchScenario, callsSince, cpuOf, memoryOf, settle } from "./world.js";
import type { Scenario } from "../../tests/support/harness.js";

export interface ScaleRun {
  participants: number;
  /** People who register after the paid wave, served by a free-tier /send_tickets. */
  late: number;
  /** SEND_RATE_PER_SECOND of that second send. */
  lateRate: number;
}

const FIRST_ID = 1_000_001;

export async function scale(report: BenchReport, run: ScaleRun): Promise<void> {
  const name = `${run.participants} participants`;
  const sc = await benchScenario({ env: paidEnv({}), noStart: true });
  try {
    const seedStarted = performance.now();
    const people = seedParticipants(sc.env.DATABASE_PATH!, { count: run.participants, firstId: FIRST_ID, founderId: sc.founder.id });
    const tickets = ticketPdfs(run.participants, "scale");
    seedAvailableTickets(sc.env.DATABASE_PATH!, sc.env.DEFAULT_TICKET_FOLDER!, { founderId: sc.founder.id, tickets });
    for (const p of people) sc.emu.user({ id: p.id, username: p.username, languageCode: "en", started: true });
    report.figure(name, "seeding participants, tickets and files (not the bot)", sec((performance.now() - seedStarted) / 1000));

    // 1. The paid wave to everyone.
    const paidName = `${name}: paid ticket wave to all, concurrency auto`;
    await sc.startBot();
    const paid = await sendTickets(sc, paidName, run.participants / 500);
    paidFigures(report, paidName, {
      calls: paid.calls,
      method: "sendDocument",
      deliveries: run.participants,
      cpu: paid.cpu,
      run: {},
      emulator: { cpuSeconds: paid.emulatorCpuSeconds, wallSeconds: paid.wallSeconds },
    });
    report.figure(paidName, "peak RSS of the bot", mb(paid.peakMb), atMost(paid.peakMb, 300, "< 300 MB"));
    checkWave(report, paidName, sc, paid.summaryText, people, tickets);
    await sc.bot.stop();

    // 2. Newcomers, served by a free-tier /send_tickets that walks past everyone else.
    const lateName = `${name}: ${run.late} newcomers at ${run.lateRate}/s (free tier), the others holding tickets`;
    const late = seedParticipants(sc.env.DATABASE_PATH!, {
      count: run.late,
      firstId: FIRST_ID + run.participants,
      firstSeq: run.participants + 1,
      founderId: sc.founder.id,
      usernamePrefix: "late",
    });
    const lateTickets = ticketPdfs(run.late, "late");
    seedAvailableTickets(sc.env.DATABASE_PATH!, sc.env.DEFAULT_TICKET_FOLDER!, { founderId: sc.founder.id, tickets: lateTickets });
    for (const p of late) sc.emu.user({ id: p.id, username: p.username, languageCode: "en", started: true });
    await sc.startBot({ PAID_BROADCAST: "false", SEND_RATE_PER_SECOND: String(run.lateRate) });
    const free = await sendTickets(sc, lateName, run.late / run.lateRate);
    const share = run.late / free.wallSeconds / run.lateRate;
    report.figure(lateName, "wall time /send_tickets → summary", sec(free.wallSeconds));
    report.figure(lateName, "messages/s", fixed(run.late / free.wallSeconds), atLeast(share, 0.99, `≥ ${fixed(0.99 * run.lateRate, 2)}`));
    report.figure(lateName, "ratio to the configured rate", ratio(share), atLeast(share, 0.99, "≥ 0.99×"));
    report.figure(lateName, "peak RSS of the bot", mb(free.peakMb));
    checkWave(report, lateName, sc, free.summaryText, late, lateTickets);
    const everyone = people.concat(late);
    const all = exactlyOnce(sc, everyone, tickets.concat(lateTickets));
    report.check(lateName, `all ${everyone.length}: one distinct ticket each, nobody served twice across both sends`, all.ok, all.detail);
    await sc.bot.stop();

    // 3. The full report over it all.
    const reportName = `${name}: reports over ${everyone.length} participants and tickets`;
    const full = await reportInFreshProcess(sc, "/full_report");
    if (!full) report.figure(reportName, "/full_report", "not available in this build");
    else {
      reportFigures(report, reportName, "/full_report", full, { seconds: 15, mb: 400 });
      await checkSheets(report, reportName, "/full_report", full, { Participants: everyone.length, Tickets: everyone.length, Invites: everyone.length, Waves: 1 });
    }

    // 4. /stats (issue 16).
    await statsFigure(report, reportName, sc, everyone.length);
  } finally {
    await sc.stop();
  }
}

interface SendResult {
  wallSeconds: number;
  summaryText: string | undefined;
  calls: ReturnType<typeof callsSince>;
  cpu: { user: number; system: number };
  emulatorCpuSeconds: number;
  peakMb: number;
}

/** /send_tickets as the founder, timed to the summary. */
async function sendTickets(sc: Scenario, name: string, expectedSeconds: number): Promise<SendResult> {
  await settle(2000);
  const from = sc.emu.calls.length;
  const since = sc.founder.messages.length;
  const cpuBefore = cpuOf(sc);
  const benchBefore = process.cpuUsage();
  const started = Date.now();
  sc.founder.send("/send_tickets");
  const summary = await waitForSummary(sc, since, expectedSeconds * 3_000 + 120_000);
  const cpu = cpuSince(cpuBefore, cpuOf(sc));
  const emulatorCpuSeconds = benchCpuSince(benchBefore);
  const calls = callsSince(sc, from);
  trace(name, calls, started);
  return { wallSeconds: (summary.receivedAt - started) / 1000, summaryText: summary.text, calls, cpu, emulatorCpuSeconds, peakMb: memoryOf(sc).peakMb };
}

function checkWave(report: BenchReport, name: string, sc: Scenario, summary: string | undefined, people: readonly SeededPerson[], tickets: readonly SeededTicket[]): void {
  report.check(name, "summary reports every participant as sent", numberAfter(summary, "✅") === people.length, (summary ?? "").split("\n").slice(0, 3).join(" / "));
  const delivery = exactlyOnce(sc, people, tickets);
  report.figure(name, "duplicates", String(delivery.duplicates), atMost(delivery.duplicates, 0, "0"));
  report.check(name, "exactly once: every participant holds one distinct ticket, none shared", delivery.ok, delivery.detail);
}

/** /stats in a fresh process: command → picture (issue 16), and the caption's count of participants. */
async function statsFigure(report: BenchReport, name: string, sc: Scenario, participants: number): Promise<void> {
  await sc.startBot();
  try {
    await settle(1100);
    const since = sc.founder.messages.length;
    const started = Date.now();
    sc.founder.send("/stats");
    const reply = await sc.founder.waitFor((m) => m.photo !== undefined, { since, timeoutMs: 120_000 });
    report.check(name, "/stats: the caption counts every participant", numberAfter(reply.caption, "👥") === participants, (reply.caption ?? "").split("\n").slice(0, 2).join(" / "));
    const seconds = (reply.receivedAt - started) / 1000;
    const peak = memoryOf(sc).peakMb;
    report.figure(name, "/stats: command → picture", sec(seconds, 2), atMost(seconds, 2, "< 2 s"));
    report.figure(name, "/stats: peak RSS of the bot", mb(peak));
  } finally {
    await sc.bot.stop();
  }
}
