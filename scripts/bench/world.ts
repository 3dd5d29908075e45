/**
 * What every benchmark scenario shares: a Bot API emulator that behaves like
 * Telegram (round trips, flood limits answered with 429 retry_after), the
 * real bot process configured as an operator would, and the bot's memory as
 * the kernel reports it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiCall, EmulatorOptions } from "../../tests/support/emulator/index.js";
import { Scenario } from "../../tests/support/harness.js";

/**
 * Telegram as the benchmarks see it: ~120 ms per call, 30 new messages/s
 * across chats, 1/s per chat with the short burst Telegram tolerates (the
 * bot's TELEGRAM_CHAT_BURST=3; BENCH_CHAT_BURST=1 runs against the strictest
 * reading, where any second message within a second is refused), 1000/s for
 * paid broadcasts.
 */
export const TELEGRAM_LATENCY = { baseMs: 120, jitterMs: 30 };
export const TELEGRAM_FLOOD = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: Number(process.env.BENCH_CHAT_BURST ?? 3),
  paidPerSecond: 1000,
};

export const TELEGRAM_LIKE: Partial<EmulatorOptions> = { latency: TELEGRAM_LATENCY, flood: TELEGRAM_FLOOD, seed: 42 };

/**
 * The bot's settings for a benchmark: Telegram's real per-chat pacing (the
 * test harness relaxes it), no founder alerts interleaving with the replies
 * that are timed, and the log level an operator runs with.
 */
const BENCH_ENV: Record<string, string> = {
  TELEGRAM_GLOBAL_RATE: "30",
  TELEGRAM_CHAT_RATE: "1",
  TELEGRAM_CHAT_BURST: "3",
  FOUNDER_ALERTS: "false",
  LOG_LEVEL: "info",
  // Debugging aid: e.g. BENCH_BOT_NODE_OPTIONS=--max-old-space-size=64 for the bot process.
  ...(process.env.BENCH_BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BOT_NODE_OPTIONS } : {}),
};

export interface BenchScenarioOptions {
  emulator?: Partial<EmulatorOptions>;
  env?: Record<string, string>;
  /** Leave the bot stopped (e.g. to seed its database first). */
  noStart?: boolean;
}

/** Debugging aid: node's own options for the bot process, e.g. BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const BOT_NODE_ARGS = process.env.BENCH_BOT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

export function benchScenario(options: BenchScenarioOptions = {}): Promise<Scenario> {
  return Scenario.start({
    emulator: { ...TELEGRAM_LIKE, ...options.emulator },
    env: { ...BENCH_ENV, ...options.env },
    ...(BOT_NODE_ARGS.length > 0 ? { nodeArgs: BOT_NODE_ARGS } : {}),
    ...(options.noStart ? { noStart: true } : {}),
  });
}

export interface Memory {
  /** Resident set now. */
  rssMb: number;
  /** The peak resident set since the process started (VmHWM). */
  peakMb: number;
}

/** The bot process's memory from /proc; a fresh process per scenario makes VmHWM that scenario's peak. */
export function memoryOf(sc: Scenario): Memory {
  const pid = sc.bot.child.pid;
  if (pid === undefined) throw new Error("the bot process has no pid");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) / 1024;
  };
  return { rssMb: kb("VmRSS"), peakMb: kb("VmHWM") };
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU seconds (user + system) the bot process has used so far: how much of a core the bot needs, beside the time Telegram takes. */
export function cpuSecondsOf(sc: Scenario): number {
  const { user, system } = cpuOf(sc);
  return user + system;
}

/** The bot's CPU seconds so far, in its own code (user) and in the kernel on its behalf (system: mostly the network). */
export function cpuOf(sc: Scenario): { user: number; system: number } {
  const stat = readFileSync(`/proc/${sc.bot.child.pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) / CLOCK_TICKS_PER_SECOND, system: Number(fields[12]) / CLOCK_TICKS_PER_SECOND };
}

/** The emulator's calls recorded since `from` (an index into `emu.calls`). */
export function callsSince(sc: Scenario, from: number): ApiCall[] {
  return sc.emu.calls.slice(from);
}

export function tooManyRequests(calls: readonly ApiCall[], method?: string): number {
  return calls.filter((c) => c.status === 429 && (method === undefined || c.method === method)).length;
}

/** Lets the emulator's token buckets refill, as an admin's pause between commands would. */
export function settle(ms = 1500): Promise<void> {
  return sleep(ms);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const seconds = (ms: number): number => ms / 1000;
