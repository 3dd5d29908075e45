/**
 * `npm run bench`: the real bot process against the Bot API emulator
 * configured like Telegram, one table of figures at the end.
 *
 *   npm run bench                      full sizes (about 25 minutes)
 *   npm run bench -- --quick           small sizes, under a minute (CI smoke test)
 *   npm run bench -- --only wave,idle  a subset: idle wave paid registration import reports door scale, or
 *                                      part of a step's title ("wave 1000 at 30")
 *
 * Timing targets are reported, never enforced; the exit code is 1 only when
 * a correctness check fails (exactly-once delivery, everyone registered,
 * report row counts) or a scenario cannot run.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { paidBroadcast } from "./bench/broadcast.js";
import { doorScans } from "./bench/door.js";
import { httpFloor } from "./bench/http-floor.js";
import { idle } from "./bench/idle.js";
import { registrationBurst } from "./bench/registration.js";
import { BenchReport } from "./bench/report.js";
import { reports } from "./bench/reports.js";
import { scale } from "./bench/scale.js";
import { ticketWave, type WaveContext } from "./bench/wave.js";
import { zipImport } from "./bench/zip-import.js";

type Key = "idle" | "wave" | "paid" | "registration" | "import" | "reports" | "door" | "scale";

interface Step {
  key: Key;
  title: string;
  run(report: BenchReport, waves: WaveContext): Promise<void>;
}

function plan(quick: boolean): Step[] {
  const wave = (participants: number, rate: number, baselineSends = 0): Step => ({
    key: "wave",
    title: `ticket wave ${participants} at ${rate}/s`,
    run: (r, w) => ticketWave(r, { participants, rate, baselineSends }, w),
  });
  const paid = (participants: number, concurrency?: number): Step[] => [
    { key: "paid", title: "HTTP floor", run: (r) => floor(r, Math.min(participants, 5_000)) },
    {
      key: "paid",
      title: `paid ticket wave ${participants}, concurrency ${concurrency ?? "auto"}`,
      run: (r, w) => ticketWave(r, { participants, rate: 25, paid: concurrency !== undefined ? { concurrency } : {} }, w),
    },
    {
      key: "paid",
      title: `paid broadcast ${participants}, concurrency ${concurrency ?? "auto"}`,
      run: (r) => paidBroadcast(r, { participants, ...(concurrency !== undefined ? { concurrency } : {}) }),
    },
  ];
  const paidConcurrency = process.env.BENCH_PAID_CONCURRENCY ? Number(process.env.BENCH_PAID_CONCURRENCY) : undefined;
  const steps: Step[] = quick
    ? [
        { key: "idle", title: "idle", run: (r) => idle(r, { settleMs: 2_000 }) },
        wave(100, 25, 20),
        ...paid(200, paidConcurrency),
        { key: "registration", title: "registration burst 100", run: (r) => registrationBurst(r, { users: 100, windowMs: 500 }) },
        { key: "import", title: "ZIP import 200", run: (r) => zipImport(r, { files: 200, kilobytes: 60 }) },
        { key: "reports", title: "reports 2 000", run: (r) => reports(r, { participants: 2_000, tickets: 2_000, failed: 400 }) },
        { key: "door", title: "door 200", run: (r) => doorScans(r, { people: 200, doubleEvery: 10, chatLimit: "lifted" }) },
        { key: "scale", title: "300 participants", run: (r) => scale(r, { participants: 300, late: 30, lateRate: 30 }) },
      ]
    : [
        { key: "idle", title: "idle", run: (r) => idle(r, { settleMs: 10_000 }) },
        wave(1_000, 25, 200),
        wave(1_000, 30),
        wave(5_000, 25),
        wave(5_000, 30),
        ...paid(10_000, paidConcurrency),
        { key: "registration", title: "registration burst 1 000", run: (r) => registrationBurst(r, { users: 1_000, windowMs: 5_000 }) },
        { key: "import", title: "ZIP import 2 000", run: (r) => zipImport(r, { files: 2_000, kilobytes: 60 }) },
        { key: "reports", title: "reports 50 000", run: (r) => reports(r, { participants: 50_000, tickets: 50_000, failed: 10_000 }) },
        { key: "door", title: "door 1 000, lifted", run: (r) => doorScans(r, { people: 1_000, doubleEvery: 20, chatLimit: "lifted" }) },
        { key: "door", title: "door 1 000, Telegram pace", run: (r) => doorScans(r, { people: 1_000, doubleEvery: 20, chatLimit: "telegram" }) },
        { key: "scale", title: "100 000 participants", run: (r) => scale(r, { participants: 100_000, late: 5_000, lateRate: 30 }) },
      ];
  return steps;
}

/** The bound under the bot's CPU per delivery: one Bot API call in a bare Node process (http-floor.ts). */
async function floor(report: BenchReport, calls: number): Promise<void> {
  const name = "Bound: one Bot API call in a bare Node process (node:http, same machine)";
  const used = await httpFloor(calls, 200);
  const ms = (seconds: number) => ((seconds * 1000) / used.calls).toFixed(2);
  report.figure(name, `CPU per call, ${used.calls} calls, 200 at a time (user + system)`, `${ms(used.user + used.system)} ms (${ms(used.user)} + ${ms(used.system)})`);
}

function machine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, load average ${one} ${five} ${fifteen}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" } } });
  const quick = values.quick ?? false;
  const only = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : undefined;
  const report = new BenchReport(!quick);
  const waves: WaveContext = {};
  const startedAt = new Date();
  const before = machine();
  process.stderr.write(`bench (${quick ? "quick" : "full"}) on ${before}\n`);
  const began = performance.now();
  for (const step of plan(quick)) {
    if (only && !only.has(step.key) && ![...only].some((token) => step.title.includes(token))) continue;
    const t = performance.now();
    process.stderr.write(`▶ ${step.title} … `);
    try {
      await step.run(report, waves);
      process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      process.stderr.write("failed\n");
      report.crashed(step.title, error);
    }
  }
  const minutes = (performance.now() - began) / 60_000;

  console.log(`\n## Benchmark ${quick ? "(--quick)" : "(full)"} — ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC\n`);
  console.log(`Machine at the start: ${before}`);
  console.log(`Machine at the end:   ${machine()}`);
  console.log(`Duration: ${minutes.toFixed(1)} min\n`);
  console.log(report.table());
  console.log(`\nCorrectness checks:\n${report.checksSummary()}`);
  const missed = report.missedTargets;
  if (missed.length > 0) console.log(`\n${missed.length} target(s) missed (reported, not enforced).`);
  if (report.failed.length > 0) {
    console.log(`\n${report.failed.length} correctness check(s) FAILED.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
