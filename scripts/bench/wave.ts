/**
 * Scenario 1: a ticket wave to N participants, timed from /send_tickets to
 * the summary, against the configured rate and against the sequential
 * await-each-send loop most ticket bots use (measured over the same emulator
 * in the same run). Also the paid-broadcast variant (issue 7 item 6).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Api, GrammyError, InputFile } from "grammy";
import { makeZip } from "../../tests/support/fixtures.js";
import type { Scenario } from "../../tests/support/harness.js";
import { sha256, ticketPdfs, uploadZip, waitForSummary } from "../../tests/support/waves.js";
import { benchCpuSince, concurrencyLabel, cpuSince, paidEnv, paidFigures, type PaidRun } from "./paid.js";
import { atLeast, atMost, type BenchReport, cpuUse, fixed, mb, numberAfter, ratio, sec } from "./report.js";
import { trace } from "./trace.js";
import { seedParticipants, type SeededPerson } from "./seed.js";
import { benchScenario, callsSince, cpuOf, memoryOf, settle, tooManyRequests } from "./world.js";

const PARTICIPANT_FIRST_ID = 200_001;
const BASELINE_FIRST_ID = 900_001;

export interface WaveRun {
  participants: number;
  /** SEND_RATE_PER_SECOND. */
  rate: number;
  /** PAID_BROADCAST=true at the paid ceiling (rate is then ignored). */
  paid?: PaidRun;
  /** Sends in the sequential baseline measured in this scenario (0: none). */
  baselineSends?: number;
}

/** Shared between scenarios of one run: the baseline is measured once. */
export interface WaveContext {
  baselinePerSecond?: number;
}

export async function ticketWave(report: BenchReport, run: WaveRun, shared: WaveContext): Promise<void> {
  const name = run.paid
    ? `Paid ticket wave, ${run.participants} participants, ${concurrencyLabel(run.paid)}`
    : `Ticket wave, ${run.participants} participants at ${run.rate}/s`;
  const env: Record<string, string> = { SEND_RATE_PER_SECOND: String(run.rate), ...(run.paid ? paidEnv(run.paid) : {}) };
  const sc = await benchScenario({ env, noStart: true });
  try {
    const people = seedParticipants(sc.env.DATABASE_PATH!, { count: run.participants, firstId: PARTICIPANT_FIRST_ID, founderId: sc.founder.id });
    for (const p of people) sc.emu.user({ id: p.id, username: p.username, languageCode: "en", started: true });
    await sc.startBot();

    const tickets = ticketPdfs(run.participants, "bench");
    await sc.ask(sc.founder, "/new_wave Benchmark");
    const imported = await uploadZip(sc, sc.founder, makeZip(tickets));
    report.check(name, `imported ${run.participants} tickets`, numberAfter(imported.text, "Loaded") === run.participants, firstLines(imported.text));
    await sc.ask(sc.founder, "/confirm_wave");

    if (run.baselineSends) {
      const baseline = await sequentialBaseline(sc, run.baselineSends);
      shared.baselinePerSecond = baseline.perSecond;
      report.figure(name, `sequential await-each-send baseline (${run.baselineSends} sends, same emulator)`, `${fixed(baseline.perSecond)} msg/s`);
    }
    await settle(2000);

    const from = sc.emu.calls.length;
    const since = sc.founder.messages.length;
    const expectedSeconds = run.participants / (run.paid ? 100 : run.rate);
    const cpuBefore = cpuOf(sc);
    const benchBefore = process.cpuUsage();
    const started = Date.now();
    sc.founder.send("/send_tickets");
    const summary = await waitForSummary(sc, since, expectedSeconds * 3_000 + 60_000);
    const wallMs = summary.receivedAt - started;
    const memory = memoryOf(sc);
    const cpuUsed = cpuSince(cpuBefore, cpuOf(sc));
    const emulatorCpuSeconds = benchCpuSince(benchBefore);
    const cpu = cpuUsed.user + cpuUsed.system;
    const calls = callsSince(sc, from);
    trace(name, calls, started);

    const perSecond = run.participants / (wallMs / 1000);
    report.figure(name, "wall time /send_tickets → summary", sec(wallMs / 1000));
    if (run.paid) {
      report.figure(name, "messages/s, /send_tickets → summary", fixed(perSecond));
      paidFigures(report, name, {
      calls,
      method: "sendDocument",
      deliveries: run.participants,
      cpu: cpuUsed,
      run: run.paid,
      emulator: { cpuSeconds: emulatorCpuSeconds, wallSeconds: wallMs / 1000 },
    });
    } else {
      const share = perSecond / run.rate;
      report.figure(name, "messages/s", fixed(perSecond), atLeast(share, 0.95, `≥ ${fixed(0.95 * run.rate, 2)}`));
      report.figure(name, "ratio to the configured rate", ratio(share), atLeast(share, 0.95, "≥ 0.95×"));
    }
    if (shared.baselinePerSecond) {
      const speedup = perSecond / shared.baselinePerSecond;
      report.figure(name, "ratio to the sequential baseline", ratio(speedup), run.paid ? undefined : atLeast(speedup, 3, "≥ 3×"));
    }
    const sendCalls = calls.filter((c) => c.method === "sendDocument").length;
    const sends429 = tooManyRequests(calls, "sendDocument");
    const all429 = tooManyRequests(calls);
    const share429 = sendCalls > 0 ? sends429 / sendCalls : 0;
    report.figure(name, "429s received: ticket sends / all calls", `${sends429} / ${all429}`);
    report.figure(name, "share of ticket sends answered 429", `${fixed(share429 * 100, 2)} %`, atMost(share429, 0.01, "≤ 1 %"));

    const delivery = exactlyOnce(sc, people, tickets);
    report.figure(name, "duplicates", String(delivery.duplicates), atMost(delivery.duplicates, 0, "0"));
    if (!run.paid) report.figure(name, "bot CPU: share of one core / per message", cpuUse(cpu, wallMs / 1000, run.participants));
    report.figure(name, "peak RSS of the bot", mb(memory.peakMb));

    report.check(name, "summary reports every participant as sent", numberAfter(summary.text, "✅") === run.participants, firstLines(summary.text));
    report.check(name, "exactly once: every participant holds one distinct ticket, none shared", delivery.ok, delivery.detail);
    const sentRows = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM tickets WHERE status = 'sent'")[0]!.n;
    report.check(name, "database: every ticket recorded as sent", sentRows === run.participants, `${sentRows} of ${run.participants}`);
  } finally {
    await sc.stop();
  }
}

interface ExactlyOnce {
  ok: boolean;
  duplicates: number;
  detail: string;
}

/**
 * What the participants' chats hold, from the emulator's side: one document
 * each, each a distinct ticket of the ZIP. Duplicates are extra documents to
 * one person plus tickets that reached two people.
 */
export function exactlyOnce(sc: Scenario, people: readonly SeededPerson[], tickets: ReadonlyArray<{ data: Buffer }>): ExactlyOnce {
  const valid = new Set(tickets.map((t) => sha256(t.data)));
  const byUser = new Map<number, string[]>(people.map((p) => [p.id, []]));
  for (const doc of sc.emu.sentDocuments()) byUser.get(doc.chatId)?.push(doc.sha256);
  const holders = new Map<string, number>();
  let repeats = 0;
  let missing = 0;
  let foreign = 0;
  for (const hashes of byUser.values()) {
    if (hashes.length === 0) missing++;
    repeats += Math.max(0, hashes.length - 1);
    for (const hash of new Set(hashes)) {
      if (!valid.has(hash)) foreign++;
      holders.set(hash, (holders.get(hash) ?? 0) + 1);
    }
  }
  const shared = [...holders.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
  const duplicates = repeats + shared;
  return {
    ok: duplicates === 0 && missing === 0 && foreign === 0,
    duplicates,
    detail: `${people.length - missing} of ${people.length} served, ${repeats} repeats, ${shared} shared, ${foreign} not from the ZIP`,
  };
}

/**
 * The baseline the seed describes: a plain grammY Api awaiting each
 * sendDocument before the next, distinct small PDFs to distinct started
 * users, through the same emulator. Its one concession is to obey 429.
 */
async function sequentialBaseline(sc: Scenario, count: number): Promise<{ perSecond: number }> {
  const folder = join(sc.dir, "baseline");
  mkdirSync(folder, { recursive: true });
  const files = ticketPdfs(count, "baseline").map((t) => {
    const path = join(folder, t.name);
    writeFileSync(path, t.data);
    return { path, name: t.name };
  });
  const users = files.map((_, i) => sc.emu.user({ id: BASELINE_FIRST_ID + i, languageCode: "en", started: true }));
  const api = new Api(sc.emu.token, { apiRoot: sc.emu.apiRoot });
  await settle(1100);
  const started = performance.now();
  for (const [i, user] of users.entries()) {
    const file = files[i]!;
    for (;;) {
      try {
        await api.sendDocument(user.id, new InputFile(file.path, file.name), { caption: "Your ticket — Benchmark" });
        break;
      } catch (error) {
        if (!(error instanceof GrammyError) || error.error_code !== 429) throw error;
        await sleep((error.parameters.retry_after ?? 1) * 1000);
      }
    }
  }
  return { perSecond: count / ((performance.now() - started) / 1000) };
}

function firstLines(text: string | undefined): string {
  return (text ?? "").split("\n").slice(0, 3).join(" / ");
}
