import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { BotProcess } from "../support/bot-process.js";
import { isFounderAlert, Scenario, TEST_TOKEN, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";

/** Every log file of the scenario, concatenated. */
function allLogs(sc: Scenario): string {
  const dir = join(sc.dir, "logs");
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("\n");
}

const TOKEN_SECRET = TEST_TOKEN.split(":")[1]!;

describe("the bot process", () => {
  it("exits 1 with one clear line per configuration problem, never echoing the token", async () => {
    const bad = new BotProcess({ env: { BOT_TOKEN: "12345:not-a-token-but-secret", FOUNDER_IDS: "7, x" } });
    const { code } = await bad.waitForExit();
    assert.equal(code, 1);
    const stderr = bad.stderr.join("");
    assert.deepEqual(stderr.trim().split("\n"), [
      "Configuration error: BOT_TOKEN does not look like a bot token (expected <digits>:<35 characters>)",
      "Configuration error: FOUNDER_IDS must be numeric Telegram user ids",
    ]);
    assert.ok(!stderr.includes("not-a-token-but-secret"));

    const missing = new BotProcess({ env: {} });
    assert.equal((await missing.waitForExit()).code, 1);
    assert.match(missing.stderr.join(""), /BOT_TOKEN is required[\s\S]*FOUNDER_IDS is required/);
  });

  describe("running against the emulator", () => {
    const sc = useScenario();

    it("writes bot.log and bot_errors.log and keeps the token out of both, also for network errors", async () => {
      // Drop two long polls: grammY's HttpError then wraps node-fetch's
      // FetchError, whose message holds the URL with the token.
      sc.emu.faults.add({ method: "getUpdates", kind: "drop", times: 2 });
      sc.founder.send("/myid"); // ends the pending long poll; the next ones are dropped
      await sc.bot.waitForLog((line) => String(line.msg).startsWith("getUpdates failed"), 15_000);
      // Force a failure inside a handler too: the error boundary logs it, and
      // tells the founders in a notice of its own that may come before or
      // after the reply (ask passes over it). ask also waits until the /myid
      // above is handled, so its late answer is not taken for this one's.
      sc.emu.faults.add({ method: "sendDocument", kind: "error", status: 400, description: "Bad Request: emulated failure", times: 1 });
      const since = sc.founder.messages.length;
      const reply = await sc.ask(sc.founder, "/gen_invites 2");
      assert.match(reply.text!, /Something went wrong on our side/);
      const alert = await sc.founder.waitFor(isFounderAlert, { since });
      assert.match(alert.text!, /an error: @founder \(\d+\), \/gen_invites/);
      // The log files are written asynchronously: wait until both kinds of line are in them.
      await sc.bot.waitForLog((line) => line.msg === "error while handling an update");
      await waitUntil(
        () => /getUpdates failed/.test(allLogs(sc)) && /error while handling an update/.test(allLogs(sc)) && /emulated failure/.test(readFileSync(join(sc.dir, "logs", "bot_errors.log"), "utf8")),
        "both lines in the log files",
      );
      const logs = allLogs(sc) + sc.bot.stdout.join("\n") + sc.bot.stderr.join("");
      assert.match(logs, /getUpdates failed/);
      assert.match(logs, /error while handling an update/);
      assert.match(logs, /ECONNRESET|socket hang up|request to http/);
      assert.ok(!logs.includes(TOKEN_SECRET), "the token appears in a log");
      assert.match(readFileSync(join(sc.dir, "logs", "bot_errors.log"), "utf8"), /emulated failure/);
      // ...and the bot still answers (the owners' alert about the error may come first).
      assert.match((await sc.ask(sc.founder, "/myid", { expect: /Your Telegram id/ })).text!, /Your Telegram id/);
    });

    it("works in private chats only and says so in groups", async () => {
      const member = sc.user({ username: "group_member" });
      sc.emu.sendGroupMessage(member, "/help");
      await waitUntil(() => sc.emu.calls.some((c) => c.method === "leaveChat"), "the bot to leave the group");
      const calls = sc.emu.calls.filter((c) => c.method === "sendMessage" && (c.chatId ?? 0) < 0);
      assert.equal(calls.length, 1);
      assert.match(String(calls[0]!.params.text), /private chats only/);
      assert.ok(sc.emu.calls.some((c) => c.method === "leaveChat"));
      sc.emu.sendChannelPost("/start hello");
      await sc.settled(); // the channel post has been handled...
      assert.match((await sc.ask(member, "/myid")).text!, /Your Telegram id/);
    });

    it("records both directions of a participant's conversation in the chat log, and nothing of a stranger's", async () => {
      const talker = sc.user({ username: "talker" });
      await sc.register([talker]);
      const stranger = sc.user({ username: "passer_by" });
      await sc.ask(stranger, "hello, I have no invite");
      const registeredLines = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM chat_log WHERE user_id = ?", talker.id)[0]!.n;
      await sc.ask(talker, "/start");
      await sc.ask(talker, "hello bot");
      // The bot logs its reply once Telegram has answered, which can be just
      // after the reply shows: one more exchange in the same chat (handled
      // strictly after the previous one) makes sure it is written.
      await sc.ask(talker, "/myid");
      const lines = sc.query<{ direction: string; kind: string; content: string }>(
        "SELECT direction, kind, content FROM chat_log WHERE user_id = ? ORDER BY id",
        talker.id,
      ).slice(registeredLines);
      assert.deepEqual(
        lines.slice(0, 4).map((l) => [l.direction, l.kind]),
        [
          ["in", "command"],
          ["out", "text"],
          ["in", "text"],
          ["out", "text"],
        ],
      );
      assert.equal(lines[2]!.content, "hello bot");
      assert.match(lines[1]!.content, /already registered/);
      // Before consent the bot keeps the id only (SPEC §11).
      assert.equal(sc.query("SELECT * FROM chat_log WHERE user_id = ?", stranger.id).length, 0);
    });

    it("handles no update twice and loses none across a restart", async () => {
      const regular = sc.user({ username: "regular" });
      await sc.ask(regular, "/myid");
      await sc.bot.stop();
      // Sent while the bot is down: delivered after the restart, once.
      regular.send("/myid");
      regular.send("/help");
      const before = regular.messages.length;
      await sc.startBot();
      await regular.waitFor(() => regular.messages.length >= before + 2);
      // Once Telegram has nothing left to deliver again, a /myid sent now is
      // handled after any second handling of the two messages above (one chat
      // is handled in order): its answer must be the third.
      await waitUntil(() => sc.emu.pendingUpdateCount() === 0, "every update to be confirmed");
      const barrier = await sc.ask(regular, "/myid");
      assert.equal(barrier.index, before + 2, "exactly two answers before it");
      assert.equal(regular.messages.length, before + 3);
    });
  });
});
