/**
 * The engine's bookkeeping, committed in groups. At Telegram's paid ceiling
 * (1 000 sends a second) a transaction for each claim and one for each
 * outcome were most of the bot's database work: each commit writes the same
 * few pages of the deliveries, tickets and chat-log tables again. Here the
 * claims before sends, the outcomes after them and the chat-log lines of what
 * was sent wait a few milliseconds and go into one transaction together.
 *
 * What the guarantees need of it:
 * - `run(op)` resolves only once the transaction holding `op` has committed.
 *   A send therefore starts only after its claim is durable, and a send's
 *   window slot is given back only after its outcome is durable: the sends a
 *   crash can leave claimed but unrecorded — the only ones repeated after a
 *   restart, each to the same person — are never more than the send window.
 * - An op that throws rejects its own promise and changes nothing; the
 *   others of the group still commit (the group is then run again op by op,
 *   each in a transaction of its own).
 * - Ops run in the order they were queued, and each reads the database as it
 *   is at the flush, so a claim queued before an erasure committed sees the
 *   erasure and sends nothing.
 */
export interface LedgerOptions {
  /** Runs a function as one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  /** How long the first op of a group waits for others. */
  delayMs?: number;
  /** A group this large is committed at once. */
  maxOps?: number;
  /** A group that could not be committed (the database closed at shutdown, a full disk). */
  onError?(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Entry {
  op: () => unknown;
  settle?: (outcome: Outcome) => void;
}

const DEFAULT_DELAY_MS = 10;
const DEFAULT_MAX_OPS = 256;

export class Ledger {
  private queue: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;

  constructor(private readonly options: LedgerOptions) {}

  /** Runs `op` in the next group; resolves with its result once the group has committed. */
  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({ op, settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)) });
    });
  }

  /** A write nobody waits for (a chat-log line): it goes with the next group. */
  defer(op: () => void): void {
    this.enqueue({ op });
  }

  /** Commits everything queued now. */
  flush(): void {
    this.cancelTimers();
    if (this.queue.length === 0) return;
    const group = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.options.transaction(() => group.map((entry): Outcome => ({ ok: true, value: entry.op() })));
    } catch {
      // One op threw and the group rolled back: each op again, alone, so that
      // only the one that throws fails (ops only touch the database, and the
      // rollback undid all of them).
      outcomes = group.map((entry): Outcome => {
        try {
          return { ok: true, value: this.options.transaction(entry.op) };
        } catch (error) {
          return { ok: false, error };
        }
      });
    }
    group.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      if (entry.settle) entry.settle(outcome);
      else if (!outcome.ok) this.options.onError?.(outcome.error);
    });
  }

  /** Flushes what is queued; from now on every op is committed at once, on its own (the engine has stopped). */
  close(): void {
    this.closed = true;
    this.flush();
  }

  get pending(): number {
    return this.queue.length;
  }

  private enqueue(entry: Entry): void {
    this.queue.push(entry);
    if (this.closed) {
      this.flush();
      return;
    }
    if (this.queue.length >= (this.options.maxOps ?? DEFAULT_MAX_OPS)) {
      this.immediate ??= setImmediate(() => this.flush());
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.options.delayMs ?? DEFAULT_DELAY_MS);
  }

  private cancelTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }
}
