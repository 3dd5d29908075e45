import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { startEmulator, type Emulator, type EmulatorOptions, type SimUser, type SimUserInit, type BotMessage } from "./emulator/index.js";
import { BotProcess } from "./bot-process.js";
import { waitUntil } from "./wait.js";

/** Shaped like a real token (digits, colon, 35 characters; a short id so that no scanner takes it for a leaked one) so scrubbing is tested for real. */
export const TEST_TOKEN = "700001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

export interface ScenarioOptions {
  emulator?: Partial<EmulatorOptions>;
  /** Extra or overriding environment for the bot process. */
  env?: Record<string, string>;
  /** Do not start the bot yet (e.g. to test a bad configuration). */
  noStart?: boolean;
  echo?: boolean;
  /** Options for node itself when it starts the bot (see BotProcessOptions). */
  nodeArgs?: readonly string[];
}

/** Which bot message answers a request (see `Scenario.ask`). */
export type Expect = RegExp | ((message: BotMessage) => boolean);

/**
 * A founder alert (locales: alert-header). Errors are reported to founders
 * even with FOUNDER_ALERTS off, on the alert module's own schedule, so one
 * can land in a founder's chat at any moment; it is never the answer to a
 * request.
 */
export const isFounderAlert = (m: BotMessage): boolean => /^(Security and errors|Безопасность и ошибки): \d+ /.test(m.text ?? "");

export interface AskOptions {
  /**
   * The answer to wait for: a pattern for its text or caption, or a
   * predicate. Messages before it (a delivery's progress, say) are passed
   * over. Without it the answer is the first new message that is not a
   * founder alert.
   */
  expect?: Expect;
  /** Default 10 s. */
  timeoutMs?: number;
}

/**
 * The scenario of a describe block: set up in a `before` hook registered
 * here (so before the block's own `before` hooks run), stopped in `after`.
 * Use it inside tests and hooks:
 *
 *   describe("…", () => {
 *     const sc = useScenario({ env: { … } });
 *     it("…", async () => { await sc.ask(sc.founder, "/myid"); });
 *   });
 */
export function useScenario(options: ScenarioOptions = {}): Scenario {
  const sc = new Scenario(options);
  before(() => sc.setUp());
  after(() => sc.stop());
  return sc;
}

interface World {
  emu: Emulator;
  dir: string;
  founder: SimUser;
  env: Record<string, string>;
}

/**
 * One test world: the Bot API emulator, a temporary data folder, a founder,
 * and the real bot process pointed at the emulator.
 *
 * Replies are matched to requests by what the bot guarantees: updates of one
 * chat are handled strictly one after another, and a handler has its
 * replies delivered before it finishes. `ask` and `press` therefore first
 * wait until the bot has finished with everything the person sent before
 * (`settled`), so a late answer to an earlier message can no longer arrive
 * and be taken for the answer to this one.
 */
export class Scenario {
  bot!: BotProcess;
  private world: World | undefined;
  private botEnv: Record<string, string> = {};

  constructor(private readonly options: ScenarioOptions = {}) {}

  static async start(options: ScenarioOptions = {}): Promise<Scenario> {
    const scenario = new Scenario(options);
    await scenario.setUp();
    return scenario;
  }

  /** Starts the emulator, makes the data folder and, unless `noStart`, starts the bot. */
  async setUp(): Promise<this> {
    const emu = await startEmulator({ token: TEST_TOKEN, ...this.options.emulator });
    const dir = mkdtempSync(join(tmpdir(), "ticket-bot-test-"));
    const founder = emu.user({ username: "founder", firstName: "Olga", languageCode: "en" });
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      BOT_API_ROOT: emu.apiRoot,
      FOUNDER_IDS: String(founder.id),
      DATABASE_PATH: join(dir, "users.db"),
      DEFAULT_TICKET_FOLDER: join(dir, "tickets"),
      ARCHIVE_FOLDER: join(dir, "archive"),
      LOG_FOLDER: join(dir, "logs"),
      LOG_LEVEL: "debug",
      // Tests talk to one chat many times in a row; the per-chat pacing is
      // exercised by the benchmarks and by the flood-limit tests.
      TELEGRAM_CHAT_RATE: "100",
      TELEGRAM_CHAT_BURST: "100",
      // Founder alerts arrive asynchronously and would interleave with the
      // replies a test waits for; the alert tests switch them on.
      FOUNDER_ALERTS: "false",
      ...this.options.env,
    };
    this.world = { emu, dir, founder, env };
    if (!this.options.noStart) await this.startBot();
    return this;
  }

  private get ready(): World {
    if (!this.world) throw new Error("the scenario is not set up yet: use it inside tests and hooks (useScenario sets it up in before())");
    return this.world;
  }

  get emu(): Emulator {
    return this.ready.emu;
  }

  get dir(): string {
    return this.ready.dir;
  }

  get founder(): SimUser {
    return this.ready.founder;
  }

  get env(): Record<string, string> {
    return this.ready.env;
  }

  /** Starts the bot process and waits until it polls for updates. */
  async startBot(extraEnv: Record<string, string> = {}): Promise<BotProcess> {
    this.botEnv = { ...this.env, ...extraEnv };
    this.bot = new BotProcess({
      env: this.botEnv,
      echo: this.options.echo ?? process.env.BOT_ECHO === "1",
      ...(this.options.nodeArgs ? { nodeArgs: this.options.nodeArgs } : {}),
    });
    await Promise.race([
      this.emu.waitForPolling(20_000),
      this.bot.waitForExit(20_000).then(({ code }) => {
        throw new Error(`bot exited with ${code} before polling:\n${this.bot.stderr.join("")}\n${this.bot.stdout.slice(-5).join("\n")}`);
      }),
    ]);
    return this.bot;
  }

  async restartBot(extraEnv: Record<string, string> = {}): Promise<BotProcess> {
    await this.bot.stop();
    return this.startBot(extraEnv);
  }

  user(init: SimUserInit = {}): SimUser {
    return this.emu.user({ languageCode: "en", ...init });
  }

  /** Read-only view of the bot's database for assertions about what is stored. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(this.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  async stop(): Promise<void> {
    if (!this.world) return;
    if (this.bot) await this.bot.stop();
    await this.emu.close();
    if (!process.env.KEEP_TEST_DIRS) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Resolves once the bot has finished handling every update `who` has sent
   * so far (without `who`: every update anyone has sent). One chat's
   * updates are handled in order and a handler's replies are delivered
   * before it finishes, so afterwards nothing more can come in answer to
   * what `who` said; whatever still arrives is background work (deliveries,
   * progress, alerts). "Finished" is read from the bot's durable inbox: an
   * update is done once the stored polling offset is past it and its inbox
   * row is gone.
   */
  async settled(who?: SimUser, timeoutMs = 30_000): Promise<void> {
    const last = who ? who.lastUpdateId : this.emu.lastUpdateId();
    if (last === undefined || this.handled(last, who === undefined)) return;
    await waitUntil(() => this.handled(last, who === undefined), `the bot to finish update ${last}${who ? ` of user ${who.id}` : ""} (bot running: ${this.bot?.running})`, { timeoutMs });
  }

  /** Whether update `updateId` (with `andEarlier`: every update up to it) has been handled. */
  private handled(updateId: number, andEarlier: boolean): boolean {
    let db: Database.Database;
    try {
      db = new Database(this.botEnv.DATABASE_PATH ?? this.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
    } catch {
      return false; // not created yet
    }
    try {
      const offset = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'polling_offset'").get();
      if (!offset || Number(offset.value) <= updateId) return false;
      const open = andEarlier
        ? db.prepare("SELECT 1 FROM update_inbox WHERE update_id <= ? LIMIT 1").get(updateId)
        : db.prepare("SELECT 1 FROM update_inbox WHERE update_id = ?").get(updateId);
      return open === undefined;
    } catch {
      return false; // the schema is still being created
    } finally {
      db.close();
    }
  }

  /**
   * Sends `text` as `who` and returns the bot's answer: the first new message
   * in that chat (founder alerts aside), or with `expect` the first that
   * matches it. Waits first until everything `who` sent before has been
   * handled (see `settled`).
   */
  async ask(who: SimUser, text: string, options: AskOptions = {}): Promise<BotMessage> {
    await this.settled(who);
    const since = who.messages.length;
    who.send(text);
    return who.waitFor(matcher(options.expect), { since, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  }

  /**
   * Presses a button and waits for the bot's reaction: an edit of the
   * pressed message or a new message (founder alerts aside; with `expect`,
   * the first of those that matches). Waits first, like `ask`, until `who`'s
   * earlier updates are handled.
   */
  async press(who: SimUser, button: string | { data: string }, messageId?: number, options: AskOptions = {}): Promise<BotMessage> {
    await this.settled(who);
    const pressed = pressedMessage(who, button, messageId);
    const since = who.messages.length;
    who.press(button, messageId !== undefined ? { messageId } : {});
    const expected = matcher(options.expect);
    return who.waitFor((m) => (m.index >= since || (m.edited && m.message_id === pressed)) && expected(m), {
      since,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** /gen_invites N as the founder: the invite codes from the .xlsx the bot sent. */
  async invites(count: number): Promise<string[]> {
    // Alerts to the founder may arrive in between: wait for the file itself.
    const reply = await this.ask(this.founder, `/gen_invites ${count}`, { expect: (m) => m.document !== undefined, timeoutMs: 30_000 });
    const sheet = await readSheets(this.founder.download(reply));
    const rows = [...sheet.values()][0]!;
    return rows.slice(1).map((row) => String(row[0]));
  }

  /** Registers each user through the real flow: deep link, agreement, accept. */
  async register(users: readonly SimUser[], concurrency = 20): Promise<void> {
    const codes = await this.invites(users.length);
    let next = 0;
    const worker = async () => {
      while (next < users.length) {
        const index = next++;
        const user = users[index]!;
        const consent = await this.ask(user, `/start ${codes[index]}`);
        if (!consent.reply_markup) throw new Error(`no agreement for ${user.id}: ${consent.text}`);
        const welcome = await this.press(user, acceptButton(consent), consent.message_id);
        if (!/registered|зарегистрированы/i.test(welcome.text ?? "")) throw new Error(`not registered ${user.id}: ${welcome.text}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, users.length) }, worker));
  }
}

function matcher(expect: Expect | undefined): (m: BotMessage) => boolean {
  if (expect === undefined) return (m) => !isFounderAlert(m);
  if (typeof expect === "function") return expect;
  return (m) => (m.text !== undefined && expect.test(m.text)) || (m.caption !== undefined && expect.test(m.caption));
}

/** The message whose button `SimUser.press` will press (the latest visible one carrying it). */
function pressedMessage(who: SimUser, button: string | { data: string }, messageId?: number): number | undefined {
  for (let i = who.messages.length - 1; i >= 0; i--) {
    const m = who.messages[i]!;
    if (m.deleted || (messageId !== undefined && m.message_id !== messageId)) continue;
    const buttons = m.reply_markup?.inline_keyboard.flat() ?? [];
    if (buttons.some((b) => "callback_data" in b && (typeof button === "string" ? b.text === button : b.callback_data === button.data))) return m.message_id;
  }
  return messageId;
}

/** The Accept button of an agreement message (its data carries the version of the text shown). */
export function acceptButton(consent: BotMessage): { data: string } {
  const button = consent.reply_markup?.inline_keyboard.flat().find((b) => "callback_data" in b && b.callback_data.startsWith("reg:accept"));
  if (!button || !("callback_data" in button)) throw new Error(`no Accept button on: ${consent.text}`);
  return { data: button.callback_data };
}

export type Cell = string | number | boolean | Date | null;

/** Every sheet of an .xlsx as rows of plain cell values (header row first). */
export async function readSheets(buffer: Buffer): Promise<Map<string, Cell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  workbook.eachSheet((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[]).slice(1).map((value) => plainCell(value));
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

function plainCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  if (typeof value === "object" && "result" in value) return (value as { result: Cell }).result;
  return String(value);
}

/** Full workbook access (styles, views) for checks beyond the values. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
