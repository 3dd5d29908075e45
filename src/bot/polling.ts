import { setTimeout as sleep } from "node:timers/promises";
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import { Api, GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Config } from "../config.js";
import type { SystemRepo } from "../db/repos/system.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

export interface PollingOptions {
  config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "TELEGRAM_TIMEOUT_SECONDS">;
  system: SystemRepo;
  logger: Logger;
  /** Updates handled at once (different chats; one chat's updates stay in order). */
  concurrency?: number;
  /** Called when polling cannot go on (the token was rejected). */
  onFatal(error: Error): void;
}

export interface Polling {
  /** Stops fetching, then waits (up to `graceMs`) for the updates being handled. */
  stop(graceMs: number): Promise<void>;
  inFlight(): number;
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"] as const;
const LONG_POLL_SECONDS = 30;
/**
 * A bound against floods, far above the updates a burst puts in flight: most
 * of them wait for an outbound slot (30 new messages/s), and while the bound
 * is reached nothing more is fetched, so a button press queued behind them
 * would be answered after Telegram's ~15 s callback deadline. The benchmark's
 * 1 000 registrations in 5 s keep about 1 000 in flight at ~15 KB each.
 */
const MAX_UPDATES_IN_FLIGHT = 5000;
const CONFLICT_PAUSE_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Long polling with @grammyjs/runner (updates of different chats handled
 * concurrently) and a durable inbox: every fetched batch is stored in SQLite
 * before the next getUpdates confirms it to Telegram, and each update is
 * removed once handled. After a crash the unfinished ones are handled first
 * and nothing is fetched twice, because the offset lives in the same
 * database.
 */
export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Polling {
  const { system, logger } = options;
  // A bare Api: getUpdates must not go through auto-retry's hour-long backoff
  // nor the outbound gate; its errors are handled right here. A long poll
  // that outlives its own timeout by the request timeout is dead (a dropped
  // connection nobody noticed): give it up and poll again.
  const api = new Api(options.config.BOT_TOKEN, {
    apiRoot: options.config.BOT_API_ROOT,
    timeoutSeconds: LONG_POLL_SECONDS + options.config.TELEGRAM_TIMEOUT_SECONDS,
  });
  let offset = system.pollingOffset();
  let replay = system.unfinishedUpdates<Update>();
  if (replay.length > 0) logger.info({ count: replay.length }, "handling updates left unfinished by the last run");
  const running = new Set<Promise<void>>();

  const supplier = {
    supply: async (batchSize: number, signal: AbortSignal): Promise<Update[]> => {
      if (replay.length > 0) {
        const batch = replay;
        replay = [];
        return batch;
      }
      let backoff = 1000;
      for (;;) {
        try {
          const updates = await api.getUpdates(
            { offset, limit: Math.max(1, Math.min(100, batchSize)), timeout: LONG_POLL_SECONDS, allowed_updates: [...ALLOWED_UPDATES] },
            signal as Parameters<Api["getUpdates"]>[1],
          );
          const fresh = system.storeUpdates(updates);
          const last = updates[updates.length - 1];
          if (last) offset = last.update_id + 1;
          return fresh;
        } catch (error) {
          if (signal.aborted) throw error;
          const wait = pollingErrorPause(error, backoff, logger, options.onFatal);
          backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
          await sleep(wait, undefined, { signal }).catch(() => undefined);
          if (signal.aborted) throw error;
        }
      }
    },
  };

  const sink = createConcurrentSink<Update>(
    {
      consume: (update) => {
        const started = performance.now();
        const task = bot.handleUpdate(update).finally(() => {
          system.updateDone(update.update_id);
          // One line per update at debug level: what came in and how long it took.
          const kind = Object.keys(update).find((key) => key !== "update_id");
          logger.debug({ update_id: update.update_id, kind, ms: Math.round(performance.now() - started) }, "update handled");
        });
        const tracked = task.then(
          () => undefined,
          () => undefined,
        );
        running.add(tracked);
        void tracked.then(() => running.delete(tracked));
        return task;
      },
    },
    async (error) => {
      try {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      } catch (handlerError) {
        logger.error({ err: handlerError }, "the error handler failed");
      }
    },
    { concurrency: options.concurrency ?? MAX_UPDATES_IN_FLIGHT },
  );
  const runner: RunnerHandle = createRunner<Update>(createSource<Update>(supplier as Parameters<typeof createSource<Update>>[0]), sink);
  runner.start();
  runner.task()?.catch((error: unknown) => {
    logger.fatal({ err: error }, "polling stopped");
    options.onFatal(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async stop(graceMs) {
      await runner.stop();
      const deadline = sleep(graceMs).then(() => "timeout" as const);
      const result = await Promise.race([Promise.all(running).then(() => "done" as const), deadline]);
      if (result === "timeout") logger.warn({ in_flight: running.size }, "stopped without waiting for all updates");
    },
    inFlight: () => running.size,
  };
}

/** How long to wait after a failed getUpdates, saying what went wrong in words an operator acts on. */
function pollingErrorPause(error: unknown, backoff: number, logger: Logger, onFatal: (error: Error) => void): number {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) {
      const fatal = new Error("Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from @BotFather");
      onFatal(fatal);
      return MAX_BACKOFF_MS;
    }
    if (error.error_code === 409) {
      logger.error(
        "another process is receiving updates for this bot token (409 Conflict): stop the other instance " +
          "(or delete its webhook); retrying in 30 s",
      );
      return CONFLICT_PAUSE_MS;
    }
    if (error.error_code === 429) return (error.parameters.retry_after ?? 1) * 1000;
  }
  logger.warn({ err: error }, `getUpdates failed; retrying in ${Math.round(backoff / 1000)} s`);
  return backoff;
}
