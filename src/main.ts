import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { publishAllCommands, type OrganiserRole } from "./bot/command-menus.js";
import { createBot } from "./bot/index.js";
import { startPolling } from "./bot/polling.js";
import { DatabaseVersionError, openDatabase, type Db } from "./db/database.js";
import { createRepos } from "./db/repos/index.js";
import { createLogger, scrubSecrets, type Logger } from "./logger.js";
import type { Role } from "./people/operations.js";
import { loadAgreement, type Agreement } from "./registration/agreement.js";
import { reconcileTicketFiles } from "./tickets/storage.js";

const SHUTDOWN_GRACE_MS = 8_000;

/** Lifecycle only: config → logger → database → bot → polling; clean stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = await loadConfigOrExit();
  const logger = createLogger({
    level: config.LOG_LEVEL,
    folder: config.paths.logs,
    token: config.BOT_TOKEN,
    maxSizeMb: config.LOG_MAX_SIZE_MB,
    maxFiles: config.LOG_MAX_FILES,
  });
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; exiting");
    exitAfterFlush(logger, 1);
  });

  let db: Db;
  let agreement: Agreement;
  try {
    db = openDatabase(config.paths.database);
    agreement = loadAgreement(config.paths.agreement);
  } catch (error) {
    return fail(logger, error instanceof DatabaseVersionError || error instanceof Error ? error.message : String(error));
  }
  const repos = createRepos(db);
  const { bot, deps, engine, relay, scheduler } = createBot({ config, logger, repos, agreement });
  reconcileTicketFiles(config.paths, repos.tickets, logger);
  const forgotten = deps.ops.people.forgetIdentifiedVisitors();
  if (forgotten > 0) logger.info({ count: forgotten }, "profiles and chat logs of people who never registered forgotten (known by id only)");

  bot.botInfo = await getMeOrExit(config, logger);
  logger.info({ bot: bot.botInfo.username, api_root: new URL(config.BOT_API_ROOT).origin }, "bot starting");

  let stopping = false;
  const polling = startPolling(bot, {
    config,
    system: repos.system,
    logger,
    onFatal: (error) => {
      if (stopping) return;
      logger.fatal(error.message);
      void shutdown(1);
    },
  });
  void publishAllCommands(
    bot.api,
    deps.ops.people.organiserIds().map((id) => ({ id, role: organiserRole(deps.ops.people.roleOf(id)) })),
    (locale, key) => deps.i18n.t(locale, key),
    config.DEFAULT_LOCALE,
    logger,
  );
  engine.start();
  relay.start();
  scheduler.start();
  logger.info("polling for updates");

  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down");
    const hardStop = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      exitAfterFlush(logger, code || 1);
    }, 10_000);
    hardStop.unref();
    try {
      // In-flight sends finish (or are aborted and stay pending for the next
      // start) while polling stops; then nothing touches the database.
      scheduler.stop();
      await Promise.all([engine.stop(SHUTDOWN_GRACE_MS - 2_000), polling.stop(SHUTDOWN_GRACE_MS), relay.stop()]);
      await deps.alerts.close();
      db.close();
      logger.info("stopped");
    } catch (error) {
      logger.error({ err: error }, "error during shutdown");
    }
    exitAfterFlush(logger, code);
  }
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
}

async function loadConfigOrExit(): Promise<Config> {
  try {
    return await loadConfig();
  } catch (error) {
    const lines = error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
    const token = process.env.BOT_TOKEN;
    for (const line of lines) process.stderr.write(`Configuration error: ${scrubSecrets(line, token)}\n`);
    process.exit(1);
  }
}

/**
 * getMe on a bare Api (grammY's own init and auto-retry would retry silently),
 * retried while the Bot API cannot be reached, saying so in the log; a
 * rejected token ends the process with a clear line.
 */
async function getMeOrExit(config: Config, logger: Logger): Promise<UserFromGetMe> {
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT });
  for (let attempt = 1, wait = 1000; ; attempt++, wait = Math.min(30_000, wait * 2)) {
    try {
      return await api.getMe();
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        return fail(logger, "Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from @BotFather");
      }
      const reason = error instanceof HttpError ? "network error" : error instanceof GrammyError ? error.description : String(error);
      logger.warn({ err: error, attempt }, `cannot reach the Bot API (${reason}); retrying in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}

/** Everyone in organiserIds() is an owner, an admin or door staff. */
function organiserRole(role: Role): OrganiserRole {
  return role === "founder" || role === "admin" ? role : "staff";
}

function fail(logger: Logger, message: string): never {
  logger.fatal(message);
  logger.flush();
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function exitAfterFlush(logger: Logger, code: number): void {
  logger.flush();
  setTimeout(() => process.exit(code), 50);
}

void main();
