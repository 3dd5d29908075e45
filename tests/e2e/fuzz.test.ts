import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { CALLBACK_PREFIXES, COMMANDS } from "../../src/bot/commands.js";
import type { ApiCall, BotMessage, Message, SimUser } from "../support/emulator/index.js";
import { deriveRng, type Rng } from "../support/emulator/rng.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { useScenario } from "../support/harness.js";
import { ticketPdfs, uploadZip } from "../support/waves.js";

/**
 * Hostile text and files (SPEC §10): a seeded stream of random and
 * adversarial updates from founders, admins, participants, strangers, groups
 * and channels against ONE bot process. Properties: the process never dies,
 * every Bot API call it makes is valid (the emulator answers 400 to invalid
 * ones), nothing is logged as an unhandled error, each private message gets
 * at most a few replies, and the database stays intact.
 *
 * Reproduce a failure with FUZZ_SEED=<seed> (printed in the failure); set
 * FUZZ_ACTIONS to change the number of actions per actor.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const ACTIONS_PER_ACTOR = Number(process.env.FUZZ_ACTIONS ?? 400);
const GROUP_ACTIONS = 60;
/** Replies a single private message may get (plus what a running delivery may add meanwhile). */
const MAX_REPLIES = 4;
const BOT = "test_ticket_bot";

// ------------------------------------------------------------- generators

class Gen {
  constructor(readonly rng: Rng) {}
  int(max: number): number {
    return Math.floor(this.rng() * max);
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** A string of `length` UTF-16 units drawn from the alphabet (surrogate pairs never split). */
  fill(alphabet: readonly string[], length: number): string {
    let out = "";
    while (out.length < length) {
      const piece = this.pick(alphabet);
      if (out.length + piece.length > length) break;
      out += piece;
    }
    return out;
  }
}

const NUMBERS = [
  "0", "-1", "-0", "1", "5", "10000", "10001", "100000", "99999999999999999999999", "9007199254740993",
  "1e3", "1e309", "NaN", "Infinity", "-Infinity", "0x10", "0b11", "3.5", "1_000", "1,000", "+7",
  "١٢٣", "٣", "५", "１２３", "𝟙𝟚𝟛", "²", "Ⅻ", " 5 ", "5 7 9", "5 0", "5 366", "0001",
];
const WORDS = [
  "<b>bold</b>", "<i>", "</a>", "<a href=\"tg://user?id=1\">x</a>", "&", "&amp;", "&lt;b&gt;", "<", ">", "<<>>",
  "'; DROP TABLE users; --", "\" OR 1=1 --", "1; DELETE FROM tickets", "%s%n%x", "${jndi:ldap://x/a}", "{{7*7}}",
  "\u202Egnp.exe", "\u200B", "\u200B\u200C\u200D\uFEFF", "\u200F\u200E", "\u2066x\u2069", "مرحبا", "שלום", "Привет",
  "👨‍👩‍👧‍👦", "🏳️‍🌈", "Z̷̢̛̛a̸l̶g̵o̴", "\t", "\n", "\\", "/", "//", "/start", "@", "#tag", "$cashtag", "http://x.y/?a=<b>",
  "mail@example.com", "+1 555 0100", "`code`", "```pre```", "*bold*", "_it_", "||spoiler||", "null", "undefined", "true",
  "[object Object]", "__proto__", "constructor", "../../etc/passwd", "C:\\Windows", "\u0000", "\u0007", "\u001b[31m",
];
const USERNAMES = [
  "@", "@@", "@a", "@ab", "@abcd", "@founder", "@FOUNDER", "@adam_admin", "@paula_p", "@user-name", "@юзер",
  "@admin'--", "@_under", "@123abc", "@a b", "@<b>x</b>", `@${"x".repeat(40)}`, "@user%00", "@𝓊𝓈𝑒𝓇", "@\u200Bpaula_p",
];
/** /myid is the barrier that tells one action's replies from the next; it is not fuzzed itself. */
const FUZZED_COMMANDS = COMMANDS.filter((c) => c.name !== "myid");
const CALLBACK_ACTIONS = ["accept", "decline", "check", "delete", "keep", "renew", "end", "stop", "send", "admins", "cancel", "x", ""];

function hostileText(g: Gen): string {
  switch (g.int(6)) {
    case 0:
      return g.pick(WORDS);
    case 1:
      return g.fill([...WORDS, " ", ...NUMBERS], 1 + g.int(200));
    case 2:
      return g.fill(["a", "я", "😀", "\u200B", " ", "<", "&", "\u202E", "̷"], 4096 - g.int(4));
    case 3:
      return g.pick(USERNAMES);
    case 4:
      return g.pick(NUMBERS);
    default:
      return g.fill(WORDS, 3000 + g.int(1000));
  }
}

function hostileArgs(g: Gen): string {
  switch (g.int(5)) {
    case 0:
      return g.pick(NUMBERS);
    case 1:
      return g.pick(USERNAMES);
    case 2:
      return `${g.pick(NUMBERS)} ${g.pick(NUMBERS)}`;
    case 3:
      return g.pick(WORDS);
    default:
      return hostileText(g);
  }
}

/** At most 4096 UTF-16 units, without a lone surrogate at the cut. */
function clip(text: string, max = 4096): string {
  if (text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut);
}

function randomBytes(g: Gen, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => g.int(256)));
}

/** Pieces of file names in many scripts, emoji with joiners and bidi marks among them. */
const NAME_PIECES = ["Анна", "Иванова", "门票", "李", "مرحبا", "שלום", "👩‍💻", "🎟️", "🏳️‍🌈", "é", "e\u0301", "\u200F", " ", "-", "_", "№", "ß", "Ω", "ё"];

/** A long folder/name path of 30–250 characters in mixed scripts. */
function longName(g: Gen, extension = ".pdf"): string {
  const folders = Array.from({ length: g.int(4) }, () => g.fill(NAME_PIECES, 10 + g.int(60)));
  return [...folders, `${g.fill(NAME_PIECES, 20 + g.int(120))}${extension}`].join("/");
}

let pdfCounter = 0;
const uniquePdf = (seed: number) => makePdf(`fuzz-${seed}-${pdfCounter++}`);

function hostileDocument(g: Gen, seed: number): { data: Buffer; name: string; mimeType?: string } {
  const pdf = uniquePdf(seed);
  const names = ["tickets.zip", "x.pdf", "evil.exe", "../../etc/passwd.zip", "ñandú.zip", "<b>.zip", "a".repeat(200) + ".zip", ".zip", "no-extension"];
  const mime = g.pick([undefined, "application/zip", "application/pdf", "application/octet-stream", "text/html"]);
  const name = g.pick(names);
  switch (g.int(11)) {
    case 8: {
      // Oversized lists: dozens of entries with long multi-script names, most of them refused.
      const entries = Array.from({ length: 30 + g.int(50) }, (_, i) => ({ name: `${i}-${longName(g, g.pick([".pdf", ".txt", ""]))}`, data: g.chance(0.2) ? uniquePdf(seed) : randomBytes(g, 20) }));
      return { data: makeZip(entries), name: "tickets.zip", mimeType: "application/zip" };
    }
    case 9: {
      // A manifest with many rows naming files and people that do not exist.
      const rows = Array.from({ length: 20 + g.int(60) }, () => `${longName(g)};${g.pick(USERNAMES)}`);
      return { data: makeZip([{ name: longName(g), data: uniquePdf(seed) }, { name: "manifest.csv", data: `file;person\n${rows.join("\n")}\n` }]), name: "tickets.zip", mimeType: "application/zip" };
    }
    case 10:
      // Valid PDFs with long multi-script names: imported when an admin sends them into an open wave.
      return { data: makeZip(Array.from({ length: 2 }, () => ({ name: longName(g), data: uniquePdf(seed) }))), name: `${longName(g, "")}.zip`, mimeType: "application/zip" };
    case 0:
      return { data: randomBytes(g, 1 + g.int(3000)), name, mimeType: mime };
    case 1:
      return { data: makeZip([{ name: "inner.zip", data: makeZip([{ name: "a.pdf", data: pdf }]) }]), name, mimeType: "application/zip" };
    case 2:
      return { data: makeZip([{ name: g.pick(["../evil.pdf", "/abs.pdf", "C:\\x.pdf", "a/../../b.pdf", "\u202Efdp.exe"]), data: pdf }]), name: "tickets.zip" };
    case 3:
      return { data: makeZip([{ name: "empty.pdf", data: Buffer.alloc(0) }, { name: "note.txt", data: "<b>not a pdf</b>" }]), name: "tickets.zip" };
    case 4: {
      const zip = makeZip([{ name: "a.pdf", data: pdf }]);
      return { data: zip.subarray(0, Math.max(4, g.int(zip.length))), name: "truncated.zip", mimeType: "application/zip" };
    }
    case 5:
      return { data: Buffer.from("PK\u0003\u0004 definitely not a zip", "latin1"), name: "fake.zip", mimeType: "application/zip" };
    case 6:
      return { data: pdf, name: "ticket.pdf", mimeType: "application/pdf" };
    default:
      // A valid ZIP: imported when an admin captions it and a wave is open.
      return { data: makeZip([{ name: "t1.pdf", data: pdf }, { name: "t2.pdf", data: uniquePdf(seed) }]), name: "tickets.zip", mimeType: "application/zip" };
  }
}

// --------------------------------------------------------------- the test

interface Violation {
  actor: string;
  action: string;
  problem: string;
}

describe(`hostile text and files (SPEC §10), seed ${SEED}`, () => {
  // Callback queries stay answerable for the whole run: a slow answer is not what this test is about.
  // The 30 messages/s pacing towards Telegram is tested elsewhere; here it would only slow the run down.
  const sc = useScenario({ emulator: { callbackQueryTtlMs: 600_000 }, env: { TELEGRAM_GLOBAL_RATE: "1000" } });
  const actors: Array<{ name: string; user: SimUser }> = [];
  let blocked: SimUser;
  const violations: Violation[] = [];
  const addressedGroups: number[] = [];
  let actionCount = 0;

  before(async () => {
    const admin = sc.user({ username: "adam_admin", firstName: "Adam" });
    const participants = [
      sc.user({ username: "paula_p", firstName: "Paula", lastName: "<b>P</b> & 'co'" }),
      sc.user({ username: "pyotr_p", firstName: "Пётр", languageCode: "ru" }),
      sc.user({ username: "ruth_rtl", firstName: "\u202Eטור\u202C", lastName: "\u200B" }),
      // The longest a Telegram profile allows: 32-character username, 64-character names in mixed scripts.
      sc.user({ username: `l${"o".repeat(30)}n`, firstName: `Ёлка${"👩‍💻门".repeat(20)}`.slice(0, 64), lastName: `${"Длиннофамильная".repeat(5)}`.slice(0, 64) }),
    ];
    blocked = sc.user({ username: "blocked_bob", firstName: "Bob" });
    const strangers = [sc.user({ username: null, firstName: "Nameless" }), sc.user({ username: "eve_stranger", firstName: "<i>Eve</i>", languageCode: "fa" })];
    await sc.register([...participants, blocked]);
    await sc.ask(admin, "/help");
    await sc.ask(sc.founder, `/add_admin ${admin.id}`);
    // A wave with tickets, so that /send_tickets, /end_wave and their buttons do real work.
    await sc.ask(sc.founder, "/new_wave Fuzz");
    await uploadZip(sc, sc.founder, makeZip(ticketPdfs(6, `fuzz${SEED}`)));
    await sc.ask(sc.founder, "/confirm_wave");
    blocked.block();
    actors.push({ name: "founder", user: sc.founder }, { name: "admin", user: admin });
    participants.forEach((user, i) => actors.push({ name: `participant${i + 1}`, user }));
    strangers.forEach((user, i) => actors.push({ name: `stranger${i + 1}`, user }));
  });

  /** The bot's answer to a /myid sent now: everything before it in this chat has been handled. */
  async function barrier(user: SimUser): Promise<number> {
    const myid = new RegExp(`^(Your|Ваш) Telegram id: ${user.id}$`);
    const since = user.messages.length;
    user.send("/myid");
    const answer = await user.waitFor((m) => myid.test(m.text ?? ""), { since, timeoutMs: 30_000 });
    return answer.index;
  }

  /** One random action; returns a short description, or undefined when Telegram would not let a person do it. */
  function act(g: Gen, user: SimUser, mine: number[]): string | undefined {
    const own = user.messages;
    const kind = g.int(100);
    try {
      if (kind < 22) {
        const text = clip(hostileText(g));
        mine.push(user.send(text).message_id);
        return `text ${JSON.stringify(text.slice(0, 60))}…(${text.length})`;
      }
      if (kind < 30) {
        const name = g.fill("abcdefghijklmnopqrstuvwxyz0123456789_".split(""), 1 + g.int(32));
        if (name === "myid") return undefined;
        const text = `/${name}${g.chance(0.3) ? `@${g.pick([BOT, "other_bot", "x"])}` : ""}${g.chance(0.5) ? ` ${hostileArgs(g)}` : ""}`;
        mine.push(user.send(clip(text)).message_id);
        return `unknown command ${JSON.stringify(text.slice(0, 60))}`;
      }
      if (kind < 60) {
        const spec = g.pick(FUZZED_COMMANDS);
        const mention = g.chance(0.15) ? `@${g.chance(0.8) ? BOT : "someone_else_bot"}` : "";
        const separator = g.pick([" ", "  ", "\n", " \u200B"]);
        const text = clip(`/${spec.name}${mention}${g.chance(0.85) ? separator + hostileArgs(g) : ""}`);
        mine.push(user.send(text).message_id);
        return `command ${JSON.stringify(text.slice(0, 80))}…(${text.length})`;
      }
      if (kind < 70) {
        const doc = hostileDocument(g, SEED);
        const caption = g.pick([undefined, "/upload_zip", "/upload_zip_add", `/upload_zip@${BOT}`, "/broadcast", "/export_users", clip(hostileText(g), 1024)]);
        mine.push(user.sendDocument(doc.data, doc.name, { ...(caption ? { caption } : {}), ...(doc.mimeType ? { mimeType: doc.mimeType } : {}) }).message_id);
        return `document ${JSON.stringify(doc.name.slice(0, 40))} (${doc.data.length} B) caption ${JSON.stringify(caption?.slice(0, 40))}`;
      }
      if (kind < 75) {
        const which = g.int(3);
        if (which === 0) user.sendSticker({ emoji: g.pick(["👍", "🔥", "\u200B"]) });
        else if (which === 1) user.sendPhoto(randomBytes(g, 200), { caption: clip(g.pick(["/broadcast hi", "/upload_zip", hostileText(g)]), 1024) });
        else user.sendVoice(randomBytes(g, 100));
        return ["sticker", "photo", "voice"][which];
      }
      if (kind < 80) {
        // Edit one of the person's own recent messages (commands included).
        if (mine.length === 0) return undefined;
        const candidate = mine[Math.max(0, mine.length - 1 - g.int(6))]!;
        const text = clip(g.chance(0.5) ? `/${g.pick(COMMANDS).name} ${hostileArgs(g)}` : hostileText(g));
        user.edit(candidate, text);
        return `edit #${candidate} to ${JSON.stringify(text.slice(0, 60))}`;
      }
      if (kind < 90) {
        const prefix = g.pick([...Object.keys(CALLBACK_PREFIXES), "zzz", "", "menu:wave", "menu:people"]);
        const sep = g.pick([":", "/", ""]);
        const data = Buffer.from(`${prefix}${sep}${g.pick(CALLBACK_ACTIONS)}:${g.pick(NUMBERS)}:${g.pick(["", "x", g.pick(WORDS)])}`).subarray(0, 64).toString("utf8").replace(/\uFFFD+$/, "");
        if (data === "") return undefined;
        // Telegram only sends callbacks for the bot's own messages, accessible or not (deleted, too old, never seen).
        const target = g.chance(0.6) && own.length > 0 ? g.pick(own).message_id : g.pick([999_999, 2 ** 31 - 1]);
        user.pressRaw(data, target);
        return `forged button ${JSON.stringify(data)} on #${target}`;
      }
      // A real button on one of the bot's messages in this chat, possibly long outdated.
      const withButtons = own.filter((m) => m.reply_markup?.inline_keyboard.some((row) => row.some((b) => "callback_data" in b)));
      if (withButtons.length === 0) return undefined;
      const message = g.pick(withButtons);
      const buttons = message.reply_markup!.inline_keyboard.flat().filter((b): b is typeof b & { callback_data: string } => "callback_data" in b);
      const button = g.pick(buttons);
      user.pressRaw(button.callback_data, message.message_id);
      return `button "${button.text}" (${button.callback_data}) on #${message.message_id}`;
    } catch (error) {
      // The emulator refuses what a Telegram client could not send (e.g. a text that is empty after trimming).
      if (error instanceof Error && /cannot|no message|does not exist|Cannot/.test(error.message)) return undefined;
      throw error;
    }
  }

  /**
   * Messages an admin gets because of what someone else did, not in answer
   * to their own action: participants' questions relayed to the organisers
   * (the card with its relay buttons, the copy of a photo or file it replies
   * to, a long batch's .txt) and one-line /leave notices.
   */
  function causedByOthers(messages: readonly BotMessage[]): Set<number> {
    const ids = new Set<number>();
    for (const m of messages) {
      const relay = m.reply_markup?.inline_keyboard.flat().some((b) => "callback_data" in b && b.callback_data.startsWith("relay:")) ?? false;
      if (relay || /withdrew their consent|согласие отозвано/.test(m.text ?? "")) {
        ids.add(m.message_id);
        if (relay && m.reply_to_message) ids.add(m.reply_to_message.message_id);
      }
    }
    for (const m of messages) if (m.document && m.reply_to_message && ids.has(m.reply_to_message.message_id) && /^questions-/.test(m.document.file_name ?? "")) ids.add(m.message_id);
    return ids;
  }

  async function runActor(name: string, user: SimUser): Promise<void> {
    const g = new Gen(deriveRng(SEED, name));
    const mine: number[] = [];
    for (let i = 0; i < ACTIONS_PER_ACTOR; i++) {
      const since = user.messages.length;
      const t0 = Date.now();
      const action = act(g, user, mine);
      if (action === undefined) continue;
      actionCount++;
      let barrierIndex: number;
      try {
        barrierIndex = await barrier(user);
      } catch (error) {
        violations.push({ actor: name, action, problem: `no answer to the /myid after it: ${(error as Error).message.split("\n")[0]}` });
        return;
      }
      if (process.env.FUZZ_TRACE) process.stderr.write(`${Date.now() - t0} ms ${name}: ${action}\n`);
      const others = causedByOthers(user.messages);
      const replies = user.messages.filter((m) => m.index >= since && m.index < barrierIndex && !others.has(m.message_id));
      if (replies.length > MAX_REPLIES) {
        violations.push({ actor: name, action, problem: `${replies.length} replies: ${replies.map((m) => JSON.stringify((m.text ?? m.caption ?? "[file]").slice(0, 50))).join(", ")}` });
      }
      if (!sc.bot.running) {
        violations.push({ actor: name, action, problem: "the bot process died" });
        return;
      }
    }
  }

  /**
   * Groups and channels, one fresh chat per message. Resolves once the bot has
   * left every group where it was addressed with a command; the bot leaves
   * after saying it works in private chats only.
   */
  async function runOutsider(): Promise<void> {
    const g = new Gen(deriveRng(SEED, "outsider"));
    const member = sc.user({ username: "group_greg", firstName: "Greg" });
    const waiting = new Map<number, () => void>();
    const leaves: Array<Promise<void>> = [];
    const onCall = (call: ApiCall) => {
      if (call.method === "leaveChat" && call.ok && call.chatId !== undefined) waiting.get(call.chatId)?.();
    };
    sc.emu.on("call", onCall);
    for (let i = 0; i < GROUP_ACTIONS; i++) {
      const chatId = -4_000_000_100 - i;
      const channel = g.chance(0.25);
      const mention = g.pick(["", "", `@${BOT}`, `@${BOT.toUpperCase()}`, "@someone_else_bot"]);
      const text = clip(g.chance(0.6) ? `/${g.pick(COMMANDS).name}${mention} ${hostileArgs(g)}` : hostileText(g));
      let message;
      try {
        message = channel ? sc.emu.sendChannelPost(text, { chatId: -1_002_000_000_100 - i }) : sc.emu.sendGroupMessage(member, text, g.chance(0.5) ? "group" : "supergroup", { chatId });
      } catch {
        continue;
      }
      actionCount++;
      if (channel || !addressesThisBot(message)) continue;
      addressedGroups.push(chatId);
      leaves.push(new Promise<void>((resolve) => waiting.set(chatId, resolve)));
    }
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the bot did not leave every group it was addressed in")), 60_000).unref());
    try {
      await Promise.race([Promise.all(leaves), timeout]);
    } finally {
      sc.emu.off("call", onCall);
    }
  }

  it("survives a few thousand hostile updates with valid Bot API calls only", async () => {
    const start = Date.now();
    try {
      await Promise.all([...actors.map(({ name, user }) => runActor(name, user)), runOutsider()]);
      await Promise.all(actors.map(({ user }) => barrier(user).catch(() => undefined)));
      assert.deepEqual(violations, [], "per-message problems");
      assert.ok(sc.bot.running, "the bot process is running");
      assert.ok(actionCount >= actors.length * ACTIONS_PER_ACTOR * 0.8, `only ${actionCount} actions could be sent`);

      const bad = sc.emu.calls.filter((call) => call.status >= 400 && call.status < 500 && !expectedFailure(call));
      const unanswered = sc.emu.calls.filter((call) => call.status === 0 || call.status >= 500);
      const line = (c: ApiCall) => `${c.method} → ${c.status} ${c.description ?? ""} ${JSON.stringify(c.params).slice(0, 300)}`;
      // Each bad call with the earlier calls about the same message: what the bot had done to it before.
      const report = (calls: ApiCall[]) =>
        calls
          .slice(0, 10)
          .map((c) => {
            const history = sc.emu.calls.filter((h) => h !== c && h.at <= c.at && h.chatId === c.chatId && c.params.message_id !== undefined && h.params.message_id === c.params.message_id);
            return [line(c), ...history.slice(-5).map((h) => `    before: ${line(h)}`)].join("\n");
          })
          .join("\n");
      assert.equal(bad.length, 0, `invalid Bot API calls:\n${report(bad)}`);
      assert.equal(unanswered.length, 0, `calls without an answer:\n${report(unanswered)}`);

      // The groups: one private-only notice where addressed, nothing otherwise.
      assert.ok(addressedGroups.length > 0, "some group messages were commands");
      const groupSends = sc.emu.calls.filter((c) => c.method.startsWith("send") && c.chatId !== undefined && c.chatId < 0);
      for (const chatId of addressedGroups) {
        const notices = groupSends.filter((c) => c.chatId === chatId);
        assert.equal(notices.length, 1, `group ${chatId}: ${notices.length} messages`);
        assert.match(String(notices[0]!.params.text), /private chats only/);
      }
      assert.equal(groupSends.length, addressedGroups.length, "nothing said in groups where the bot was not addressed");
      assert.equal(sc.emu.calls.filter((c) => c.chatId !== undefined && c.chatId <= -1_002_000_000_000 && c.method.startsWith("send")).length, 0, "nothing is sent to channels");

      const logProblems = logLineProblems([...sc.bot.stdout, ...logFileLines(join(sc.dir, "logs"))]);
      assert.deepEqual(logProblems, [], "error lines in the logs");
      assert.equal(sc.bot.stderr.join(""), "", "nothing on stderr");

      await sc.bot.stop();
      const db = new Database(sc.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
      try {
        assert.deepEqual(db.pragma("integrity_check"), [{ integrity_check: "ok" }]);
        assert.deepEqual(db.pragma("foreign_key_check"), []);
      } finally {
        db.close();
      }
      const byMethod = Object.entries(sc.emu.stats().byMethod).map(([method, n]) => `${method} ${n}`).join(", ");
      process.stderr.write(`fuzz: seed ${SEED}, ${actionCount} actions, ${Math.round((Date.now() - start) / 1000)} s; API calls: ${byMethod}\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`FUZZ_SEED=${SEED} FUZZ_ACTIONS=${ACTIONS_PER_ACTOR} reproduces this run.\n${message}`, { cause: error });
    }
  });

  /** Failures provoked on purpose: the participant who blocked the bot. */
  function expectedFailure(call: ApiCall): boolean {
    if (call.status === 403 && call.description === "Forbidden: bot was blocked by the user") return call.chatId === blocked.id;
    return false;
  }
});

/** A command at the start of the message, for this bot or for no bot in particular (how Telegram clients address bots in groups). */
function addressesThisBot(message: Message): boolean {
  const command = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!command || message.text === undefined) return false;
  const target = message.text.slice(0, command.length).split("@")[1];
  return target === undefined || target.toLowerCase() === BOT;
}

function logFileLines(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => readFileSync(join(folder, name), "utf8").split("\n").filter(Boolean));
}

/** Lines at error level or above, and any mention of unhandled errors. */
function logLineProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    let parsed: { level?: number; msg?: string };
    try {
      parsed = JSON.parse(line) as { level?: number; msg?: string };
    } catch {
      problems.push(`not a JSON log line: ${line.slice(0, 200)}`);
      continue;
    }
    const level = parsed.level ?? 0;
    const msg = parsed.msg ?? "";
    if (level >= 50 || /unhandled|error while handling|uncaught/i.test(msg)) problems.push(line.slice(0, 600));
  }
  return [...new Set(problems)].slice(0, 20);
}
