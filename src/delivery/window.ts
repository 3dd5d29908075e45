/**
 * A counting semaphore: at most `size` sends in flight. `acquire()` resolves
 * in call order when a slot is free; `drained()` when none is in use. The
 * size may change while sends are in flight (SEND_CONCURRENCY=auto): a
 * smaller window lets no one in until enough slots have come back.
 */
export class SendWindow {
  private inUse = 0;
  private waiting: Array<() => void> = [];
  private idle: Array<() => void> = [];

  constructor(private limit: number) {}

  get size(): number {
    return this.limit;
  }

  resize(size: number): void {
    this.limit = Math.max(1, Math.round(size));
    while (this.inUse < this.limit && this.waiting.length > 0) {
      this.inUse++;
      this.waiting.shift()!();
    }
  }

  async acquire(): Promise<void> {
    if (this.inUse < this.limit && this.waiting.length === 0) {
      this.inUse++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    if (this.inUse <= this.limit) {
      const next = this.waiting.shift();
      if (next) {
        next(); // the slot passes straight to the next waiter
        return;
      }
    }
    this.inUse--;
    if (this.inUse === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  get active(): number {
    return this.inUse;
  }

  async drained(): Promise<void> {
    if (this.inUse === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}

/**
 * SEND_CONCURRENCY=auto. Sends in flight = rate × the time each send holds
 * its slot (Little's law): claim, the round trip to Telegram, recording the
 * outcome. That time is measured on every send (a moving average), and the
 * window is sized to reach the configured rate with headroom, within bounds:
 * an operator no longer multiplies rate by round trip by hand, and a slower
 * network (or Telegram's paid ceiling) gets a larger window by itself. The
 * window also bounds what a crash can repeat, so it is never larger than
 * needed.
 */
export interface WindowSizing {
  /** One send's time in its slot, from the start of its claim to its recorded outcome. */
  observe(ms: number): void;
  size(): number;
}

/** SEND_CONCURRENCY=<number>: the operator's window, whatever is measured. */
export class FixedWindow implements WindowSizing {
  constructor(private readonly slots: number) {}
  observe(): void {}
  size(): number {
    return this.slots;
  }
}

export class AutoWindow implements WindowSizing {
  /** Moving average of the time a send holds its slot, in ms. */
  private slotMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly bounds = AUTO_WINDOW_BOUNDS,
  ) {
    // Before anything is measured: a slow round trip (Telegram's is 0.1–0.3 s).
    this.slotMs = INITIAL_SLOT_MS;
  }

  observe(ms: number): void {
    this.slotMs += (ms - this.slotMs) * SMOOTHING;
  }

  /** The window for the configured rate at the measured time per send. */
  size(): number {
    const needed = Math.ceil(((this.ratePerSecond * this.slotMs) / 1000) * HEADROOM) + SPARE_SLOTS;
    return Math.min(this.bounds.max, Math.max(this.bounds.min, needed));
  }

  get measuredSlotMs(): number {
    return this.slotMs;
  }
}

/** Smallest and largest automatic window. The largest covers 1 000/s at a 0.6 s round trip. */
export const AUTO_WINDOW_BOUNDS = { min: 4, max: 1000 };
const INITIAL_SLOT_MS = 400;
/** Weight of each new measurement: about the last 20 sends count. */
const SMOOTHING = 0.05;
/** Room for round trips slower than the average. */
const HEADROOM = 1.5;
const SPARE_SLOTS = 2;
