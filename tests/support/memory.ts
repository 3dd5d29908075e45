import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, type Transformer } from "grammy";
import type { Context } from "grammy";
import { pino } from "pino";
import { createBroadcastProducer } from "../../src/broadcast/producer.js";
import { createConfig, type Config } from "../../src/config.js";
import { openDatabase } from "../../src/db/database.js";
import { createRepos, type Repos } from "../../src/db/repos/index.js";
import type { WaveRow } from "../../src/db/repos/waves.js";
import { DeliveryEngine, type EngineControl } from "../../src/delivery/engine.js";
import { createOperations } from "../../src/operations.js";
import { createPeopleOperations } from "../../src/people/operations.js";
import type { RelayControl } from "../../src/questions/relay.js";
import { RateLimiter } from "../../src/delivery/rate-limiter.js";
import { createI18n, translator } from "../../src/i18n.js";
import { loadAgreement } from "../../src/registration/agreement.js";
import { createRegistrationOperations } from "../../src/registration/operations.js";
import { projectRoot } from "../../src/paths.js";
import { createTicketProducer } from "../../src/tickets/producer.js";
import { makePdf } from "./fixtures.js";
import { waitUntil } from "./wait.js";

export const TOKEN = "700001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
export const FOUNDER = 1;

/**
 * The rules without a process: an in-memory database, a temporary tickets
 * folder, and helpers that put people and tickets where a test needs them.
 * Each call is a fresh world; a test runs in milliseconds.
 */
export function memoryWorld(overrides: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ticket-bot-unit-"));
  const config: Config = createConfig({
    BOT_TOKEN: TOKEN,
    FOUNDER_IDS: [FOUNDER],
    DEFAULT_LOCALE: "en",
    DATABASE_PATH: ":memory:",
    DEFAULT_TICKET_FOLDER: join(dir, "tickets"),
    ARCHIVE_FOLDER: join(dir, "archive"),
    LOG_FOLDER: join(dir, "logs"),
    ...overrides,
  });
  const db = openDatabase(":memory:");
  const repos: Repos = createRepos(db);
  const agreement = loadAgreement(join(projectRoot, "agreement"));
  const registration = createRegistrationOperations({ repos, agreement });
  let codes = 0;

  /** A participant registered through the real invite path (the registration operations), with a profile. */
  function register(id: number, username = `user${id}`): void {
    const code = `code-${++codes}`;
    repos.invites.createBatch([code], FOUNDER, null);
    repos.users.seen(id);
    const user = { id, first_name: `User${id}`, username, language_code: "en" };
    assert.equal(registration.start({ user, role: "visitor", code }).kind, "agreement");
    assert.equal(registration.accept({ user, role: "visitor", version: agreement.en.version }), "registered");
  }

  /** An open wave with `count` ticket files really on disk (named ticket-1.pdf …). */
  function waveWithTickets(count: number, name = "Wave", named: Record<number, string> = {}): WaveRow {
    const wave = repos.waves.create(name, FOUNDER);
    const folder = `wave-${wave.id}`;
    mkdirSync(join(config.paths.tickets, folder), { recursive: true });
    const tickets = Array.from({ length: count }, (_, i) => {
      const data = makePdf(`${name}-${i + 1}`);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const path = `${folder}/${sha256.slice(0, 12)}-ticket-${i + 1}.pdf`;
      writeFileSync(join(config.paths.tickets, path), data);
      const owner = named[i + 1];
      return { fileName: `ticket-${i + 1}.pdf`, path, sha256, size: data.length, ...(owner ? { namedKey: owner, namedAs: owner } : {}) };
    });
    repos.tickets.insertImport({ waveId: wave.id, by: FOUNDER, source: "server", fileName: "t.zip", mode: "add", archived: 0, tickets });
    return repos.waves.byId(wave.id)!;
  }

  /**
   * The use-case layer over this world. The engine is a stand-in that counts
   * kicks (jobs are run by memoryEngine when a test wants them delivered).
   */
  function operations(engine: EngineControl = idleEngine(), relay: RelayControl = idleRelay()) {
    const people = createPeopleOperations({ config, repos });
    return createOperations({ config, repos, logger: silent, agreement, people, engine, relay, botUsername: () => "test_ticket_bot" });
  }

  return { dir, config, db, repos, agreement, register, waveWithTickets, operations };
}

export type MemoryWorld = ReturnType<typeof memoryWorld>;

const silent = pino({ level: "silent" });

/** An engine that runs nothing: it records what the operations asked of it. */
export function idleEngine(): EngineControl & { kicks: number; busy: boolean } {
  return {
    kicks: 0,
    busy: false,
    isBusy() {
      return this.busy;
    },
    kick() {
      this.kicks++;
    },
    requestStop: () => false,
  };
}

/** A relay that sends nothing: it counts kicks and records the answers it was asked to deliver. */
export function idleRelay(): RelayControl & { kicks: number; answers: Array<{ userId: number; quote: number }>; answered: number[] } {
  return {
    kicks: 0,
    answers: [],
    answered: [],
    kick() {
      this.kicks++;
      return Promise.resolve();
    },
    sendAnswer(args) {
      this.answers.push({ userId: args.user.id, quote: args.quote });
      return Promise.resolve({ ok: true });
    },
    markAnswered(relayId) {
      this.answered.push(relayId);
    },
    copyFiles: () => Promise.resolve(0),
  };
}

/** What the fake Bot API answers to one call. */
export type Answer = { ok: true } | { ok: false; code: number; description: string };

/**
 * A delivery engine of the world above, sending through an Api that never
 * leaves the process: `answer` decides each call's fate, every call is
 * recorded. Retries come after milliseconds, not seconds.
 */
export function memoryEngine(
  world: MemoryWorld,
  answer: (call: { method: string; chatId: number }) => Answer | Promise<Answer> = () => ({ ok: true }),
  options: { concurrency?: number } = {},
) {
  const { config, repos } = world;
  const calls: Array<{ method: string; chatId: number; at: number; fileName?: string; caption?: string }> = [];
  let messageId = 0;
  const api = new Api(config.BOT_TOKEN, { apiRoot: "http://127.0.0.1:9" });
  const fake: Transformer = async (_prev, method, payload) => {
    const chatId = Number((payload as { chat_id?: unknown }).chat_id);
    const document = (payload as { document?: { filename?: string } }).document;
    const caption = (payload as { caption?: string }).caption;
    calls.push({ method, chatId, at: Date.now(), ...(document?.filename ? { fileName: document.filename } : {}), ...(caption !== undefined ? { caption } : {}) });
    const outcome = await answer({ method, chatId });
    if (!outcome.ok) return { ok: false, error_code: outcome.code, description: outcome.description } as never;
    const message = { message_id: ++messageId, date: 0, chat: { id: chatId, type: "private" }, ...(method === "sendDocument" ? { document: { file_id: `f${messageId}`, file_unique_id: `u${messageId}` } } : { text: "" }) };
    return { ok: true, result: message } as never;
  };
  api.config.use(fake);
  const i18n = createI18n<Context>("en");
  const isOrganiser = (id: number) => config.FOUNDER_IDS.includes(id) || repos.admins.isAdmin(id);
  const producers = {
    tickets: createTicketProducer({ config, repos, translate: (l: string) => translator(i18n, l), isOrganiser }),
    broadcast: createBroadcastProducer({ config, repos, isOrganiser }),
  };
  const engine = new DeliveryEngine({
    jobs: repos.jobs,
    transaction: (fn) => repos.transaction(fn),
    api,
    producers,
    limiter: new RateLimiter(1000, 1000),
    concurrency: options.concurrency ?? 4,
    translate: (l: string) => translator(i18n, l),
    logger: silent,
    retryDelaysMs: [10, 10, 10, 10],
  });
  /** Queues a ticket job for the open wave, as /send_tickets does. */
  function sendTickets(wave: WaveRow): number {
    repos.waves.confirm(wave.id);
    assert.ok(repos.waves.transition(wave.id, "confirmed", "sending"));
    return repos.jobs.create({ kind: "tickets", refId: wave.id, startedBy: FOUNDER, chatId: FOUNDER, locale: "en", total: 0 }).id;
  }
  return { engine, calls, sendTickets, producers };
}

/** Waits (polling, without a fixed sleep) until `condition` holds. */
export function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  return waitUntil(condition, what, { timeoutMs, everyMs: 2 });
}
