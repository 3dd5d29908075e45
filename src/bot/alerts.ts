import type { Logger } from "../logger.js";

export interface AlertEvent {
  kind: "unauthorized" | "lockout" | "error";
  userId: number | null;
  username: string | null;
  action: string;
  at: number;
}

export interface FounderAlertsOptions {
  founders: readonly number[];
  /** Unauthorized attempts and lock-outs (FOUNDER_ALERTS); errors are always reported. */
  securityEnabled: boolean;
  intervalMs: number;
  send(founderId: number, events: readonly AlertEvent[]): Promise<void>;
  logger: Logger;
}

/**
 * Tells founders in Telegram what they should know without flooding them:
 * events are batched so that each founder gets at most one message per
 * interval, the first one right away.
 */
export class FounderAlerts {
  private queue: AlertEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = -Infinity;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: FounderAlertsOptions) {}

  push(event: AlertEvent): void {
    if (event.kind !== "error" && !this.options.securityEnabled) return;
    if (this.options.founders.length === 0) return;
    this.queue.push(event);
    if (this.queue.length > 200) this.queue.splice(0, this.queue.length - 200);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = Math.max(0, this.lastSentAt + this.options.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sending = this.flush();
    }, delay);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const events = this.queue.splice(0);
    if (events.length === 0) return;
    this.lastSentAt = Date.now();
    for (const founder of this.options.founders) {
      try {
        await this.options.send(founder, events);
      } catch (error) {
        this.options.logger.warn({ err: error, founder }, "could not alert a founder");
      }
    }
  }

  /** On shutdown: sends what is queued now instead of waiting for the interval. */
  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.sending = this.flush();
    }
    await this.sending;
  }
}
