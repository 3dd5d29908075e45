/**
 * Flood control with continuously refilling token buckets.
 *
 * - global bucket (capacity = rate): new messages to any chat;
 * - paid bucket (allow_paid_broadcast): replaces the global one for that call;
 * - per-chat bucket (capacity perChatBurst, default 1): new messages and edits in one chat.
 *
 * A call either takes one token from every bucket that applies or none, so a
 * call refused by the per-chat limit does not eat the global budget.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
    }
  }

  /** Seconds until one token is available (0 = available now). */
  waitSeconds(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return (1 - this.tokens) / this.ratePerSecond;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }
}

export interface FloodLimits {
  globalPerSecond?: number;
  perChatPerSecond?: number;
  perChatBurst?: number;
  paidPerSecond?: number;
}

export type FloodKind = "new" | "edit";

export class FloodControl {
  private readonly global?: TokenBucket;
  private readonly paid?: TokenBucket;
  private readonly perChat = new Map<number, TokenBucket>();

  constructor(
    private readonly limits: FloodLimits | undefined,
    now: number,
  ) {
    if (!limits) return;
    if (limits.globalPerSecond && limits.globalPerSecond > 0) {
      this.global = new TokenBucket(limits.globalPerSecond, Math.max(1, limits.globalPerSecond), now);
    }
    const paidRate = limits.paidPerSecond ?? 1000;
    if (paidRate > 0) this.paid = new TokenBucket(paidRate, Math.max(1, paidRate), now);
  }

  /**
   * Returns 0 and consumes tokens when the call may proceed, otherwise the
   * whole number of seconds (>= 1) to put into "retry after N".
   */
  acquire(chatId: number, kind: FloodKind, paidBroadcast: boolean, now: number): number {
    if (!this.limits) return 0;
    const buckets: TokenBucket[] = [];
    if (kind === "new") {
      const g = paidBroadcast ? this.paid : this.global;
      if (g) buckets.push(g);
    }
    const perChatRate = this.limits.perChatPerSecond;
    if (perChatRate && perChatRate > 0) {
      let b = this.perChat.get(chatId);
      if (!b) {
        b = new TokenBucket(perChatRate, Math.max(1, this.limits.perChatBurst ?? 1), now);
        this.perChat.set(chatId, b);
      }
      buckets.push(b);
    }
    let wait = 0;
    for (const b of buckets) wait = Math.max(wait, b.waitSeconds(now));
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    for (const b of buckets) b.take(now);
    return 0;
  }
}
