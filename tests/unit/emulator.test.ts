/**
 * The Bot API emulator, driven by real grammY over HTTP: envelopes, errors,
 * uploads, polling, buttons, flood limits and faults.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import AdmZip from "adm-zip";
import { Api, Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { Message, Update } from "grammy/types";
import { startEmulator, type Emulator, type EmulatorOptions } from "../support/emulator/index.js";
import { makePdf, makePdfOfSize, makeZip } from "../support/fixtures.js";
import { waitUntil } from "../support/wait.js";

const TOKEN = "123456789:TEST-emulator_token";

/** Real time that a test can move forward at once instead of sleeping (the emulator's `clock` option). */
function steppedClock(): { now: () => number; advance: (ms: number) => void } {
  let skew = 0;
  return { now: () => Date.now() + skew, advance: (ms) => void (skew += ms) };
}

function apiFor(emu: Emulator, timeoutSeconds = 10): Api {
  return new Bot(TOKEN, { client: { apiRoot: emu.apiRoot, timeoutSeconds } }).api;
}

async function withEmulator(opts: Partial<EmulatorOptions>, fn: (emu: Emulator, api: Api) => Promise<void>) {
  const emu = await startEmulator({ token: TOKEN, ...opts });
  try {
    await fn(emu, apiFor(emu));
  } finally {
    await emu.close();
  }
}

/** Assert a GrammyError with the given code and description (string = exact, RegExp = match). */
async function rejectsWith(p: Promise<unknown>, code: number, description: string | RegExp): Promise<GrammyError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof GrammyError, `expected GrammyError, got ${String(caught)}`);
  assert.equal(caught.error_code, code);
  if (typeof description === "string") assert.equal(caught.description, description);
  else assert.match(caught.description, description);
  return caught;
}

async function raw(emu: Emulator, method: string, body?: unknown, token = TOKEN) {
  const res = await fetch(`${emu.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

describe("emulator: envelopes and routing", () => {
  let emu: Emulator;
  let api: Api;
  before(async () => {
    emu = await startEmulator({ token: TOKEN });
    api = apiFor(emu);
  });
  after(() => emu.close());

  it("answers getMe and routes case-insensitively", async () => {
    const me = await api.getMe();
    assert.equal(me.id, 7000000001);
    assert.equal(me.username, "test_ticket_bot");
    assert.equal(me.is_bot, true);
    const r = await raw(emu, "GETME");
    assert.equal(r.status, 200);
    assert.deepEqual((r.json.result as { id: number }).id, 7000000001);
    assert.ok(/^http:\/\/127\.0\.0\.1:\d+$/.test(emu.apiRoot));
  });

  it("rejects a wrong token with 401 and unknown methods with 404", async () => {
    const bad = await raw(emu, "getMe", {}, "1:other");
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json, { ok: false, error_code: 401, description: "Unauthorized" });
    const missing = await raw(emu, "sendTelepathy");
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { ok: false, error_code: 404, description: "Not Found: method not found" });
  });

  it("accepts query-string parameters", async () => {
    const u = emu.user();
    u.send("hi");
    const res = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendMessage?chat_id=${u.id}&text=from%20query`);
    assert.equal(res.status, 200);
    assert.equal(u.lastMessage()?.text, "from query");
  });

  it("reports 400/403 with Telegram's descriptions", async () => {
    const stranger = emu.user();
    await rejectsWith(api.sendMessage(999, "x"), 400, "Bad Request: chat not found");
    await rejectsWith(api.sendMessage(stranger.id, "x"), 403, "Forbidden: bot can't initiate conversation with a user");
    const u = emu.user();
    u.send("/start");
    await rejectsWith(api.sendMessage(u.id, " \n "), 400, "Bad Request: message text is empty");
    await rejectsWith(api.sendMessage(u.id, "x".repeat(4097)), 400, "Bad Request: message is too long");
    await api.sendMessage(u.id, "ж".repeat(4096)); // the limit counts characters, not bytes
    u.block();
    await rejectsWith(api.sendMessage(u.id, "x"), 403, "Forbidden: bot was blocked by the user");
    u.unblock();
    await api.sendMessage(u.id, "back");
    u.deactivate();
    await rejectsWith(api.sendMessage(u.id, "x"), 403, "Forbidden: user is deactivated");
    const stats = emu.stats();
    assert.equal(stats.errors["403 Forbidden: bot was blocked by the user"], 1);
    assert.ok(stats.byMethod["sendMessage"]! >= 7);
  });

  it("validates reply_markup and callback_data", async () => {
    const u = emu.user();
    u.send("/start");
    const tooLong = "x".repeat(65);
    await rejectsWith(
      api.sendMessage(u.id, "x", { reply_markup: { inline_keyboard: [[{ text: "a", callback_data: tooLong }]] } }),
      400,
      "Bad Request: BUTTON_DATA_INVALID",
    );
    const malformed = await raw(emu, "sendMessage", { chat_id: u.id, text: "x", reply_markup: "{oops" });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json.description, "Bad Request: can't parse reply keyboard markup JSON object");
    const ok = await api.sendMessage(u.id, "pick", {
      reply_markup: { inline_keyboard: [[{ text: "ä", callback_data: "é".repeat(32) }]] }, // 64 bytes
    });
    assert.equal(ok.reply_markup?.inline_keyboard[0]?.[0]?.text, "ä");
  });
});

describe("emulator: text formatting", () => {
  let emu: Emulator;
  let api: Api;
  let chatId: number;
  before(async () => {
    emu = await startEmulator({ token: TOKEN });
    api = apiFor(emu);
    const u = emu.user();
    u.send("/start");
    chatId = u.id;
  });
  after(() => emu.close());

  it("parses HTML into text + UTF-16 entities", async () => {
    const m = await api.sendMessage(
      chatId,
      '<b>Bold</b> 😀 <i>it</i> &lt;x&gt; &amp; <a href="https://example.com/a?b=1">link</a> <code>c</code>',
      { parse_mode: "HTML" },
    );
    assert.equal(m.text, "Bold 😀 it <x> & link c");
    assert.deepEqual(m.entities, [
      { type: "bold", offset: 0, length: 4 },
      { type: "italic", offset: 8, length: 2 },
      { type: "text_link", offset: 17, length: 4, url: "https://example.com/a?b=1" },
      { type: "code", offset: 22, length: 1 },
    ]);
  });

  it("supports pre with language, spoilers and blockquotes", async () => {
    const m = await api.sendMessage(
      chatId,
      '<pre><code class="language-js">x=1</code></pre>\n<tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">t</span>\n<blockquote>q</blockquote>',
      { parse_mode: "HTML" },
    );
    assert.equal(m.text, "x=1\ns t\nq");
    assert.deepEqual(m.entities, [
      { type: "pre", offset: 0, length: 3, language: "js" },
      { type: "spoiler", offset: 4, length: 1 },
      { type: "spoiler", offset: 6, length: 1 },
      { type: "blockquote", offset: 8, length: 1 },
    ]);
  });

  it("rejects unescaped input like Telegram does", async () => {
    const cases: Array<[string, string]> = [
      ["a < b", 'Unsupported start tag "" at byte offset 2'],
      ["<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'],
      ["<b>never closed", "Can't find end tag corresponding to start tag b"],
      ["x</b>", "Unexpected end tag at byte offset 1"],
      ["<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
      ["Ж <b", "Unclosed start tag at byte offset 3"],
    ];
    for (const [html, detail] of cases) {
      await rejectsWith(
        api.sendMessage(chatId, html, { parse_mode: "HTML" }),
        400,
        `Bad Request: can't parse entities: ${detail}`,
      );
    }
  });

  it("trims and detects entities in plain text like the server", async () => {
    const m = await api.sendMessage(chatId, "\n  Use /help or visit https://t.me/x. \r\n\n");
    assert.equal(m.text, "Use /help or visit https://t.me/x.");
    assert.deepEqual(m.entities, [
      { type: "bot_command", offset: 4, length: 5 },
      { type: "url", offset: 19, length: 14 },
    ]);
  });
});

describe("emulator: polling, commands and buttons", () => {
  let emu: Emulator;
  let api: Api;
  const clock = steppedClock();
  before(async () => {
    emu = await startEmulator({ token: TOKEN, callbackQueryTtlMs: 300, clock: clock.now });
    api = apiFor(emu);
  });
  after(() => emu.close());

  it("delivers commands to a polling grammY bot", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
    bot.command("start", (ctx) => ctx.reply(`Hi ${ctx.match}`));
    bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: `got ${ctx.callbackQuery.data}` }));
    bot.catch(() => undefined);
    const running = bot.start();
    try {
      await emu.waitForPolling(5000);
      assert.equal(emu.isPolling(), true);
      const alice = emu.user({ firstName: "Alice", username: "alice_x", languageCode: "de" });
      const sent = alice.send("/start promo_1");
      assert.deepEqual(sent.entities, [{ type: "bot_command", offset: 0, length: 6 }]);
      assert.deepEqual(sent.from, { id: alice.id, is_bot: false, first_name: "Alice", username: "alice_x", language_code: "de" });
      const reply = await alice.waitForText("Hi promo_1");
      assert.equal(reply.from?.id, 7000000001);
      assert.ok(reply.message_id > sent.message_id, "one message id sequence per private chat");

      alice.send("/start@test_ticket_bot again");
      await alice.waitForText("Hi again");

      await api.sendMessage(alice.id, "Choose", {
        reply_markup: { inline_keyboard: [[{ text: "Yes", callback_data: "yes" }, { text: "No", callback_data: "no" }]] },
      });
      const qid = alice.press("Yes");
      const answer = await alice.waitForCallbackAnswer(qid);
      assert.equal(answer.text, "got yes");
      const qid2 = alice.press({ data: "no" });
      assert.equal((await alice.waitForCallbackAnswer(qid2)).text, "got no");
    } finally {
      await bot.stop();
      await running;
    }
    assert.equal(emu.pendingUpdateCount(), 0, "bot.stop() confirms handled updates");
  });

  it("confirms updates by offset and answers an older concurrent poll with 409", async () => {
    const u = emu.user();
    u.send("one");
    u.send("two");
    u.send("three");
    const first = await api.getUpdates({ limit: 2 });
    assert.equal(first.length, 2);
    assert.equal(first[0]!.message?.text, "one");
    assert.ok(first[1]!.update_id > first[0]!.update_id);
    const again = await api.getUpdates();
    assert.equal(again.length, 3, "unconfirmed updates are delivered again");
    const rest = await api.getUpdates({ offset: first[1]!.update_id + 1 });
    assert.deepEqual(rest.map((x) => x.message?.text), ["three"]);
    assert.equal(emu.pendingUpdateCount(), 1);
    await api.getUpdates({ offset: rest[0]!.update_id + 1, timeout: 0 });
    assert.equal(emu.pendingUpdateCount(), 0);

    const older = api.getUpdates({ timeout: 5 });
    await emu.waitForPolling(2000);
    const newer = api.getUpdates({ timeout: 0 });
    await rejectsWith(
      older,
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    assert.deepEqual(await newer, []);

    emu.simulateConflict(200);
    await rejectsWith(api.getUpdates({ timeout: 0 }), 409, /^Conflict: terminated by other getUpdates/);
    clock.advance(220);
    assert.deepEqual(await api.getUpdates({ timeout: 0 }), []);
  });

  it("delivers user edits as edited_message without rewriting the original update", async () => {
    const u = emu.user({ username: null, lastName: "Doe" });
    const sent = u.send("orig");
    u.setUsername("renamed");
    u.edit(sent.message_id, "changed /help");
    const updates = await api.getUpdates();
    const [msg, edit] = updates.slice(-2);
    assert.equal(msg!.message?.text, "orig");
    assert.equal(msg!.message?.from?.username, undefined);
    assert.equal(msg!.message?.chat.type, "private");
    assert.equal(edit!.edited_message?.text, "changed /help");
    assert.equal(edit!.edited_message?.from?.username, "renamed");
    assert.deepEqual(edit!.edited_message?.entities, [{ type: "bot_command", offset: 8, length: 5 }]);
    assert.ok(edit!.edited_message?.edit_date);
    await api.getUpdates({ offset: edit!.update_id + 1 });
  });

  it("long-polls until an update arrives", async () => {
    const u = emu.user();
    const poll = api.getUpdates({ timeout: 5 });
    await emu.waitForPolling(2000);
    const t0 = Date.now();
    u.send("wake up");
    const updates = await poll;
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(updates[0]?.message?.text, "wake up");
    await api.getUpdates({ offset: updates[0]!.update_id + 1 });
  });

  it("answers callback queries once, within the TTL; pressRaw forges data", async () => {
    const u = emu.user();
    u.send("/start");
    const menu = await api.sendMessage(u.id, "Menu", {
      reply_markup: { inline_keyboard: [[{ text: "Go", callback_data: "go:1" }]] },
    });
    const qid = u.press("Go");
    let updates: Update[] = await api.getUpdates();
    const cq = updates.at(-1)!.callback_query!;
    assert.equal(cq.id, qid);
    assert.equal(cq.data, "go:1");
    assert.equal(cq.from.id, u.id);
    assert.equal(cq.message?.message_id, menu.message_id);
    assert.equal(cq.message && "text" in cq.message ? cq.message.text : undefined, "Menu");
    assert.ok(cq.chat_instance.length > 0);
    assert.equal(await api.answerCallbackQuery(qid, { text: "Done", show_alert: true }), true);
    assert.deepEqual(u.callbackAnswers.at(-1), { callbackQueryId: qid, text: "Done", showAlert: true });
    const tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    await rejectsWith(api.answerCallbackQuery(qid), 400, tooOld);
    await rejectsWith(api.answerCallbackQuery("12345"), 400, tooOld);

    const late = u.press("Go");
    clock.advance(350);
    await rejectsWith(api.answerCallbackQuery(late), 400, tooOld);

    u.pressRaw("evil:data", 424242);
    updates = await api.getUpdates({ offset: updates.at(-1)!.update_id + 1 });
    const forged = updates.at(-1)!.callback_query!;
    assert.equal(forged.data, "evil:data");
    assert.deepEqual(forged.message, { chat: forged.message!.chat, message_id: 424242, date: 0 });
    assert.throws(() => u.press("Nope"), /No callback button "Nope"/);
    await api.getUpdates({ offset: updates.at(-1)!.update_id + 1 });
  });

  it("edits, not-modified and deletion", async () => {
    const u = emu.user();
    u.send("/start");
    const kb = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const m = await api.sendMessage(u.id, "v1", { reply_markup: kb });
    await rejectsWith(api.editMessageText(u.id, 9999, "x"), 400, "Bad Request: message to edit not found");
    await rejectsWith(
      api.editMessageText(u.id, m.message_id, "v1", { reply_markup: kb }),
      400,
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // `since` skips older messages but still sees edits made after waitFor was called.
    const waiting = u.waitFor((x) => x.text === "v2", { since: u.messages.length, timeoutMs: 2000 });
    const edited = await api.editMessageText(u.id, m.message_id, "<b>v2</b>", { parse_mode: "HTML" });
    assert.equal((await waiting).message_id, m.message_id);
    assert.ok(edited !== true && edited.edit_date !== undefined);
    const seen = u.messages.find((x) => x.message_id === m.message_id)!;
    assert.equal(seen.message_id, m.message_id);
    assert.equal(seen.text, "v2");
    assert.equal(seen.edited, true);
    assert.equal(seen.reply_markup, undefined, "editMessageText without reply_markup drops the keyboard");
    await api.deleteMessage(u.id, m.message_id);
    assert.equal(seen.deleted, true);
    await rejectsWith(api.deleteMessage(u.id, m.message_id), 400, "Bad Request: message to delete not found");
    await assert.rejects(u.waitForText("v2", { timeoutMs: 30 }), /Recent bot messages:\n.*"v2"/s);
  });

  it("stores commands per scope and language", async () => {
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    await api.setMyCommands([{ command: "admin", description: "Admin" }], {
      scope: { type: "chat", chat_id: 42 },
      language_code: "ru",
    });
    assert.deepEqual(emu.commands(), [{ command: "start", description: "Start" }]);
    assert.deepEqual(emu.commands({ type: "chat", chat_id: 42 }, "ru"), [{ command: "admin", description: "Admin" }]);
    assert.deepEqual(emu.commands({ type: "chat", chat_id: 42 }), []);
    assert.deepEqual(await api.getMyCommands(), [{ command: "start", description: "Start" }]);
    await rejectsWith(api.setMyCommands([{ command: "Bad-Name", description: "x" }]), 400, "Bad Request: BOT_COMMAND_INVALID");
  });

  it("emits channel posts and group messages with command entities", async () => {
    const u = emu.user();
    emu.sendChannelPost("news");
    emu.sendGroupMessage(u, "/report@test_ticket_bot now", "supergroup");
    const updates = await api.getUpdates();
    const post = updates.at(-2)!.channel_post!;
    assert.equal(post.chat.type, "channel");
    assert.ok(post.chat.id < 0);
    const g = updates.at(-1)!.message!;
    assert.equal(g.chat.type, "supergroup");
    assert.deepEqual(g.entities, [{ type: "bot_command", offset: 0, length: 23 }]);
    await api.sendMessage(g.chat.id, "ack");
    assert.equal(emu.chatMessages(g.chat.id).at(-1)?.text, "ack");
    await api.getUpdates({ offset: updates.at(-1)!.update_id + 1 });
  });
});

describe("emulator: files", () => {
  it("round-trips JSON and streamed multipart uploads byte-identically", async () => {
    await withEmulator({}, async (emu, api) => {
      const u = emu.user();
      u.send("/start");
      const pdf = makePdf("ticket A");
      const name = "Билет №1 (final) v2.pdf";
      const sent = await api.sendDocument(u.id, new InputFile(pdf, name), { caption: "<b>Your</b> ticket", parse_mode: "HTML" });
      assert.equal(sent.document.file_name, name);
      assert.equal(sent.document.mime_type, "application/pdf");
      assert.equal(sent.document.file_size, pdf.length);
      assert.equal(sent.caption, "Your ticket");
      const seen = (await u.waitFor((m) => m.document !== undefined)).document!;
      assert.deepEqual(u.download(u.documents().at(-1)!), pdf);

      const dir = await mkdtemp(path.join(tmpdir(), "emu-test-"));
      try {
        const onDisk = makePdf("ticket B");
        const p = path.join(dir, "from disk.pdf");
        await writeFile(p, onDisk);
        const fromPath = await api.sendDocument(u.id, new InputFile(p));
        assert.equal(fromPath.document.file_name, "from disk.pdf");
        const file = await api.getFile(fromPath.document.file_id);
        assert.ok(file.file_path && !path.isAbsolute(file.file_path));
        const res = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
        assert.equal(res.status, 200);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), onDisk);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      // Re-sending by file_id (JSON body) keeps the content identity.
      const again = await api.sendDocument(u.id, seen.file_id);
      assert.equal(again.document.file_unique_id, seen.file_unique_id);
      await rejectsWith(api.sendDocument(u.id, "no-such-file"), 400, "Bad Request: wrong file identifier/HTTP URL specified");
      await rejectsWith(api.getFile("no-such-file"), 400, "Bad Request: wrong file identifier/HTTP URL specified");

      const docs = emu.sentDocuments();
      assert.equal(docs.length, 3);
      assert.equal(docs[0]!.fileName, name);
      assert.equal(docs[0]!.sha256, (await import("node:crypto")).createHash("sha256").update(pdf).digest("hex"));
      assert.deepEqual(emu.fileContent(seen.file_id), pdf);

      const upload = emu.calls.find((c) => c.method === "sendDocument")!;
      assert.deepEqual(upload.params.document, { fileName: name, size: pdf.length });
      assert.equal(upload.chatId, u.id);

      const photo = await api.sendPhoto(u.id, new InputFile(Buffer.from("fake-jpeg-bytes")));
      assert.ok(photo.photo.length >= 2);
      assert.deepEqual(u.download(u.lastMessage()!), Buffer.from("fake-jpeg-bytes"));
    });
  });

  it("receives user uploads and copies them to another user", async () => {
    await withEmulator({}, async (emu, api) => {
      const a = emu.user();
      const b = emu.user();
      b.send("/start");
      const zip = makeZip([{ name: "a.pdf", data: makePdf("a") }]);
      const incoming = a.sendDocument(zip, "tickets.zip", { caption: "/upload batch" });
      assert.equal(incoming.document?.mime_type, "application/zip");
      assert.deepEqual(incoming.caption_entities, [{ type: "bot_command", offset: 0, length: 7 }]);
      const file = await api.getFile(incoming.document!.file_id);
      const res = await fetch(`${emu.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
      assert.deepEqual(Buffer.from(await res.arrayBuffer()), zip);

      const copy = await api.copyMessage(b.id, a.id, incoming.message_id, {
        caption: "<i>forwarded</i>",
        parse_mode: "HTML",
        protect_content: true,
      });
      assert.deepEqual(Object.keys(copy), ["message_id"]);
      const got = b.lastMessage()!;
      assert.equal(got.message_id, copy.message_id);
      assert.equal(got.document?.file_unique_id, incoming.document!.file_unique_id);
      assert.equal(got.caption, "forwarded");
      assert.equal(got.has_protected_content, true);
      assert.equal(emu.sentDocuments().at(-1)?.protectContent, true);
      await rejectsWith(api.copyMessage(b.id, a.id, 9999), 400, "Bad Request: message to copy not found");

      const album = await api.sendMediaGroup(b.id, [
        { type: "document", media: new InputFile(makePdf("g1"), "g1.pdf") },
        { type: "document", media: new InputFile(makePdf("g2"), "g2.pdf"), caption: "two" },
      ]);
      assert.equal(album.length, 2);
      const groupIds = album.map((m) => (m as Message).media_group_id);
      assert.ok(groupIds[0] && groupIds[0] === groupIds[1]);
      assert.deepEqual(b.documents().slice(-2).map((m) => m.document?.file_name), ["g1.pdf", "g2.pdf"]);
      assert.deepEqual(b.download(b.documents().at(-1)!), makePdf("g2"));
    });
  });

  it("enforces download and upload limits", async () => {
    await withEmulator({ maxDownloadBytes: 1000, maxUploadBytes: 5000 }, async (emu, api) => {
      const u = emu.user();
      u.send("/start");
      const big = await api.sendDocument(u.id, new InputFile(makePdfOfSize("big", 2000), "big.pdf"));
      await rejectsWith(api.getFile(big.document.file_id), 400, "Bad Request: file is too big");
      await rejectsWith(
        api.sendDocument(u.id, new InputFile(makePdfOfSize("huge", 6000), "huge.pdf")),
        413,
        "Request Entity Too Large",
      );
    });
  });

  it("returns absolute paths of real files in localMode", async () => {
    let filePath = "";
    await withEmulator({ localMode: true, maxDownloadBytes: 10 }, async (emu, api) => {
      const u = emu.user();
      u.send("/start");
      const pdf = makePdf("local");
      const m = await api.sendDocument(u.id, new InputFile(pdf, "local.pdf"));
      const file = await api.getFile(m.document.file_id);
      filePath = file.file_path!;
      assert.ok(path.isAbsolute(filePath));
      assert.deepEqual(await readFile(filePath), pdf);
    });
    assert.equal(existsSync(filePath), false, "temp dir removed on close");
  });
});

describe("emulator: flood limits", () => {
  it("limits per chat and globally with token buckets", async () => {
    const clock = steppedClock();
    await withEmulator({ flood: { perChatPerSecond: 1, globalPerSecond: 5 }, clock: clock.now }, async (emu, api) => {
      const users = Array.from({ length: 12 }, () => emu.user());
      for (const u of users) u.send("/start");
      let limited = 0;

      // Per chat: capacity 1.
      await api.sendMessage(users[0]!.id, "1");
      const err = await rejectsWith(api.sendMessage(users[0]!.id, "2"), 429, "Too Many Requests: retry after 1");
      assert.equal(err.parameters.retry_after, 1);
      limited++;

      // Globally: capacity 5 (one already used), refilling 5/s.
      const t0 = Date.now();
      const results = await Promise.allSettled(users.slice(1, 11).map((u) => api.sendMessage(u.id, "burst")));
      const elapsed = (Date.now() - t0) / 1000;
      const ok = results.filter((r) => r.status === "fulfilled").length;
      for (const r of results) {
        if (r.status === "rejected") {
          assert.ok(r.reason instanceof GrammyError && /^Too Many Requests: retry after \d+$/.test(r.reason.description));
          limited++;
        }
      }
      assert.ok(ok >= 4 && ok <= 4 + Math.ceil(elapsed * 5), `${ok} sends passed in ${elapsed}s`);
      assert.ok(ok < 10, "the global bucket refused part of the burst");

      // Paid broadcasts use their own (much larger) budget instead of the global one.
      await api.sendMessage(users[11]!.id, "paid", { allow_paid_broadcast: true });

      // Envelope + header of a 429, via raw HTTP.
      const r = await raw(emu, "sendMessage", { chat_id: users[11]!.id, text: "again" });
      assert.equal(r.status, 429);
      assert.equal(r.headers.get("retry-after"), "1");
      assert.deepEqual(r.json.parameters, { retry_after: 1 });
      limited++;
      assert.equal(emu.stats().tooManyRequests, limited);

      clock.advance(1050);
      await api.sendMessage(users[0]!.id, "after refill");
    });
  });
});

describe("emulator: faults and latency", () => {
  it("injects 429, 5xx, error, drop, dropAfter and hang", async () => {
    const clock = steppedClock();
    await withEmulator({ clock: clock.now }, async (emu, api) => {
      const u = emu.user();
      u.send("/start");

      emu.faults.add({ kind: "429", method: "sendMessage", retryAfter: 7, times: 1 });
      const e429 = await rejectsWith(api.sendMessage(u.id, "a"), 429, "Too Many Requests: retry after 7");
      assert.equal(e429.parameters.retry_after, 7);
      await api.sendMessage(u.id, "after 429");

      emu.faults.add({ kind: "5xx", method: /^send/, times: 1 });
      await rejectsWith(api.sendMessage(u.id, "b"), 502, "Bad Gateway");

      emu.faults.add({ kind: "error", chatId: 1, times: 1, status: 400, description: "Bad Request: custom" });
      await api.sendMessage(u.id, "other chat is not affected");
      emu.faults.add({ kind: "error", chatId: u.id, times: 1, status: 403, description: "Forbidden: custom" });
      await rejectsWith(api.sendMessage(u.id, "c"), 403, "Forbidden: custom");

      const before = u.messages.length;
      emu.faults.add({ kind: "drop", method: "SENDMESSAGE", times: 1 });
      await assert.rejects(api.sendMessage(u.id, "dropped"), HttpError);
      assert.equal(u.messages.length, before, "drop: nothing happened");

      emu.faults.add({ kind: "dropAfter", method: "sendMessage", times: 1 });
      await assert.rejects(api.sendMessage(u.id, "delivered anyway"), HttpError);
      assert.equal(u.lastMessage()?.text, "delivered anyway", "dropAfter: message delivered, response lost");

      emu.faults.add({ kind: "hang", method: "sendMessage", times: 1 });
      const ac = new AbortController();
      const hung = api.sendMessage(u.id, "hung", undefined, ac.signal as Parameters<Api["sendMessage"]>[3]);
      await waitUntil(() => emu.calls.some((c) => c.fault === "hang"), "the request to hang");
      ac.abort();
      await assert.rejects(hung);
      assert.notEqual(u.lastMessage()?.text, "hung");

      // Blanket rules leave getUpdates alone; durationMs expires rules.
      emu.faults.add({ kind: "5xx", durationMs: 100 });
      assert.deepEqual(await api.getUpdates({ offset: -1, timeout: 0 }).then((x) => x.length), 1);
      clock.advance(120);
      await api.sendMessage(u.id, "rule expired");

      const faulted = emu.calls.filter((c) => c.fault);
      assert.deepEqual(
        faulted.map((c) => c.fault),
        ["429", "5xx", "error", "drop", "dropAfter", "hang"],
      );
    });
  });

  it("applies seeded probabilistic faults deterministically", async () => {
    const run = async () => {
      let failures = 0;
      await withEmulator({ seed: 42 }, async (emu, api) => {
        const u = emu.user();
        u.send("/start");
        emu.faults.add({ kind: "5xx", status: 503, probability: 0.5 });
        for (let i = 0; i < 20; i++) {
          await api.sendMessage(u.id, `m${i}`).catch((e: unknown) => {
            assert.ok(e instanceof GrammyError && e.description === "Service Unavailable");
            failures++;
          });
        }
      });
      return failures;
    };
    const a = await run();
    assert.ok(a > 0 && a < 20);
    assert.equal(await run(), a);
  });

  it("adds latency to method calls", async () => {
    await withEmulator({ latency: { baseMs: 60, jitterMs: 10 } }, async (_emu, api) => {
      const t0 = Date.now();
      await api.getMe();
      assert.ok(Date.now() - t0 >= 45);
    });
  });
});

describe("test fixtures", () => {
  it("makes valid, label-dependent PDFs of exact sizes", () => {
    const a = makePdf("A");
    const b = makePdf("B");
    assert.equal(a.subarray(0, 8).toString("latin1"), "%PDF-1.4");
    assert.notDeepEqual(a, b);
    assert.match(a.toString("latin1"), /%%EOF\n$/);
    const sized = makePdfOfSize("sized", 50_000);
    assert.equal(sized.length, 50_000);
    assert.equal(sized.subarray(0, 8).toString("latin1"), "%PDF-1.4");
    // xref offsets point at the objects
    const text = sized.toString("latin1");
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    assert.equal(text.slice(startxref, startxref + 4), "xref");
  });

  it("makes zips with raw hostile entry names", () => {
    const names = ["ok.pdf", "../evil.pdf", "/abs.pdf", "C:\\x.pdf", "dir/inner.pdf"];
    const buf = makeZip(names.map((name, i) => ({ name, data: makePdf(name), compress: i % 2 === 0 })));
    const entries = new AdmZip(buf, { noSort: true }).getEntries();
    assert.deepEqual(entries.map((e) => e.entryName), names);
    assert.deepEqual(entries.map((e) => e.header.method), [8, 0, 8, 0, 8]);
    assert.deepEqual(entries[1]!.getData(), makePdf("../evil.pdf"));
  });
});
