import { setTimeout as sleep } from "node:timers/promises";

/**
 * A rate limiter in the GCRA form of a token bucket: every `take()` reserves
 * the next free slot at once (so callers are served in call order, with no
 * queue to manage) and resolves when that slot comes. `burst` slots may be
 * used back to back after an idle spell; the sustained rate never exceeds
 * `ratePerSecond`. `pause()` holds everyone back, e.g. for Telegram's
 * retry_after.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  /** Theoretical arrival time of the next slot. */
  private tat = 0;
  private pausedUntil = 0;
  private lastSlot = Number.NEGATIVE_INFINITY;
  private lastGap = Number.POSITIVE_INFINITY;

  constructor(
    readonly ratePerSecond: number,
    readonly burst = 1,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError("rate must be positive");
    this.intervalMs = 1000 / ratePerSecond;
    this.toleranceMs = this.intervalMs * Math.max(0, burst - 1);
  }

  /** Milliseconds the caller must wait for its slot; the slot is reserved. */
  reserve(): number {
    const now = this.now();
    const base = Math.max(this.tat, now, this.pausedUntil);
    const allowedAt = Math.max(now, this.pausedUntil, base - this.toleranceMs);
    this.tat = base + this.intervalMs;
    this.lastGap = allowedAt - this.lastSlot;
    this.lastSlot = allowedAt;
    return allowedAt - now;
  }

  /**
   * Waits for the next slot. Resolves to the milliseconds between that slot
   * and the one before it (Infinity for the first): less than one interval
   * means the caller used the burst allowance.
   */
  async take(signal?: AbortSignal): Promise<number> {
    const wait = this.reserve();
    const gap = this.lastGap;
    if (wait > 0) await sleep(wait, undefined, signal ? { signal } : undefined);
    return gap;
  }

  /** No slot before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Neither paused nor holding reserved slots: it would behave exactly like a new one. */
  isAtRest(now = this.now()): boolean {
    return this.tat <= now && this.pausedUntil <= now;
  }
}

/**
 * One limiter per key (chat id), created on demand and forgotten once at
 * rest — its burst refilled, not paused — when it behaves exactly like a new
 * one: a wave to 100 000 people must not keep a limiter per person for the
 * last minute (at the paid rate that was 60 000 of them). The map is kept in
 * order of last use (a used key moves to the end), so a sweep stops at the
 * first key still in use.
 */
export class KeyedRateLimiter {
  private readonly limiters = new Map<number, { limiter: RateLimiter; lastUsed: number }>();
  private sweeps = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: number): RateLimiter {
    const now = this.now();
    let entry = this.limiters.get(key);
    if (entry) this.limiters.delete(key);
    else entry = { limiter: new RateLimiter(this.ratePerSecond, this.burst, this.now), lastUsed: now };
    entry.lastUsed = now;
    this.limiters.set(key, entry);
    if (++this.sweeps >= 1000) this.sweep(now);
    return entry.limiter;
  }

  get size(): number {
    return this.limiters.size;
  }

  private sweep(now: number): void {
    this.sweeps = 0;
    // Time to refill the burst, and a second more: the gap to the previous message is then over any per-chat interval.
    const idleMs = (this.burst / this.ratePerSecond) * 1000 + 1000;
    for (const [key, entry] of this.limiters) {
      if (now - entry.lastUsed <= idleMs) break;
      if (entry.limiter.isAtRest(now)) this.limiters.delete(key); // a paused one stays until its pause is over
    }
  }
}
