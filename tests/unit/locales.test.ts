import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { COMMANDS } from "../../src/bot/commands.js";
import { projectRoot } from "../../src/paths.js";

function keysOf(locale: string): Set<string> {
  const dir = join(projectRoot, "locales", locale);
  const keys = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    const text = readFileSync(join(dir, file), "utf8");
    for (const m of text.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)) {
      assert.ok(!keys.has(m[1]!), `${locale}: ${m[1]} defined twice`);
      keys.add(m[1]!);
    }
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const ru = keysOf("ru");
const en = keysOf("en");

/** Keys built at run time from a fixed set of values. */
const DYNAMIC_KEYS = [
  ...COMMANDS.map((c) => `cmd-${c.name}`),
  ...["visitor", "participant", "staff", "admin", "founder"].map((r) => `help-intro-${r}`),
  ...["founder", "admin", "staff", "participant", "visitor"].map((r) => `role-${r}`),
  ...["unauthorized", "lockout"].map((k) => `security-kind-${k}`),
  ...["unauthorized", "lockout", "error"].map((k) => `alert-${k}`),
  ...["unused", "used", "expired", "revoked"].map((s) => `invite-status-${s}`),
  ...["available", "assigned", "sent", "archived", "missing", "revoked"].map((s) => `ticket-status-${s}`),
  ...["open", "confirmed", "sending", "ended"].map((s) => `wave-status-${s}`),
  ...["blocked", "deactivated", "not_started", "chat_not_found", "forbidden", "bad_request", "missing_file", "flood", "server_error", "network", "internal"].map(
    (k) => `failure-${k}`,
  ),
  ...["no_ticket", "erased", "not_recipient", "staff", "ticket_changed", "stopped", "wave_ended"].map((k) => `delivery-summary-skipped-${k}`),
  ...["no_ticket"].map((k) => `delivery-summary-told-${k}`),
  ...["date_format", "no_such_date", "no_such_time", "bad_url"].map((r) => `event-refused-${r}`),
  ...["event-current", "event-saved", "event-cleared"],
  ...["name", "date", "place", "note"].map((p) => `event-word-${p}`),
  ...["unauthorized", "lockout", "error"].map((k) => `alert-more-${k}`),
  ...["founder", "admin", "staff"].map((r) => `delete-user-is-${r}`),
  ...["unknown", "reissued", "erased", "wave_ended", "no_ticket", "ambiguous"].map((r) => `door-invalid-${r}`),
  ...["scan", "manual"].map((m) => `checkin-method-${m}`),
  ...["founder", "admin", "already_staff"].map((r) => `staff-not-added-${r}`),
  ...["no_wave", "not_participant", "no_ticket", "in_flight", "named_needs_file", "file_unknown", "file_not_available", "none_available"].map((r) => `reissue-refused-${r}`),
  ...["tickets", "broadcast"].map((k) => `job-kind-${k}`),
  ...["everyone", "without_ticket", "with_ticket", "not_checked_in", "waiting"].map((a) => `broadcast-audience-${a}`),
  ...["format", "no_such_date", "no_such_time", "past"].map((r) => `schedule-refused-${r}`),
  ...["unreadable", "empty", "bad_person", "unknown_file", "ambiguous_file", "file_twice", "person_twice"].map((k) => `manifest-${k}`),
];

describe("locale files", () => {
  it("ru and en define the same keys", () => {
    assert.deepEqual([...ru].filter((k) => !en.has(k)), [], "in ru only");
    assert.deepEqual([...en].filter((k) => !ru.has(k)), [], "in en only");
  });

  it("define every key the code uses", () => {
    const used = new Set(DYNAMIC_KEYS);
    for (const file of sourceFiles(join(projectRoot, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][a-z0-9_-]*)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/:\s*"((?:start-code|reg|wave|zip|ticket|broadcast|delivery|failure|manifest)-[a-z0-9-]+)"/g)) used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !en.has(k));
    assert.deepEqual(missing, []);
  });

  it("keep user-facing text out of the code", () => {
    // Replies are built from ctx.t / i18n.t; a literal sentence passed to a
    // send method is a text that escaped translation.
    const offenders: string[] = [];
    for (const file of sourceFiles(join(projectRoot, "src", "bot"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\.(?:reply|sendMessage|editMessageText|answerCallbackQuery)\(\s*(?:[\w.]+,\s*)?["'`]([^"'`]*[A-Za-zА-Яа-я]{3}[^"'`]*)["'`]/g)) {
        if (!m[1]!.includes("${")) offenders.push(`${file}: ${m[1]}`);
      }
      if (/[А-Яа-яЁё]/.test(text)) offenders.push(`${file}: Cyrillic text in code`);
    }
    assert.deepEqual(offenders, []);
  });
});
