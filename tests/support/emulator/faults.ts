/**
 * Fault injection rules. The server asks `match()` for every call (after the
 * body has been read and latency applied) and acts on the returned rule.
 */
import type { FaultRule, Faults } from "./types.js";
import type { Rng } from "./rng.js";

interface ActiveRule {
  rule: FaultRule;
  method?: RegExp | string;
  expiresAt: number;
  remaining: number;
}

const KINDS = new Set(["429", "5xx", "drop", "dropAfter", "hang", "error"]);

export class FaultStore implements Faults {
  private rules: ActiveRule[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly now: () => number = Date.now,
  ) {}

  add(rule: FaultRule): void {
    if (!KINDS.has(rule.kind)) throw new Error(`Unknown fault kind: ${String(rule.kind)}`);
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw new Error("Fault probability must be within 0..1");
    }
    let method: RegExp | string | undefined;
    if (typeof rule.method === "string") method = rule.method.toLowerCase();
    else if (rule.method instanceof RegExp) {
      // Always match case-insensitively; drop "g"/"y" so test() has no state.
      const flags = rule.method.flags.replace(/[gy]/g, "");
      method = new RegExp(rule.method.source, flags.includes("i") ? flags : flags + "i");
    }
    this.rules.push({
      rule,
      method,
      expiresAt: rule.durationMs !== undefined ? this.now() + rule.durationMs : Infinity,
      remaining: rule.times ?? Infinity,
    });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    this.prune();
    return this.rules.map((r) => r.rule);
  }

  private prune(): void {
    const now = this.now();
    if (this.rules.some((r) => r.expiresAt <= now || r.remaining <= 0)) {
      this.rules = this.rules.filter((r) => r.expiresAt > now && r.remaining > 0);
    }
  }

  /** First rule that applies to this call, consuming one of its `times`. */
  match(method: string, chatId: number | undefined): FaultRule | undefined {
    if (this.rules.length === 0) return undefined;
    this.prune();
    const lower = method.toLowerCase();
    for (const r of this.rules) {
      if (r.method === undefined) {
        // getUpdates is only faulted when a rule names it: a blanket rule
        // would otherwise stall the bot's polling and hide the real test.
        if (lower === "getupdates") continue;
      } else if (typeof r.method === "string") {
        if (r.method !== lower) continue;
      } else if (!r.method.test(method)) continue;
      if (r.rule.chatId !== undefined && r.rule.chatId !== chatId) continue;
      if (r.rule.probability !== undefined && this.rng() >= r.rule.probability) continue;
      r.remaining--;
      return r.rule;
    }
    return undefined;
  }
}
