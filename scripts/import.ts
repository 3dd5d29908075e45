/**
 * npm run import -- <file.zip|folder> [--add]
 *
 * Loads PDF tickets into the open wave on the server, with exactly the checks
 * and all-or-nothing behaviour of /upload_zip (the same importTickets), for
 * archives beyond the Bot API's 20 MB download limit. Safe while the bot
 * runs: SQLite in WAL mode lets both write, and the bot reads the new tickets
 * from the database. Prints the result in DEFAULT_LOCALE, tells the founders
 * in Telegram, exits 0 when tickets were imported and 1 otherwise.
 */
import { join } from "node:path";
import type { Context } from "grammy";
import { pino } from "pino";
import { ConfigError, loadConfig, type Config } from "../src/config.js";
import { openDatabase, type Db } from "../src/db/database.js";
import { createRepos } from "../src/db/repos/index.js";
import { createI18n, translator } from "../src/i18n.js";
import { scrubSecrets, type Logger } from "../src/logger.js";
import {
  describeServerImport,
  importFromServer,
  notifyFounders,
  parseImportArgs,
  succeeded,
} from "../src/tickets/server-import.js";

async function main(): Promise<number> {
  let config: Config;
  try {
    config = await loadConfig();
  } catch (error) {
    const lines = error instanceof ConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
    for (const line of lines) console.error(`Configuration error: ${scrubSecrets(line, process.env.BOT_TOKEN)}`);
    return 1;
  }
  const i18n = createI18n<Context>(config.DEFAULT_LOCALE);
  const translate = (locale: string) => translator(i18n, locale);
  const t = translate(config.DEFAULT_LOCALE);

  const parsed = parseImportArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(t("import-usage"));
    return 1;
  }

  const logger = importLogger(config);
  let db: Db;
  try {
    db = openDatabase(config.paths.database);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  try {
    const repos = createRepos(db);
    let result;
    try {
      result = await importFromServer({ config, repos, logger }, parsed.args);
    } catch (error) {
      // A write error (disk full, permissions): importTickets removed what it wrote.
      logger.error({ err: error }, "server import failed");
      console.error(t("import-failed", { reason: scrubSecrets(error instanceof Error ? error.message : String(error), config.BOT_TOKEN) }));
      return 1;
    }
    const ok = succeeded(result);
    const answer = describeServerImport(result, t);
    // The terminal has no length limit: the whole list too, when the message had to shorten it.
    const text = answer.fullList ? `${answer.text}\n\n${answer.fullList.join("\n")}` : answer.text;
    if (ok) console.log(text);
    else console.error(text);

    if (result.kind === "done") {
      const failures = await notifyFounders({ config, repos, translate }, result);
      for (const failure of failures) console.error(t("import-notify-failed", { id: String(failure.founderId), reason: failure.reason }));
      const told = config.FOUNDER_IDS.length - failures.length;
      console.log(t("import-notified", { count: told, total: config.FOUNDER_IDS.length }));
    }
    return ok ? 0 : 1;
  } finally {
    db.close();
    logger.flush();
  }
}

/** The import's own log file next to the bot's (two processes must not share a rotating file). */
function importLogger(config: Config): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { component: "import" },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line) => scrubSecrets(line, config.BOT_TOKEN) },
    },
    pino.destination({ dest: join(config.paths.logs, "import.log"), mkdir: true, sync: true }),
  );
}

process.exitCode = await main();
