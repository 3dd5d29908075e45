/**
 * The benchmark's one table: every measured figure with its target, and the
 * correctness checks that decide the exit code. Targets are judged only in a
 * full run and never fail the process; a failed check always does.
 */

export interface Target {
  text: string;
  met: boolean;
}

interface Row {
  scenario: string;
  figure: string;
  value: string;
  target?: Target;
}

export interface Check {
  scenario: string;
  what: string;
  ok: boolean;
  detail: string;
}

export class BenchReport {
  private readonly rows: Row[] = [];
  readonly checks: Check[] = [];

  /** `judge` false (quick mode): targets are shown but not judged, since sizes are too small to mean anything. */
  constructor(readonly judge: boolean) {}

  figure(scenario: string, figure: string, value: string, target?: Target): void {
    this.rows.push({ scenario, figure, value, ...(target ? { target } : {}) });
  }

  check(scenario: string, what: string, ok: boolean, detail = ""): void {
    this.checks.push({ scenario, what, ok, detail });
  }

  /** A scenario that threw: its figures are missing, which counts as a failed check. */
  crashed(scenario: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.check(scenario, "scenario ran to the end", false, message.split("\n").slice(0, 6).join("\n"));
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }

  get missedTargets(): Row[] {
    return this.judge ? this.rows.filter((r) => r.target && !r.target.met) : [];
  }

  /** A Markdown table (it goes into BENCHMARKS.md as printed). */
  table(): string {
    const lines = ["| Scenario | Figure | Measured | Target |", "| --- | --- | ---: | --- |"];
    let previous = "";
    for (const row of this.rows) {
      const scenario = row.scenario === previous ? "" : row.scenario;
      previous = row.scenario;
      const target = row.target ? (this.judge ? `${row.target.text} ${row.target.met ? "✅" : "❌"}` : `${row.target.text} (not judged in --quick)`) : "";
      lines.push(`| ${scenario} | ${row.figure} | ${row.value} | ${target} |`);
    }
    return lines.join("\n");
  }

  checksSummary(): string {
    const lines = this.checks.map((c) => `${c.ok ? "ok  " : "FAIL"} ${c.scenario}: ${c.what}${c.detail ? ` — ${c.detail}` : ""}`);
    return lines.join("\n");
  }
}

/** Targets compare a measured number with a bound; the text shows the bound. */
export const atLeast = (value: number, bound: number, text: string): Target => ({ text, met: value >= bound });
export const atMost = (value: number, bound: number, text: string): Target => ({ text, met: value <= bound });

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "—";
}

export const mb = (value: number): string => `${fixed(value, 0)} MB`;
export const fileSize = (bytes: number): string => (bytes < 1024 * 1024 ? `${fixed(bytes / 1024, 0)} KB` : `${fixed(bytes / 1024 / 1024, 1)} MB`);
export const sec = (value: number, digits = 1): string => `${fixed(value, digits)} s`;
export const ratio = (value: number): string => `${fixed(value, 2)}×`;

/** CPU time as a share of one core over the wall time, and per item handled. */
export const cpuUse = (cpuSeconds: number, wallSeconds: number, items: number): string =>
  `${fixed((cpuSeconds / wallSeconds) * 100, 0)} % / ${fixed((cpuSeconds * 1000) / items, 1)} ms`;

/** The number after `label` in a bot message, whatever digit grouping the locale used ("1,000", "1 000"). */
export function numberAfter(text: string | undefined, label: string): number | undefined {
  const match = new RegExp(`${label}\\s*(\\d(?:[\\d,. \u00a0\u202f]*\\d)?)`).exec(text ?? "");
  return match ? Number(match[1]!.replace(/\D/g, "")) : undefined;
}
