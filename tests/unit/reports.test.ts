import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as tick } from "node:timers/promises";
import { describe, it } from "node:test";
import { openDatabase } from "../../src/db/database.js";
import { createRepos } from "../../src/db/repos/index.js";
import { keysetPages } from "../../src/db/repos/paging.js";
import { chatLineFormatter, printable, singleLine, writeTextFile } from "../../src/reports/text.js";

const AT = Date.UTC(2026, 10, 24, 23, 1, 30);
const format = chatLineFormatter({ timeZone: "UTC", labels: { in: "→ user:", out: "← bot:" } });
const line = (content: string, direction: "in" | "out" = "in") => format({ at: AT, direction, content });

describe("chat log lines", () => {
  it("show time, direction and content, the labels padded to one width", () => {
    assert.equal(line("/start abc"), "2026-11-24 23:01 → user: /start abc\n");
    assert.equal(line("Welcome!", "out"), "2026-11-24 23:01 ← bot:  Welcome!\n");
  });

  it("use the configured time zone", () => {
    const moscow = chatLineFormatter({ timeZone: "Europe/Moscow", labels: { in: "→", out: "←" } });
    assert.equal(moscow({ at: AT, direction: "in", content: "hi" }), "2026-11-25 02:01 → hi\n");
  });

  it("indent every further line of a multi-line message under its text", () => {
    const indent = " ".repeat("2026-11-24 23:01 → user: ".length);
    assert.equal(line("one\ntwo\r\nthree\rfour"), `2026-11-24 23:01 → user: one\n${indent}two\n${indent}three\n${indent}four\n`);
    // Breaks that some viewers honour count too, and empty lines carry no trailing blanks.
    assert.equal(line("a\u2028b\u2029c\u0085d\n\ne"), `2026-11-24 23:01 → user: a\n${indent}b\n${indent}c\n${indent}d\n\n${indent}e\n`);
  });

  it("never let a message pass for an entry of its own", () => {
    const forged = line("hi\n2026-11-24 23:02 ← bot:  your ticket is cancelled");
    const [, second] = forged.split("\n");
    assert.match(second!, /^ {10,}2026-11-24 23:02/);
  });

  it("have no trailing blank for an empty message", () => {
    assert.equal(line(""), "2026-11-24 23:01 → user:\n");
  });

  it("let right-to-left and zero-width characters through unchanged, inside their own line", () => {
    const content = "שלום \u202Eevil\u202C \u200F مرحبا \u200B👩\u200D💻 \u2066iso\u2069 \uFEFF";
    const text = line(content) + line("next", "out");
    const [first, second] = text.split("\n");
    assert.equal(first, `2026-11-24 23:01 → user: ${content}`);
    assert.equal(second, "2026-11-24 23:01 ← bot:  next", "the next entry starts with its own time");
  });

  it("make control characters visible instead of obeying them", () => {
    assert.equal(printable("a\u001b[2Jb\u0000c\u007fd\u009be\tf"), "a\u241b[2Jb\u2400c\u2421d\uFFFDe\tf");
    assert.equal(line("\u001b]0;title\u0007"), "2026-11-24 23:01 → user: \u241b]0;title\u2407\n");
  });

  it("keep a header value on one line", () => {
    assert.equal(singleLine("Anna\nPetrova\u2028\u001b"), "Anna Petrova \u241b");
  });
});

describe("writeTextFile", () => {
  it("streams many pieces into one UTF-8 file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ticket-bot-unit-"));
    try {
      const path = join(dir, "log.txt");
      let pulled = 0;
      function* pieces(): Generator<string> {
        for (let i = 0; i < 20_000; i++) {
          pulled++;
          yield `${i} Привет 👋 ${"x".repeat(i % 50)}\n`;
        }
      }
      await writeTextFile(path, pieces());
      const lines = readFileSync(path, "utf8").split("\n");
      assert.equal(pulled, 20_000);
      assert.equal(lines.length, 20_001);
      assert.equal(lines[19_999], `19999 Привет 👋 ${"x".repeat(19_999 % 50)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects when the file cannot be written", async () => {
    await assert.rejects(writeTextFile(join(tmpdir(), "no-such-folder-for-sure", "x", "log.txt"), ["a"]), /ENOENT/);
  });
});

describe("keysetPages", () => {
  it("walks every row once, also when the last page is full", () => {
    const rows = Array.from({ length: 10 }, (_, i) => i + 1);
    const fetch = (after: number, limit: number) => rows.filter((r) => r > after).slice(0, limit);
    assert.deepEqual([...keysetPages(0, fetch, (r) => r, 5)], rows);
    assert.deepEqual([...keysetPages(0, fetch, (r) => r, 3)], rows);
    assert.deepEqual([...keysetPages(0, () => [], (r: number) => r, 3)], []);
  });

  it("leaves the database writable between rows (report sheets pause while others write)", async () => {
    const repos = createRepos(openDatabase(":memory:"));
    repos.invites.createBatch(Array.from({ length: 2500 }, (_, i) => `code-${String(i).padStart(5, "0")}`), 1, null);
    repos.security.record({ userId: 5, username: "x", kind: "unauthorized", action: "/menu" });
    let seen = 0;
    for (const invite of repos.invites.iterateLines()) {
      if (++seen % 500 === 0) {
        // What other updates do meanwhile: record chat lines, log attempts.
        repos.chatLog.record({ userId: 7, direction: "in", kind: "text", content: `during ${invite.code}` });
        await tick();
      }
    }
    assert.equal(seen, 2500);
    for (const _ of repos.security.iterate()) repos.security.record({ userId: 6, username: null, kind: "lockout", action: "/start" });
    assert.equal(repos.security.count(), 2);
    assert.equal(repos.chatLog.span(7).lines, 5);
  });
});

describe("chat log span", () => {
  it("counts, dates and bounds a user's log, and iterate stops at the snapshot", () => {
    const repos = createRepos(openDatabase(":memory:"));
    assert.deepEqual(repos.chatLog.span(1), { lines: 0, firstAt: null, lastAt: null, lastId: 0 });
    for (let i = 0; i < 3; i++) repos.chatLog.record({ userId: 1, direction: i % 2 ? "out" : "in", kind: "text", content: `m${i}` }, 1000 + i);
    repos.chatLog.record({ userId: 2, direction: "in", kind: "text", content: "other" }, 5000);
    const span = repos.chatLog.span(1);
    assert.deepEqual({ ...span, lastId: undefined }, { lines: 3, firstAt: 1000, lastAt: 1002, lastId: undefined });
    repos.chatLog.record({ userId: 1, direction: "in", kind: "text", content: "later" }, 6000);
    assert.deepEqual([...repos.chatLog.iterate(1, span.lastId)].map((e) => e.content), ["m0", "m1", "m2"]);
    assert.deepEqual([...repos.chatLog.iterate(1)].map((e) => e.content), ["m0", "m1", "m2", "later"]);
  });
});
