import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Context } from "grammy";
import { renderAlerts, type AlertEvent } from "../../src/bot/alerts.js";
import { bcButtons } from "../../src/bot/keyboards/broadcast.js";
import { regButtons } from "../../src/bot/keyboards/registration.js";
import { waveButtons } from "../../src/bot/keyboards/prompts.js";
import { jobButtons } from "../../src/delivery/buttons.js";
import type { WaveRow } from "../../src/db/repos/waves.js";
import { createI18n, LOCALES, translator } from "../../src/i18n.js";
import { clampText, fitList, MAX_CALLBACK_BYTES, MAX_CAPTION, MAX_TEXT } from "../../src/telegram/limits.js";
import type { EntryProblem } from "../../src/tickets/inspect.js";
import type { ManifestProblem } from "../../src/tickets/manifest.js";
import { graphemes, safeFileName, sentFileName, shownName } from "../../src/tickets/names.js";
import { describeUpload } from "../../src/bot/render/import-answer.js";

/**
 * Every message that carries a list or someone's text, rendered with the
 * worst input there is — the most entries, the longest names, Cyrillic,
 * emoji — in both languages, against Telegram's limits.
 */

const i18n = createI18n<Context>("en");
const translators = LOCALES.map((locale) => ({ locale, t: translator(i18n, locale) }));

const EMOJI = "👩‍💻🎟️";
/** A long entry path in Cyrillic with emoji: the worst a Russian organiser's ZIP holds. */
const longPath = (i: number) => `${"Папка участников весенней конференции ".repeat(6)}${EMOJI}/Иванова Анна Сергеевна, место ${i} ${EMOJI}${"я".repeat(150)}.pdf`;
const wave: WaveRow = { id: 1, name: `${"Весна".repeat(12)}🎟️`.slice(0, 64), status: "open", created_at: 0, created_by: 1, confirmed_at: null, ended_at: null, ended_by: null };

/** No lone surrogate: a cut never splits a character in two. */
function assertWholeCharacters(text: string): void {
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), "a character was split");
}

function assertFits(text: string, limit = MAX_TEXT): void {
  assert.ok(text.length <= limit, `${text.length} > ${limit}`);
  assertWholeCharacters(text);
}

describe("import answers", () => {
  for (const { locale, t } of translators) {
    it(`${locale}: 10 000 bad entries with the longest names fit, "… and N more" last, every entry in the file`, () => {
      const problems: EntryProblem[] = Array.from({ length: 10_000 }, (_, i) => ({ entry: longPath(i), reason: i % 2 ? "not_pdf" : "duplicate_earlier", other: longPath(i + 1) }));
      for (const kind of ["bad_entries", "already_imported"] as const) {
        const refusal = kind === "bad_entries" ? { kind, problems } : { kind, problems, count: problems.length };
        const answer = describeUpload({ ok: false, refusal }, wave, t);
        assertFits(answer.text);
        assert.match(answer.text, /(… and|… и ещё) [\d,\s\u00A0\u202F]+( more)?$/);
        assert.equal(answer.fullList!.filter((line) => line.startsWith("•")).length, 10_000);
        assert.ok(answer.fullList!.some((line) => line.includes(longPath(9_999))), "whole names in the file");
      }
    });

    it(`${locale}: a manifest with thousands of bad rows fits`, () => {
      const problems: ManifestProblem[] = Array.from({ length: 5_000 }, (_, i) => ({ reason: "unknown_file", row: i + 2, value: longPath(i) }));
      const answer = describeUpload({ ok: false, refusal: { kind: "manifest", problems } }, wave, t);
      assertFits(answer.text);
      assert.equal(answer.fullList!.filter((line) => line.startsWith("•")).length, 5_000);
    });

    it(`${locale}: a successful import naming thousands of people and files fits`, () => {
      const summary = {
        imported: 10_000,
        archived: 10_000,
        ignored: Array.from({ length: 10_000 }, (_, i) => longPath(i)),
        named: 10_000,
        waitingFor: Array.from({ length: 5_000 }, (_, i) => `@${"x".repeat(27)}${String(i).padStart(4, "0")}`),
        unnamedFiles: Array.from({ length: 5_000 }, (_, i) => longPath(i)),
      };
      const answer = describeUpload({ ok: true, summary }, wave, t);
      assertFits(answer.text);
      assert.equal(answer.fullList!.filter((line) => line.startsWith("•")).length, 10_000);
    });
  }
});

describe("founder alerts", () => {
  const longest = (i: number, kind: AlertEvent["kind"]): AlertEvent => ({
    kind,
    userId: 9_000_000_000 + i,
    username: `${"z".repeat(31)}${i % 10}`,
    action: `button ${"x".repeat(57)}`,
    at: 1_700_000_000_000 + i * 1000,
  });

  for (const { locale, t } of translators) {
    it(`${locale}: 200 of the longest lines and a flood's worth pushed out fit one message; lock-outs are never left out`, () => {
      const events = Array.from({ length: 200 }, (_, i) => longest(i, i % 50 === 7 ? "lockout" : i % 3 ? "unauthorized" : "error"));
      const text = renderAlerts(events, { unauthorized: 5_000, lockout: 3, error: 1 }, t, "Europe/Moscow");
      assertFits(text);
      for (const lockout of events.filter((e) => e.kind === "lockout")) assert.ok(text.includes(String(lockout.userId)), "every lock-out is named");
      assert.match(text, /5[,\s\u00A0\u202F]?\d{3}/, "what did not fit is counted");
    });

    it(`${locale}: 35 long lines (the issue's batch) fit and are summed up, not dropped`, () => {
      const events = Array.from({ length: 35 }, (_, i) => longest(i, "unauthorized"));
      const text = renderAlerts(events, { unauthorized: 0, lockout: 0, error: 0 }, t, "UTC");
      assertFits(text);
      assert.match(text, /: 35 /, "the header counts all 35");
    });
  }
});

describe("lists in general", () => {
  it("cut on whole characters, with the count of what was left out", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `${i} ${EMOJI.repeat(20)}`);
    const fitted = fitList({ head: "Head", lines, more: (n) => `… and ${n} more` });
    assertFits(fitted.text);
    assert.equal(fitted.omitted + fitted.text.split("\n").filter((l) => /^\d+ /.test(l)).length, 500);
    assert.ok(fitted.text.endsWith(`… and ${fitted.omitted} more`));
  });

  it("one line longer than a whole message is cut, never sent whole", () => {
    const fitted = fitList({ head: "Head", lines: ["я".repeat(10_000)], more: (n) => `… and ${n} more` });
    assertFits(fitted.text);
  });

  it("clampText never splits an emoji or a letter with its accent", () => {
    for (let limit = 1; limit < 40; limit++) assertWholeCharacters(clampText(EMOJI.repeat(50), limit));
    assertFits(clampText("й".repeat(5000), MAX_CAPTION), MAX_CAPTION);
  });
});

describe("ticket file names", () => {
  it("reach the participant as the file's own base name with .pdf, whatever the folder", () => {
    assert.equal(sentFileName(`${"Очень длинная папка ".repeat(10)}/Анна Иванова ${EMOJI}.pdf`), `Анна Иванова ${EMOJI}.pdf`);
    const long = sentFileName(`${"门票".repeat(200)}.pdf`);
    assert.ok(long.endsWith(".pdf") && graphemes(long).length <= 120);
    assertWholeCharacters(long);
  });

  it("shorten the folders first in messages, keeping the base name whole", () => {
    const shown = shownName(`${"Папка ".repeat(40)}/Анна Иванова.pdf`);
    assert.ok(shown.endsWith("…/Анна Иванова.pdf"), shown);
    assert.ok(graphemes(shown).length <= 120);
    const onlyLongBase = shownName(`${"ы".repeat(300)}.pdf`);
    assert.ok(onlyLongBase.endsWith(".pdf") && graphemes(onlyLongBase).length <= 120);
  });

  it("fit ext4's 255 bytes on disk in any script", () => {
    for (const script of ["门", "я", "👩‍💻", "a"]) {
      const stored = `0123456789ab-${safeFileName(`${script.repeat(300)}.pdf`)}`;
      assert.ok(Buffer.byteLength(stored) <= 255, `${script}: ${Buffer.byteLength(stored)} bytes`);
      assertWholeCharacters(stored);
    }
  });
});

describe("callback data", () => {
  it("the longest every family builds fits 64 bytes", () => {
    const max = Number.MAX_SAFE_INTEGER;
    const longest = [
      waveButtons.data("renew", max),
      bcButtons.data("cancel", max),
      jobButtons.data("stop", max),
      regButtons.data("accept", "ru-0123456789ab"),
      regButtons.data("decline"),
    ];
    for (const data of longest) assert.ok(Buffer.byteLength(data) <= MAX_CALLBACK_BYTES, data);
  });
});
