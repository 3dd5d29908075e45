import assert from "node:assert/strict";
import { isAbsolute } from "node:path";
import { describe, it } from "node:test";
import example from "../../config.example.js";
import { ConfigError, configSchema, createConfig } from "../../src/config.js";

const TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";

function problems(input: Record<string, unknown>): string[] {
  try {
    createConfig(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}

describe("config", () => {
  it("applies the defaults of SPEC §3 and resolves paths against the project root", () => {
    const config = createConfig({ BOT_TOKEN: TOKEN, FOUNDER_IDS: [42] });
    assert.equal(config.DEFAULT_TICKET_FOLDER, "tickets");
    assert.equal(config.ARCHIVE_FOLDER, "archive");
    assert.equal(config.DATABASE_PATH, "users.db");
    assert.equal(config.BOT_API_ROOT, "https://api.telegram.org");
    assert.equal(config.DEFAULT_LOCALE, "ru");
    assert.equal(config.SEND_RATE_PER_SECOND, 25);
    assert.ok(isAbsolute(config.paths.tickets) && config.paths.tickets.endsWith("/tickets"));
    assert.ok(config.paths.database.endsWith("/users.db"));
  });

  it("reads environment strings: id lists, numbers, booleans, URLs", () => {
    const config = createConfig({
      BOT_TOKEN: TOKEN,
      FOUNDER_IDS: "1, 2;3",
      SEND_RATE_PER_SECOND: "30",
      PROTECT_TICKETS: "true",
      BOT_API_ROOT: "http://127.0.0.1:8081/",
      BOT_USERNAME: "@my_ticket_bot",
    });
    assert.deepEqual(config.FOUNDER_IDS, [1, 2, 3]);
    assert.equal(config.SEND_RATE_PER_SECOND, 30);
    assert.equal(config.PROTECT_TICKETS, true);
    assert.equal(config.BOT_API_ROOT, "http://127.0.0.1:8081");
    assert.equal(config.BOT_USERNAME, "my_ticket_bot");
  });

  it("reports every problem on its own line, naming the key", () => {
    const lines = problems({ FOUNDER_IDS: "" });
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^BOT_TOKEN is required/);
    assert.match(lines[1]!, /^FOUNDER_IDS is required/);
  });

  it("SEND_CONCURRENCY: auto by default, or a fixed window of 1 to 1 000 (300 for 1 000/s at 0.3 s starts)", () => {
    const base = { BOT_TOKEN: TOKEN, FOUNDER_IDS: "1" };
    assert.equal(createConfig(base).SEND_CONCURRENCY, "auto");
    assert.equal(createConfig({ ...base, SEND_CONCURRENCY: "auto" }).SEND_CONCURRENCY, "auto");
    assert.equal(createConfig({ ...base, SEND_CONCURRENCY: "300" }).SEND_CONCURRENCY, 300);
    assert.equal(createConfig({ ...base, SEND_CONCURRENCY: 1000 }).SEND_CONCURRENCY, 1000);
    for (const bad of ["0", "1001", "2.5", "fast"]) {
      assert.deepEqual(problems({ ...base, SEND_CONCURRENCY: bad }), ['SEND_CONCURRENCY must be "auto" or a whole number from 1 to 1000'], bad);
    }
  });

  it("refuses a malformed FOUNDER_IDS and locale", () => {
    assert.match(problems({ BOT_TOKEN: TOKEN, FOUNDER_IDS: "12,abc" }).join("\n"), /FOUNDER_IDS must be numeric/);
    assert.match(problems({ BOT_TOKEN: TOKEN, FOUNDER_IDS: "1", DEFAULT_LOCALE: "de" }).join("\n"), /DEFAULT_LOCALE must be ru or en/);
    assert.match(problems({ BOT_TOKEN: TOKEN, FOUNDER_IDS: "1", TIME_ZONE: "Mars/Base" }).join("\n"), /TIME_ZONE/);
  });

  it("never repeats the token's value in a message", () => {
    const bad = "12345:short-but-secret";
    const lines = problems({ BOT_TOKEN: bad, FOUNDER_IDS: "1" });
    assert.match(lines.join("\n"), /BOT_TOKEN does not look like a bot token/);
    assert.ok(!lines.join("\n").includes("short-but-secret"));
  });

  it("config.example.ts is valid and documents every key", () => {
    createConfig(example);
    const documented = Object.keys(example).concat("BOT_USERNAME"); // commented out: read from getMe
    assert.deepEqual(Object.keys(configSchema.shape).filter((key) => !documented.includes(key)), []);
  });

  it("names unknown keys in config.ts", () => {
    assert.match(problems({ BOT_TOKEN: TOKEN, FOUNDER_IDS: [1], FOUNDERS: [1] }).join("\n"), /unknown keys: FOUNDERS/);
  });
});
