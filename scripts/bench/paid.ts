/**
 * Issue 17: Telegram's paid ceiling. With PAID_BROADCAST=true Telegram takes
 * up to 1 000 messages a second; the figures of a paid ticket wave (wave.ts)
 * and of a paid broadcast (broadcast.ts) are judged the same way, here: the
 * pace of the deliveries against PAID_RATE_PER_SECOND, the bot's CPU per
 * delivery, and the uplink a ticket wave at that pace needs.
 */
import type { ApiCall } from "../../tests/support/emulator/index.js";
import { atLeast, atMost, type BenchReport, fixed, ratio } from "./report.js";

export const PAID_RATE = 1000;

/** CPU used between two readings of `cpuOf`. */
export const cpuSince = (before: { user: number; system: number }, after: { user: number; system: number }) => ({
  user: after.user - before.user,
  system: after.system - before.system,
});

/** SEND_CONCURRENCY of a paid run: a number, or undefined for the default ("auto"). */
export interface PaidRun {
  concurrency?: number;
}

export function paidEnv(run: PaidRun): Record<string, string> {
  return {
    PAID_BROADCAST: "true",
    PAID_RATE_PER_SECOND: String(PAID_RATE),
    ...(run.concurrency !== undefined ? { SEND_CONCURRENCY: String(run.concurrency) } : {}),
  };
}

export const concurrencyLabel = (run: PaidRun): string => (run.concurrency !== undefined ? `concurrency ${run.concurrency}` : "concurrency auto");

/**
 * The delivery figures of a paid run, from the emulator's record of the
 * delivery calls (`method`): the pace from the first send to the last answer
 * (the admin's own chat — the reply, progress, summary at ~1 message/s — is
 * in the wall time, not in this), its ratio to the paid rate, the window's
 * bound when the concurrency is fixed, the bot's CPU per delivery, and for
 * tickets the upload.
 */
export function paidFigures(
  report: BenchReport,
  name: string,
  args: {
    calls: readonly ApiCall[];
    method: string;
    deliveries: number;
    cpu: { user: number; system: number };
    run: PaidRun;
    /** CPU seconds of the bench process (the emulator is most of it) over `wallSeconds`. */
    emulator?: { cpuSeconds: number; wallSeconds: number };
  },
): void {
  const sends = args.calls.filter((c) => c.method === args.method && c.ok);
  const first = Math.min(...sends.map((c) => c.at));
  const last = Math.max(...sends.map((c) => c.at + (c.durationMs ?? 0)));
  const spanSeconds = (last - first) / 1000;
  const perSecond = sends.length / spanSeconds;
  const share = perSecond / PAID_RATE;
  const rttMs = sends.reduce((sum, c) => sum + (c.durationMs ?? 0), 0) / Math.max(1, sends.length);
  report.figure(name, `messages/s, first send → last answer (${fixed(spanSeconds, 1)} s)`, fixed(perSecond), atLeast(share, 0.95, `≥ ${fixed(0.95 * PAID_RATE, 0)}`));
  report.figure(name, `ratio to PAID_RATE_PER_SECOND=${PAID_RATE}`, ratio(share), atLeast(share, 0.95, "≥ 0.95×"));
  report.figure(name, "mean round trip of a send (emulator)", `${fixed(rttMs, 0)} ms`);
  if (args.run.concurrency !== undefined) {
    report.figure(name, `bound: concurrency ÷ round trip = ${args.run.concurrency} ÷ ${fixed(rttMs, 0)} ms`, `${fixed((args.run.concurrency * 1000) / rttMs, 0)} msg/s`);
  }
  const cpuSeconds = args.cpu.user + args.cpu.system;
  const perDeliveryMs = (cpuSeconds * 1000) / args.deliveries;
  const ms = (seconds: number) => fixed((seconds * 1000) / args.deliveries, 2);
  report.figure(name, "bot CPU per delivery (user + system)", `${fixed(perDeliveryMs, 2)} ms (${ms(args.cpu.user)} + ${ms(args.cpu.system)})`, atMost(perDeliveryMs, 0.5, "≤ 0.5 ms"));
  report.figure(name, "bot CPU: share of one core over the span", `${fixed((cpuSeconds / spanSeconds) * 100, 0)} %`);
  if (args.emulator) {
    report.figure(name, "emulator (the bench process) CPU: share of one core", `${fixed((args.emulator.cpuSeconds / args.emulator.wallSeconds) * 100, 0)} %`);
  }
  if (args.method === "sendDocument") {
    const bytes = sends.reduce((sum, c) => sum + ((c.params.document as { size?: number } | undefined)?.size ?? 0), 0);
    const average = bytes / Math.max(1, sends.length);
    report.figure(name, `upload of ticket files: measured (tickets of ${fixed(average / 1024, 1)} KB)`, `${fixed(bytes / spanSeconds / 1e6, 2)} MB/s`);
    report.figure(name, `upload a paid wave needs at ${PAID_RATE}/s: per 100 KB of ticket`, `${fixed((PAID_RATE * 100 * 1024) / 1e6, 0)} MB/s (${fixed((PAID_RATE * 100 * 1024 * 8) / 1e6, 0)} Mbit/s)`);
  }
}

/** The bench process's CPU (the emulator is most of it) since `before`, in seconds. */
export const benchCpuSince = (before: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
};
