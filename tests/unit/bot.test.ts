import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/index.js";
import { createConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/database.js";
import { createRepos } from "../../src/db/repos/index.js";
import { createLogger } from "../../src/logger.js";
import { projectRoot } from "../../src/paths.js";
import { loadAgreement } from "../../src/registration/agreement.js";

const FOUNDER = 1;

/**
 * The bot built as main.ts builds it, without starting it: updates go in
 * through handleUpdate and a recording transformer answers every API call,
 * so a handler's behaviour is checked in milliseconds.
 */
function buildBot() {
  const config = createConfig({ BOT_TOKEN: "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", FOUNDER_IDS: [FOUNDER], DEFAULT_LOCALE: "en" });
  const repos = createRepos(openDatabase(":memory:"));
  const logger = createLogger({ level: "silent", folder: mkdtempSync(join(tmpdir(), "bot-unit-")), token: config.BOT_TOKEN, maxSizeMb: 1, maxFiles: 1, stdout: false });
  const { bot } = createBot({
    config,
    logger,
    repos,
    agreement: loadAgreement(join(projectRoot, "agreement")),
    botInfo: { id: 99, is_bot: true, first_name: "Ticket Bot", username: "test_ticket_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false } as never,
  });
  const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result = method === "sendMessage" ? { message_id: calls.length, date: 0, chat: { id: 0, type: "private" }, text: (payload as { text: string }).text } : true;
    return { ok: true, result } as never;
  });
  let nextUpdate = 1;
  const send = async (from: number, text: string) => {
    const command = /^\/\w+/.exec(text)?.[0];
    const update: Update = {
      update_id: nextUpdate++,
      message: {
        message_id: nextUpdate,
        date: 0,
        chat: { id: from, type: "private", first_name: "U" },
        from: { id: from, is_bot: false, first_name: "U", username: `user${from}`, language_code: "en" },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
      },
    };
    await bot.handleUpdate(update);
  };
  return { bot, repos, calls, send };
}

describe("the bot, update by update", () => {
  it("answers /myid with the sender's id", async () => {
    const { calls, send } = buildBot();
    await send(42, "/myid");
    assert.deepEqual(calls.map((c) => [c.method, c.payload.chat_id, c.payload.text]), [["sendMessage", 42, "Your Telegram id: 42"]]);
  });

  it("refuses an admin command to a stranger and logs it, and lets the founder through", async () => {
    const { calls, send, repos } = buildBot();
    await send(7, "/security_log");
    assert.equal(calls[0]!.payload.text, "This command is not available to you.");
    assert.deepEqual(repos.security.latest(5).map((e) => [e.user_id, e.kind, e.action]), [[7, "unauthorized", "/security_log"]]);
    await send(FOUNDER, "/security_log");
    assert.match(String(calls[1]!.payload.text), /Security log: 1 entry\./);
  });

  it("records what a participant writes before any feature runs, and refreshes their username", async () => {
    // (The bot's side of the log is captured by a transformer inside the
    // chain this test replaces; tests/e2e/process.test.ts covers it.)
    const { send, repos } = buildBot();
    repos.invites.createBatch(["CODE5"], FOUNDER, null);
    repos.users.seen(5);
    repos.invites.open(5, "CODE5");
    repos.invites.recordConsent(5, "en-test");
    repos.invites.complete(5);
    repos.users.touch({ id: 5, first_name: "U", username: "old5" });
    await send(5, "hello");
    assert.deepEqual([...repos.chatLog.iterate(5)].map((l) => [l.direction, l.kind, l.content]), [["in", "text", "hello"]]);
    assert.equal(repos.users.findById(5)!.username, "user5");
  });

  it("knows someone who never registered by id only: no names, nothing they wrote", async () => {
    const { send, repos } = buildBot();
    await send(6, "my phone is +1 555 0100");
    const row = repos.users.findById(6)!;
    assert.deepEqual([row.username, row.first_name, row.last_name, row.language_code], [null, null, null, null]);
    assert.equal(repos.chatLog.count(6), 0);
  });
});
