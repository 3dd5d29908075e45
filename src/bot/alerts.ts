import type { Logger } from "../logger.js";
import type { Translate } from "../i18n.js";
import { securityActionText } from "../reports/markers.js";
import { fitList, MAX_TEXT } from "../telegram/limits.js";
import { formatTime } from "../time.js";

export interface AlertEvent {
  kind: "unauthorized" | "lockout" | "error";
  userId: number | null;
  username: string | null;
  action: string;
  at: number;
}

export type EvictedCounts = Record<AlertEvent["kind"], number>;
const noneEvicted = (): EvictedCounts => ({ unauthorized: 0, lockout: 0, error: 0 });

/** The queue's bound against a flood; what falls out is counted and reported. */
const MAX_QUEUED = 200;

export interface FounderAlertsOptions {
  founders: readonly number[];
  /** Unauthorized attempts and lock-outs (FOUNDER_ALERTS); errors are always reported. */
  securityEnabled: boolean;
  intervalMs: number;
  /** `evicted`: events of the batch that a flood pushed out of the queue, by kind (still counted, never silently lost). */
  send(founderId: number, events: readonly AlertEvent[], evicted: Readonly<EvictedCounts>): Promise<void>;
  logger: Logger;
}

/**
 * Tells founders in Telegram what they should know without flooding them:
 * events are batched so that each founder gets at most one message per
 * interval, the first one right away.
 */
export class FounderAlerts {
  private queue: AlertEvent[] = [];
  private evicted = noneEvicted();
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = -Infinity;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: FounderAlertsOptions) {}

  push(event: AlertEvent): void {
    if (event.kind !== "error" && !this.options.securityEnabled) return;
    if (this.options.founders.length === 0) return;
    this.queue.push(event);
    for (const old of this.queue.splice(0, Math.max(0, this.queue.length - MAX_QUEUED))) this.evicted[old.kind]++;
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
    const evicted = this.evicted;
    this.evicted = noneEvicted();
    if (events.length === 0) return;
    this.lastSentAt = Date.now();
    for (const founder of this.options.founders) {
      try {
        await this.options.send(founder, events, evicted);
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

const PRIORITY: Record<AlertEvent["kind"], number> = { lockout: 0, error: 1, unauthorized: 2 };

/**
 * One alert message, within Telegram's limit: lock-outs first, then errors,
 * then unauthorized attempts, as many as fit, shown in time order; what does
 * not fit (and what a flood pushed out of the queue) is summed up by kind at
 * the end. The security log keeps every one of them.
 */
export function renderAlerts(
  events: readonly AlertEvent[],
  evicted: Readonly<EvictedCounts>,
  t: Translate,
  timeZone: string,
): string {
  const line = (e: AlertEvent) =>
    t(`alert-${e.kind}`, {
      time: formatTime(e.at, timeZone),
      user: e.userId === null ? "?" : e.username ? `@${e.username} (${e.userId})` : String(e.userId),
      action: securityActionText(e.action, t),
    });
  const byPriority = [...events].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.at - b.at);
  const head = t("alert-header", { count: events.length + evicted.unauthorized + evicted.lockout + evicted.error });
  // Which events fit is decided by priority; they are then shown in time order.
  const fitted = fitList({ head, lines: byPriority.map(line), more: () => "" }, MAX_TEXT - 400);
  const shown = byPriority.slice(0, byPriority.length - fitted.omitted).sort((a, b) => a.at - b.at);
  const rest = { ...evicted };
  for (const e of byPriority.slice(shown.length)) rest[e.kind]++;
  const summary = (Object.keys(rest) as Array<AlertEvent["kind"]>)
    .filter((kind) => rest[kind] > 0)
    .map((kind) => t(`alert-more-${kind}`, { count: rest[kind] }));
  return [head, "", ...shown.map(line), ...(summary.length > 0 ? ["", t("alert-more", { details: summary.join(", ") })] : [])].join("\n");
}
