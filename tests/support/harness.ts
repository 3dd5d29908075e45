import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { startEmulator, type Emulator, type EmulatorOptions, type SimUser, type SimUserInit, type BotMessage } from "./emulator/index.js";
import { BotProcess } from "./bot-process.js";

/** Shaped like a real token (digits, colon, 35 characters; a short id so that no scanner takes it for a leaked one) so scrubbing is tested for real. */
export const TEST_TOKEN = "700001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

export interface ScenarioOptions {
  emulator?: Partial<EmulatorOptions>;
  /** Extra or overriding environment for the bot process. */
  env?: Record<string, string>;
  /** Do not start the bot yet (e.g. to test a bad configuration). */
  noStart?: boolean;
  echo?: boolean;
}

/**
 * One test world: the Bot API emulator, a temporary data folder, a founder,
 * and the real bot process pointed at the emulator.
 */
export class Scenario {
  bot!: BotProcess;
  readonly founder: SimUser;
  readonly env: Record<string, string>;

  private constructor(
    readonly emu: Emulator,
    readonly dir: string,
    private readonly options: ScenarioOptions,
  ) {
    this.founder = emu.user({ username: "founder", firstName: "Olga", languageCode: "en" });
    this.env = {
      BOT_TOKEN: TEST_TOKEN,
      BOT_API_ROOT: emu.apiRoot,
      FOUNDER_IDS: String(this.founder.id),
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
      ...options.env,
    };
  }

  static async start(options: ScenarioOptions = {}): Promise<Scenario> {
    const emu = await startEmulator({ token: TEST_TOKEN, ...options.emulator });
    const dir = mkdtempSync(join(tmpdir(), "ticket-bot-test-"));
    const scenario = new Scenario(emu, dir, options);
    if (!options.noStart) await scenario.startBot();
    return scenario;
  }

  /** Starts the bot process and waits until it polls for updates. */
  async startBot(extraEnv: Record<string, string> = {}): Promise<BotProcess> {
    this.bot = new BotProcess({ env: { ...this.env, ...extraEnv }, echo: this.options.echo ?? process.env.BOT_ECHO === "1" });
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
    if (this.bot) await this.bot.stop();
    await this.emu.close();
    if (!process.env.KEEP_TEST_DIRS) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Sends `text` as `who` and waits for the bot's next new message in that chat. */
  async ask(who: SimUser, text: string, timeoutMs?: number): Promise<BotMessage> {
    const since = who.messages.length;
    who.send(text);
    return who.waitFor(() => true, { since, ...(timeoutMs ? { timeoutMs } : {}) });
  }

  /** Presses a button and waits for the bot's reaction (an edit of that message or a new message). */
  async press(who: SimUser, button: string | { data: string }, messageId?: number): Promise<BotMessage> {
    const since = who.messages.length;
    who.press(button, messageId !== undefined ? { messageId } : {});
    return who.waitFor(() => true, { since });
  }

  /** /gen_invites N as the founder: the invite codes from the .xlsx the bot sent. */
  async invites(count: number): Promise<string[]> {
    const since = this.founder.messages.length;
    this.founder.send(`/gen_invites ${count}`);
    // Alerts to the founder may arrive in between: wait for the file itself.
    const reply = await this.founder.waitFor((m) => m.document !== undefined, { since, timeoutMs: 30_000 });
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
