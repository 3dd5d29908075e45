/**
 * The bot's update queue and getUpdates long polling.
 *
 * Updates live in an array with a moving head (confirmation is amortised
 * O(1), no shifting). Telegram semantics: `offset` confirms every update with
 * a lower id for good; a newer getUpdates terminates an older pending one with
 * 409; `allowed_updates` persists and filters updates created afterwards.
 */
import { EventEmitter } from "node:events";
import type { Update } from "grammy/types";
import { ApiError, Errors } from "./errors.js";

/** Not delivered unless asked for explicitly (Bot API default). */
const DEFAULT_EXCLUDED = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

interface PendingPoll {
  limit: number;
  resolve: (u: Update[]) => void;
  reject: (e: ApiError) => void;
  timer: NodeJS.Timeout;
}

export class UpdateQueue extends EventEmitter {
  private items: Update[] = [];
  private head = 0;
  private nextId = 100_000_001;
  private allowed: Set<string> | null = null;
  private poll?: PendingPoll;
  private wakeScheduled = false;
  private conflictUntil = 0;
  private lastPushed: number | undefined;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  /** Enqueue an update of the given type: its update_id, or undefined when allowed_updates filtered it out. */
  push(type: string, payload: unknown): number | undefined {
    if (this.allowed ? !this.allowed.has(type) : DEFAULT_EXCLUDED.has(type)) return undefined;
    const id = this.nextId++;
    this.items.push({ update_id: id, [type]: payload } as unknown as Update);
    this.lastPushed = id;
    this.scheduleWake();
    return id;
  }

  /** The update_id of the latest update enqueued (undefined before the first). */
  lastId(): number | undefined {
    return this.lastPushed;
  }

  pending(): number {
    return this.items.length - this.head;
  }

  isPolling(): boolean {
    return this.poll !== undefined;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }

  simulateConflict(ms: number): void {
    this.conflictUntil = this.now() + ms;
    this.finishPoll(Errors.conflict());
  }

  /** End a pending long poll with an empty result (used on shutdown). */
  release(): void {
    this.finishPoll([]);
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      // Negative offset: keep only the last |offset| updates, forget the rest.
      this.head = Math.max(this.head, this.items.length + offset);
    } else {
      while (this.head < this.items.length && this.items[this.head]!.update_id < offset) this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  private take(limit: number): Update[] {
    return this.items.slice(this.head, this.head + limit);
  }

  async getUpdates(
    opts: { offset?: number; limit: number; timeoutSec: number; allowed?: string[] },
    signal: AbortSignal,
  ): Promise<Update[]> {
    if (this.now() < this.conflictUntil) throw Errors.conflict();
    // Telegram answers the OLDER pending request with 409; the newer proceeds.
    this.finishPoll(Errors.conflict());
    if (opts.offset !== undefined) this.confirm(opts.offset);
    if (opts.allowed !== undefined) this.allowed = opts.allowed.length > 0 ? new Set(opts.allowed) : null;
    const ready = this.take(opts.limit);
    if (ready.length > 0 || opts.timeoutSec <= 0 || signal.aborted) return ready;
    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit: opts.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.finishPoll([], poll), opts.timeoutSec * 1000),
      };
      this.poll = poll;
      // The client went away (bot.stop() aborts its fetch): forget the poll silently.
      signal.addEventListener(
        "abort",
        () => {
          if (this.poll === poll) {
            clearTimeout(poll.timer);
            this.poll = undefined;
            resolve([]);
          }
        },
        { once: true },
      );
      this.emit("polling");
    });
  }

  private finishPoll(result: Update[] | ApiError, only?: PendingPoll): void {
    const poll = this.poll;
    if (!poll || (only && poll !== only)) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    if (result instanceof ApiError) poll.reject(result);
    else poll.resolve(result);
  }

  private scheduleWake(): void {
    if (this.wakeScheduled || !this.poll) return;
    this.wakeScheduled = true;
    // Deferred so that updates enqueued in one synchronous burst go out in one batch.
    setImmediate(() => {
      this.wakeScheduled = false;
      const poll = this.poll;
      if (poll && this.pending() > 0) this.finishPoll(this.take(poll.limit), poll);
    });
  }
}
