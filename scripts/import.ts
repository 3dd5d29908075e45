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
import { Api, InputFile, type Context } from "grammy";
import { pino } from "pino";
import { describeUpload, type ImportAnswer } from "../src/bot/render/import-answer.js";
import { ConfigError, loadConfig, type Config } from "../src/config.js";
import { openDatabase, type Db } from "../src/db/database.js";
import { createRepos, type Repos } from "../src/db/repos/index.js";
import { createI18n, localeFor, translator, type Translate } from "../src/i18n.js";
import { scrubSecrets, type Logger } from "../src/logger.js";
import { createPeopleOperations } from "../src/people/operations.js";
import { clampText, MAX_TEXT } from "../src/telegram/limits.js";
import { chatLogTransformer } from "../src/telegram/outbound.js";
import { importFromServer, parseImportArgs, succeeded, type ServerImportResult } from "../src/tickets/server-import.js";

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

/** The same words as /upload_zip answers in Telegram. */
function describeServerImport(result: ServerImportResult, t: Translate): ImportAnswer {
  switch (result.kind) {
    case "done":
      return describeUpload(result.outcome, result.wave, t);
    case "no_wave":
      return { text: t("wave-none") };
    case "sending":
      return { text: t("wave-busy-sending", { wave: result.wave.name }) };
    case "not_found":
      return { text: t("import-not-found", { path: result.path }) };
  }
}

/**
 * Tells every founder in Telegram what the import did, each in their own
 * language. Returns the founders who could not be told, with the reason; a
 * failed notice never undoes the import.
 */
async function notifyFounders(
  deps: { config: Config; repos: Repos; translate(locale: string): Translate },
  result: Extract<ServerImportResult, { kind: "done" }>,
  timeoutSeconds = 15,
): Promise<Array<{ founderId: number; reason: string }>> {
  const { config, repos } = deps;
  const people = createPeopleOperations({ config, repos });
  // A bare Api: no auto-retry, so an unreachable Bot API fails within the
  // timeout instead of holding the operator's terminal. The chat log still
  // records what the founders were sent.
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds });
  api.config.use(chatLogTransformer(people));
  const failures: Array<{ founderId: number; reason: string }> = [];
  for (const founderId of config.FOUNDER_IDS) {
    const t = deps.translate(localeFor(people.byId(founderId)?.language_code, config.DEFAULT_LOCALE));
    const header = t(result.outcome.ok ? "import-founder-done" : "import-founder-refused", { file: result.fileName });
    try {
      const answer = describeUpload(result.outcome, result.wave, t);
      await api.sendMessage(founderId, clampText(`${header}\n\n${answer.text}`, MAX_TEXT));
      if (answer.fullList) {
        const file = new InputFile(Buffer.from(`${answer.fullList.join("\n")}\n`), "import.txt");
        await api.sendDocument(founderId, file, { caption: t("full-list-caption", { count: answer.fullList.length }) });
      }
    } catch (error) {
      const reason = error instanceof Error && "description" in error ? String(error.description) : error instanceof Error ? error.message : String(error);
      failures.push({ founderId, reason: scrubSecrets(reason, config.BOT_TOKEN) });
    }
  }
  return failures;
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
