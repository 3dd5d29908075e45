import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { fromRoot, projectRoot } from "./paths.js";

const TOKEN_PATTERN = /^\d{3,}:[A-Za-z0-9_-]{30,}$/;

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const envBoolean = z.union([z.boolean(), z.stringbool()]);
const CONCURRENCY_ERROR = 'must be "auto" or a whole number from 1 to 1000';

/**
 * Every key of SPEC §3 (plus the delivery and operations knobs of later
 * issues). Values from config.ts arrive typed; values from the environment
 * arrive as strings, so numbers and booleans are coerced.
 */
export const configSchema = z.strictObject({
  BOT_TOKEN: z
    .string({ error: "is required: the token from @BotFather" })
    .trim()
    .regex(TOKEN_PATTERN, { error: "does not look like a bot token (expected <digits>:<35 characters>)" }),
  BOT_USERNAME: z
    .string()
    .trim()
    .transform((name) => name.replace(/^@/, ""))
    .pipe(z.string().regex(/^[A-Za-z0-9_]{5,32}$/, { error: "must be the bot's username without @" }))
    .optional(),
  FOUNDER_IDS: z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : value),
    z
      .array(z.coerce.number({ error: "must be numeric Telegram user ids" }).int().positive(), {
        error: "is required: a list of Telegram user ids, e.g. 123456789 or 1,2,3",
      })
      .min(1, { error: "needs at least one Telegram user id" }),
  ),
  DEFAULT_TICKET_FOLDER: z.string().min(1).default("tickets"),
  ARCHIVE_FOLDER: z.string().min(1).default("archive"),
  LOG_FOLDER: z.string().min(1).default("logs"),
  DATABASE_PATH: z.string().min(1).default("users.db"),
  BOT_API_ROOT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.telegram.org" })
    .transform((url) => url.replace(/\/+$/, ""))
    .default("https://api.telegram.org"),
  DEFAULT_LOCALE: z.enum(["ru", "en"], { error: "must be ru or en" }).default("ru"),
  /** The organisers' time zone: times in messages, reports (named in their headers) and the statistics picture. */
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, { error: "must be an IANA time zone such as Europe/Moscow or UTC" })
    .default("UTC"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  LOG_MAX_SIZE_MB: positiveInt(10_000).default(10),
  LOG_MAX_FILES: positiveInt(1000).default(5),
  /** Messages per second of ticket and broadcast delivery; Telegram allows about 30. */
  SEND_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(25),
  /**
   * Sends in flight at once. "auto": sized from the measured round trip so
   * that the configured rate is reached (rate × round trip, with headroom);
   * a number fixes it (it must then cover rate × round trip: 1 000/s × 0.3 s = 300).
   */
  SEND_CONCURRENCY: z
    .union([z.literal("auto"), z.coerce.number().int().min(1, { error: CONCURRENCY_ERROR }).max(1000, { error: CONCURRENCY_ERROR })], { error: CONCURRENCY_ERROR })
    .default("auto"),
  /** Telegram's own ceiling for new messages across all chats (interactive replies + delivery). */
  TELEGRAM_GLOBAL_RATE: z.coerce.number().positive().max(1000).default(30),
  /** Telegram's per-chat ceiling: sustained messages per second to one chat, and the burst it tolerates. */
  TELEGRAM_CHAT_RATE: z.coerce.number().positive().max(100).default(1),
  TELEGRAM_CHAT_BURST: positiveInt(100).default(3),
  /**
   * Longest wait for one Bot API request (each retry gets its own). grammY's
   * own default is 500 s: a connection that silently stops answering would
   * hold a chat's reply or a delivery slot that long.
   */
  TELEGRAM_TIMEOUT_SECONDS: positiveInt(600).default(60),
  ZIP_MAX_ENTRIES: positiveInt(100_000).default(10_000),
  ZIP_MAX_TOTAL_MB: positiveInt(100_000).default(2048),
  ZIP_MAX_RATIO: z.coerce.number().positive().default(100),
  PROTECT_TICKETS: envBoolean.default(false),
  PAID_BROADCAST: envBoolean.default(false),
  PAID_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(1000),
  FOUNDER_ALERTS: envBoolean.default(true),
  AGREEMENT_FOLDER: z.string().min(1).default("agreement"),
  /**
   * Passes of a wave stop working when it ends. Off by default: ending a wave
   * archives its unissued tickets, while the sent ones still admit their
   * people (a later wave is usually more tickets for the same event).
   */
  PASSES_END_WITH_WAVE: envBoolean.default(false),
  /**
   * A group chat (the bot is a member) where participants' questions go;
   * without it they go to every owner's and admin's private chat. Admins
   * answer by replying to a relayed question there.
   */
  SUPPORT_CHAT_ID: z.coerce
    .number({ error: "must be a group chat id such as -1001234567890" })
    .int({ error: "must be a group chat id such as -1001234567890" })
    .negative({ error: "must be a group chat id (negative, such as -1001234567890)" })
    .optional(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = z.output<typeof configSchema> & {
  /** Absolute paths, resolved against the project root. */
  paths: { tickets: string; archive: string; logs: string; database: string; agreement: string };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates a raw key/value object (tests call this directly). */
export function createConfig(input: Record<string, unknown>): Config {
  // An empty environment variable means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    // One line per problem; zod messages never contain the offending value,
    // so the token cannot leak through here.
    const problems = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") return `config.ts has unknown keys: ${issue.keys.join(", ")}`;
      const key = issue.path.length > 0 ? String(issue.path[0]) : "config";
      return `${key} ${issue.message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const config = parsed.data;
  return {
    ...config,
    paths: {
      tickets: fromRoot(config.DEFAULT_TICKET_FOLDER),
      archive: fromRoot(config.ARCHIVE_FOLDER),
      logs: fromRoot(config.LOG_FOLDER),
      database: fromRoot(config.DATABASE_PATH),
      agreement: fromRoot(config.AGREEMENT_FOLDER),
    },
  };
}

/**
 * config.ts (compiled to dist/config.js by `npm start`) first, then every
 * environment variable of the same name on top of it.
 */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const fromFile = await readConfigFile();
  const fromEnv = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, env[key]]));
  const merged: Record<string, unknown> = { ...fromFile };
  for (const [key, value] of Object.entries(fromEnv)) if (value !== undefined && value !== "") merged[key] = value;
  return createConfig(merged);
}

/**
 * Only the database's location, resolved exactly as loadConfig resolves it
 * (config.ts, then the environment, then the default; relative to the project
 * root), for tools like `npm run backup` that need no token.
 */
export async function loadDatabasePath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromFile = await readConfigFile();
  const raw = env.DATABASE_PATH !== undefined && env.DATABASE_PATH !== "" ? env.DATABASE_PATH : fromFile.DATABASE_PATH;
  const parsed = configSchema.shape.DATABASE_PATH.safeParse(raw === "" ? undefined : raw);
  if (!parsed.success) throw new ConfigError(["DATABASE_PATH must be a file path"]);
  return fromRoot(parsed.data);
}

async function readConfigFile(): Promise<Record<string, unknown>> {
  // Only trust dist/config.js while config.ts exists: a deleted config.ts must
  // not leave a stale compiled copy in charge.
  if (!existsSync(join(projectRoot, "config.ts"))) return {};
  const compiled = join(projectRoot, "dist", "config.js");
  if (!existsSync(compiled)) {
    throw new ConfigError(["config.ts exists but is not compiled: start the bot with `npm start`, which builds it"]);
  }
  const module = (await import(pathToFileURL(compiled).href)) as { default?: unknown };
  const value = module.default;
  if (typeof value !== "object" || value === null) {
    throw new ConfigError(["config.ts must `export default { BOT_TOKEN: ..., FOUNDER_IDS: [...] }`"]);
  }
  return value as Record<string, unknown>;
}
