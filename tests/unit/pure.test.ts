import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseUserRef } from "../../src/people/user-ref.js";
import { callbackPrefix, COMMANDS, commandsFor, findCommand, mayUse } from "../../src/bot/commands.js";
import { buttonFamily, idArg, tokenArg } from "../../src/telegram/buttons.js";
import { inviteLink, newInviteCode, parseInviteArgs } from "../../src/invites/codes.js";
import { localeFor } from "../../src/i18n.js";
import { scrubSecrets } from "../../src/logger.js";
import { describeIncoming, describeMessage } from "../../src/telegram/describe.js";
import { formatDuration, formatTime, wallClockAsUtc } from "../../src/time.js";

describe("invite codes", () => {
  it("are 22 URL-safe characters (128 bits) and all different", () => {
    const codes = new Set(Array.from({ length: 10_000 }, newInviteCode));
    assert.equal(codes.size, 10_000);
    for (const code of codes) assert.match(code, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(inviteLink("my_bot", "abc"), "https://t.me/my_bot?start=abc");
  });

  it("/gen_invites arguments: N in 1..10000 and optional days in 1..365", () => {
    assert.deepEqual(parseInviteArgs("5"), { ok: true, count: 5, days: null });
    assert.deepEqual(parseInviteArgs(" 10000  30 "), { ok: true, count: 10000, days: 30 });
    for (const bad of ["", "abc", "0", "100000", "10001", "-3", "5.5", "1e3", "5 0", "5 366", "5 x", "1 2 3", "٣"]) {
      assert.deepEqual(parseInviteArgs(bad), { ok: false }, bad);
    }
  });
});

describe("user references", () => {
  it("accept @username, username and numeric ids", () => {
    assert.deepEqual(parseUserRef("@Alice_01"), { kind: "username", username: "Alice_01" });
    assert.deepEqual(parseUserRef("alice_01 extra words"), { kind: "username", username: "alice_01" });
    assert.deepEqual(parseUserRef("123456789"), { kind: "id", id: 123456789 });
  });
  it("refuse everything else", () => {
    for (const bad of ["", "@", "@ab", "@1abc", "@al ice", "@al-ice", "12345678901234567890", "@\u202Eevil", "-5", "@имя"]) {
      assert.equal(parseUserRef(bad), undefined, bad);
    }
  });
});

describe("command registry", () => {
  it("has unique lowercase names Telegram accepts", () => {
    const names = COMMANDS.map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z0-9_]{1,32}$/);
  });
  it("gives each role the commands it may use", () => {
    assert.ok(findCommand("ADD_ADMIN"));
    assert.equal(mayUse("admin", "founder"), false);
    assert.equal(mayUse("founder", "admin"), true);
    assert.equal(mayUse("visitor", "participant"), false);
    const visitor = commandsFor("visitor").map((c) => c.name);
    assert.deepEqual(visitor, ["start", "help", "myid", "cancel"]);
    assert.ok(commandsFor("participant").some((c) => c.name === "ticket"));
    assert.ok(!commandsFor("admin").some((c) => c.name === "add_admin"));
    assert.ok(commandsFor("founder").some((c) => c.name === "add_admin"));
  });
  it("reads callback prefixes of own and menu payloads", () => {
    assert.equal(callbackPrefix("reg:accept"), "reg");
    assert.equal(callbackPrefix("menu/0/1:abc"), "menu");
    assert.equal(callbackPrefix(""), "");
  });
});

describe("callback data", () => {
  const family = buttonFamily("user", { delete: [idArg], keep: [idArg], accept: [tokenArg.optional()] });

  it("round-trips and validates ids", () => {
    const data = family.data("delete", 123);
    assert.equal(data, "user:delete:123");
    assert.deepEqual(family.parse(data), { action: "delete", args: [123] });
    for (const forged of ["user:delete:-1", "user:delete:1e99", "user:delete", "user:delete:1:2", "user:nuke:1", "other:delete:1", "user", ""]) {
      assert.equal(family.parse(forged), undefined, forged);
    }
    assert.deepEqual(family.parse("user:accept"), { action: "accept", args: [undefined] }, "an optional argument may be missing");
    assert.equal(family.parse("user:accept:bad token!"), undefined);
  });
  it("refuses payloads over Telegram's 64 bytes", () => {
    assert.throws(() => buttonFamily("x", { y: [tokenArg] }).data("y", "z".repeat(70)), RangeError);
  });
});

describe("locales", () => {
  it("maps Telegram language codes", () => {
    assert.equal(localeFor("en-GB", "ru"), "en");
    assert.equal(localeFor("ru", "en"), "ru");
    assert.equal(localeFor("de", "ru"), "ru");
    assert.equal(localeFor(undefined, "en"), "en");
  });
});

describe("secret scrubbing", () => {
  it("removes the token and anything token-shaped, inside URLs too", () => {
    const token = "700001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    const line = `request to http://127.0.0.1:9/bot${token}/getMe failed; other 123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123`;
    const clean = scrubSecrets(line, token);
    assert.ok(!clean.includes("AAHdqTcv"));
    assert.ok(!clean.includes("ABCDEFGHIJKLMNOP"));
    assert.match(clean, /bot\[REDACTED\]\/getMe/);
  });
});

describe("chat-log descriptions", () => {
  it("describe text, commands, media and buttons", () => {
    assert.deepEqual(describeMessage({ text: "hi" }), { kind: "text", content: "hi" });
    assert.deepEqual(describeMessage({ text: "/start x", entities: [{ type: "bot_command", offset: 0, length: 6 }] }), {
      kind: "command",
      content: "/start x",
    });
    assert.deepEqual(describeMessage({ document: { file_id: "a", file_unique_id: "b", file_name: "t.pdf" }, caption: "yours" }), {
      kind: "document",
      detail: "t.pdf",
      content: "yours",
    });
    const line = describeIncoming({
      update_id: 1,
      callback_query: {
        id: "q",
        chat_instance: "c",
        from: { id: 5, is_bot: false, first_name: "A" },
        data: "reg:accept",
        message: {
          message_id: 9,
          date: 0,
          chat: { id: 5, type: "private", first_name: "A" },
          text: "agree?",
          reply_markup: { inline_keyboard: [[{ text: "Accept", callback_data: "reg:accept" }]] },
        },
      },
    });
    assert.deepEqual(line, { userId: 5, kind: "button", detail: "Accept", messageId: 9, content: "" });
  });
});

describe("time", () => {
  it("formats times in the configured zone and durations in the reader's units", () => {
    assert.equal(formatTime(Date.UTC(2026, 10, 24, 21, 5), "Europe/Moscow"), "2026-11-25 00:05");
    const t = (key: string) => ({ "unit-h": "h", "unit-min": "min", "unit-s": "s" })[key] ?? key;
    assert.equal(formatDuration(12_400, t), "12.4 s");
    assert.equal(formatDuration(185_000, t), "3 min 05 s");
    assert.equal(formatDuration(3_720_000, t), "1 h 02 min");
  });

  it("reads a zone's wall clock for every instant, across summer-time changes and odd offsets (the cached offsets agree with Intl)", () => {
    const wallClock = (ms: number, timeZone: string): number => {
      const format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
      const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
      return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (ms % 1000);
    };
    // Around each zone's changes of 2026, every 7 min 13.25 s for two days (instants on both sides of each change and inside the changing quarter hour).
    const changes: Array<[string, number]> = [
      ["Europe/Berlin", Date.UTC(2026, 2, 29, 1)],
      ["Europe/Berlin", Date.UTC(2026, 9, 25, 1)],
      ["America/St_Johns", Date.UTC(2026, 2, 8, 5, 30)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
      ["Asia/Kathmandu", Date.UTC(2026, 5, 1)],
      ["Europe/Moscow", Date.UTC(2026, 10, 30)],
    ];
    for (const [zone, at] of changes) {
      for (let ms = at - 86_400_000; ms < at + 86_400_000; ms += 433_250) {
        assert.equal(wallClockAsUtc(ms, zone), wallClock(ms, zone), `${zone} at ${new Date(ms).toISOString()}`);
      }
    }
    // Exactly at Berlin's spring change: 01:59:59.999 is the last winter-time instant.
    assert.equal(new Date(wallClockAsUtc(Date.UTC(2026, 2, 29, 0, 59, 59, 999), "Europe/Berlin")).toISOString(), "2026-03-29T01:59:59.999Z");
    assert.equal(new Date(wallClockAsUtc(Date.UTC(2026, 2, 29, 1), "Europe/Berlin")).toISOString(), "2026-03-29T03:00:00.000Z");
  });
});
