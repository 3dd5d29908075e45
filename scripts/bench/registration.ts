/**
 * Scenario 2: N people open their invite links within a few seconds and
 * accept the agreement, through the real flow. Every first reply is a new
 * message, so Telegram's 30 messages/s across chats is the floor: the
 * figure to watch is how close the bot's p95 first reply comes to the time
 * a perfect 30/s sender would need for the same arrivals.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { SimUser } from "../../tests/support/emulator/index.js";
import { atMost, type BenchReport, cpuUse, fixed, mb, ratio, sec } from "./report.js";
import { trace } from "./trace.js";
import { benchScenario, callsSince, cpuSecondsOf, memoryOf, percentile, settle, TELEGRAM_FLOOD } from "./world.js";

export interface BurstRun {
  users: number;
  /** All /start commands arrive within this window, evenly spread. */
  windowMs: number;
}

interface Outcome {
  startAt: number;
  firstReplyAt?: number;
  registeredAt?: number;
  error?: string;
}

const WAIT_MS = 300_000;

export async function registrationBurst(report: BenchReport, run: BurstRun): Promise<void> {
  const name = `Registration burst, ${run.users} users within ${fixed(run.windowMs / 1000, 1)} s`;
  const sc = await benchScenario();
  try {
    const codes = await sc.invites(run.users);
    const people = Array.from({ length: run.users }, (_, i) => sc.user({ username: `burst_${i + 1}` }));
    await settle(2000);

    const from = sc.emu.calls.length;
    const cpuBefore = cpuSecondsOf(sc);
    const t0 = Date.now();
    const outcomes = await Promise.all(people.map((user, i) => registerOne(user, codes[i]!, t0 + (i * run.windowMs) / run.users)));
    const memory = memoryOf(sc);
    const cpu = cpuSecondsOf(sc) - cpuBefore;
    const calls = callsSince(sc, from);
    trace(name, calls, t0);

    const firstReplies = outcomes.filter((o) => o.firstReplyAt !== undefined).map((o) => o.firstReplyAt! - o.startAt);
    const registered = outcomes.filter((o) => o.registeredAt !== undefined);
    const lastRegistered = Math.max(...registered.map((o) => o.registeredAt!));
    const p50 = percentile(firstReplies, 50);
    const p95 = percentile(firstReplies, 95);
    const ideal = floodLimitedLatencies(outcomes.map((o) => o.startAt), TELEGRAM_FLOOD.globalPerSecond);
    const boundP50 = percentile(ideal, 50);
    const boundP95 = percentile(ideal, 95);

    report.figure(name, "time until all are registered", sec((lastRegistered - t0) / 1000));
    report.figure(name, `lower bound for the last first reply: ${run.users} messages ÷ ${TELEGRAM_FLOOD.globalPerSecond}/s`, sec(run.users / TELEGRAM_FLOOD.globalPerSecond));
    report.figure(name, "first reply after /start: p50 (flood-limit bound)", `${sec(p50 / 1000, 2)} (${sec(boundP50 / 1000, 2)})`);
    report.figure(name, "first reply after /start: p95 (flood-limit bound)", `${sec(p95 / 1000, 2)} (${sec(boundP95 / 1000, 2)})`);
    const p95Ratio = p95 / Math.max(1, boundP95);
    report.figure(name, "p95 ÷ its flood-limit bound", ratio(p95Ratio), atMost(p95Ratio, 1.5, "≤ 1.5×"));
    const byMethod = new Map<string, number>();
    for (const c of calls) if (c.status === 429) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
    report.figure(name, "429s received", [...byMethod].map(([m, n]) => `${n} ${m}`).join(", ") || "0");
    const errors = calls.filter((c) => !c.ok && c.status !== 429 && c.method !== "getUpdates");
    report.figure(name, "other API errors", errors.length === 0 ? "0" : summarize(errors.map((c) => `${c.method}: ${c.description ?? c.status}`)));
    report.figure(name, "bot CPU: share of one core / per registration", cpuUse(cpu, (lastRegistered - t0) / 1000, run.users));
    report.figure(name, "peak RSS of the bot", mb(memory.peakMb));

    const failures = outcomes.filter((o) => o.error !== undefined);
    const stored = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL")[0]!.n;
    report.check(name, "every user saw the welcome", registered.length === run.users, `${registered.length} of ${run.users}${failures[0] ? `; first problem: ${failures[0].error}` : ""}`);
    report.check(name, "database: every user registered", stored === run.users, `${stored} of ${run.users}`);
  } finally {
    await sc.stop();
  }
}

/** One person: opens the link at `at`, reads nothing, accepts at once (the hardest case for the bot). */
async function registerOne(user: SimUser, code: string, at: number): Promise<Outcome> {
  const delay = at - Date.now();
  if (delay > 0) await sleep(delay);
  const since = user.messages.length;
  const outcome: Outcome = { startAt: Date.now() };
  try {
    user.send(`/start ${code}`);
    const consent = await user.waitFor(() => true, { since, timeoutMs: WAIT_MS });
    outcome.firstReplyAt = consent.receivedAt;
    if (!consent.reply_markup) throw new Error(`no agreement buttons: ${consent.text}`);
    const afterConsent = user.messages.length;
    user.press("✅ Accept", { messageId: consent.message_id });
    const welcome = await user.waitFor((m) => /registered/i.test(m.text ?? ""), { since: afterConsent, timeoutMs: WAIT_MS });
    outcome.registeredAt = welcome.edited ? welcome.editedAt : welcome.receivedAt;
  } catch (error) {
    outcome.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  return outcome;
}

/**
 * The first-reply latencies of a perfect sender that answers in arrival
 * order at exactly `perSecond` messages a second, with no round trip at all:
 * no bot can do better under the flood limit.
 */
export function floodLimitedLatencies(arrivals: readonly number[], perSecond: number): number[] {
  const gap = 1000 / perSecond;
  let free = -Infinity;
  return [...arrivals]
    .sort((a, b) => a - b)
    .map((arrival) => {
      const slot = Math.max(arrival, free);
      free = slot + gap;
      return slot - arrival;
    });
}

function summarize(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${n}× ${item}`).join("; ");
}
