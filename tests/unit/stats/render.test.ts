import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Context } from "grammy";
import opentype from "opentype.js";
import { PNG } from "pngjs";
import { createI18n, translator, type Translate } from "../../../src/i18n.js";
import { projectRoot } from "../../../src/paths.js";
import { FONT_FAMILY, FONT_FILES } from "../../../src/stats/fonts.js";
import { PICTURE, renderStats, statsCaption } from "../../../src/stats/render.js";
import { svgToPng } from "../../../src/stats/svg-png.js";
import { MAX_CAPTION } from "../../../src/telegram/limits.js";
import { emptyStats, FAILURE_KINDS, fullStats, worstCaseStats } from "./fixtures.js";

const i18n = createI18n<Context>("ru");
const ru = translator(i18n, "ru");
const en = translator(i18n, "en");

/** `t` with one text replaced. */
const withText = (t: Translate, key: string, text: string): Translate => (k, vars) => (k === key ? text : t(k, vars));

const isInk = (png: PNG, i: number) => png.data[i]! < 160 || png.data[i + 1]! < 160 || png.data[i + 2]! < 160;

function inkPixels(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (isInk(png, i)) ink++;
  return ink;
}

/** The rows where two pictures of the same size differ, and how many pixels differ. */
function difference(a: PNG, b: PNG): { pixels: number; top: number; bottom: number; right: number } {
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  const diff = { pixels: 0, top: Infinity, bottom: -Infinity, right: -Infinity };
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!))) < 64) continue;
    const pixel = i / 4;
    const [x, y] = [pixel % a.width, Math.floor(pixel / a.width)];
    diff.pixels++;
    diff.top = Math.min(diff.top, y);
    diff.bottom = Math.max(diff.bottom, y);
    diff.right = Math.max(diff.right, x);
  }
  return diff;
}

describe("the /stats picture", () => {
  for (const [locale, t] of [
    ["ru", ru],
    ["en", en],
  ] as const) {
    it(`${locale}: a full 50 000-participant overview is one PNG of ${PICTURE.width}×${PICTURE.height}`, async (test) => {
      const started = performance.now();
      const png = PNG.sync.read(await renderStats(fullStats(), t));
      test.diagnostic(`rendered in ${Math.round(performance.now() - started)} ms (2 000 registration points, 96 check-in slots, 12 failure kinds)`);
      assert.deepEqual([png.width, png.height], [PICTURE.width, PICTURE.height]);
      assert.ok(inkPixels(png) > 50_000, "charts and texts are drawn");
    });
  }

  it("a fresh event (no registrations, no wave, nothing sent, no check-ins) renders with “no data” panels", async () => {
    const blank = withText(withText(ru, "stats-no-data", ""), "stats-wave-none", "");
    const [withMessages, withoutMessages] = await Promise.all([renderStats(emptyStats(), ru), renderStats(emptyStats(), blank)]);
    const png = PNG.sync.read(withMessages);
    assert.deepEqual([png.width, png.height], [PICTURE.width, PICTURE.height]);
    assert.ok(difference(png, PNG.sync.read(withoutMessages)).pixels > 2_000, "the “нет данных” messages are drawn");
  });

  it("a single registration point and a single check-in slot render", async () => {
    const data = fullStats();
    data.registrations = data.registrations.slice(0, 1);
    data.checkins.series = data.checkins.series.slice(0, 1);
    const png = PNG.sync.read(await renderStats(data, ru));
    assert.deepEqual([png.width, png.height], [PICTURE.width, PICTURE.height]);
  });
});

describe("Cyrillic on a server with no fonts", () => {
  it("a Cyrillic panel title is drawn with real glyphs: Ж and Ш differ where missing glyphs would be the same box", async () => {
    const title = (text: string) => renderStats(emptyStats(), withText(ru, "stats-registrations-title", text)).then((png) => PNG.sync.read(png));
    const [zhe, sha] = await Promise.all([title("ЖЖЖЖЖЖЖЖЖЖЖЖ"), title("ШШШШШШШШШШШШ")]);
    const diff = difference(zhe, sha);
    assert.ok(diff.pixels > 1_000, `only ${diff.pixels} pixels differ`);
    // Nothing but the title changed: one line of 26-pixel type in the left-hand panel.
    assert.ok(diff.bottom - diff.top < 40, `rows ${diff.top}–${diff.bottom} differ`);
    assert.ok(diff.right < PICTURE.width / 2);
  });

  it("text comes from the shipped font only: without it nothing is drawn, though this machine may have fonts of its own", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="45" font-family="${FONT_FAMILY}" font-size="36">Регистрации</text></svg>`;
    const blank = PNG.sync.read(await svgToPng(svg.replace("Регистрации", "")));
    const shipped = PNG.sync.read(await svgToPng(svg));
    const none = PNG.sync.read(await svgToPng(svg, []));
    assert.equal(inkPixels(blank), 0);
    assert.ok(difference(shipped, blank).pixels > 1_000, "the shipped font draws the Cyrillic word");
    assert.equal(inkPixels(none), 0, "no system font was used");
  });

  it("the shipped font has a glyph for every character of every text on the picture, in both languages", () => {
    const faces = Object.values(FONT_FILES).map((path) => {
      const bytes = readFileSync(path);
      return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
    const vars = { event: "Событие", time: "2026-11-21 12:00", zone: "Europe/Moscow", total: 12_345, used: 21, sent: 2, failed: 5, holders: 11, wave: "Волна", minutes: 15, value: 12_345.6 };
    const pictureKeys = [...readFileSync(join(projectRoot, "locales", "ru", "stats.ftl"), "utf8").matchAll(/^(stats-[a-z-]+) =/gm)]
      .map((m) => m[1]!)
      .filter((key) => !key.startsWith("stats-caption-"));
    const missing = new Set<string>();
    for (const t of [ru, en]) {
      const texts = [...pictureKeys.map((key) => t(key, vars)), ...FAILURE_KINDS.map((kind) => t(`failure-${kind}`)), "0123456789…"];
      for (const char of texts.join("")) {
        if (char !== "\n" && faces.some((face) => face.charToGlyphIndex(char) === 0)) missing.add(`U+${char.codePointAt(0)!.toString(16)} ${char}`);
      }
    }
    assert.deepEqual([...missing], []);
  });
});

describe("the caption", () => {
  for (const [locale, t] of [
    ["ru", ru],
    ["en", en],
  ] as const) {
    it(`${locale}: the worst case (billion-sized counts, 64-character Cyrillic event and wave names) fits Telegram's caption whole`, () => {
      const data = worstCaseStats();
      const caption = statsCaption(data, t);
      assert.ok(caption.length <= MAX_CAPTION, `${caption.length} > ${MAX_CAPTION}`);
      assert.ok(caption.includes(data.eventName!) && caption.includes(data.wave!.name));
      assert.ok(caption.endsWith(t("stats-caption-checkins", { total: data.checkins.total, holders: data.checkins.holders })), "nothing was cut");
    });
  }

  it("ru: key numbers grouped as Russian writes them, nouns in the right plural form", () => {
    const caption = (registered: number, holders: number, missing: number) => {
      const data = fullStats();
      data.registrations = [{ at: data.generatedAt, total: registered }];
      data.checkins.holders = holders;
      data.wave!.missing = missing;
      return statsCaption(data, ru);
    };
    assert.match(caption(1, 1, 1), /Зарегистрирован 1 участник\n/);
    assert.match(caption(2, 3, 2), /Зарегистрировано 2 участника\n/);
    assert.match(caption(5, 5, 5), /Зарегистрировано 5 участников\n/);
    assert.match(caption(21, 21, 21), /Зарегистрирован 21 участник\n/);
    assert.match(caption(1, 1, 1), /из 1 участника с билетом$/);
    assert.match(caption(1, 3, 1), /из 3 участников с билетом$/);
    assert.match(caption(1, 1, 1), /Файл пропал у 1 билета\n/);
    assert.match(caption(1, 1, 3), /Файл пропал у 3 билетов\n/);
    assert.match(caption(1, 1, 1), /Рассылки: отправлено 47\u00a0000, не доставлено 2\u00a0886/);
    assert.doesNotMatch(caption(1, 1, 0), /Файл пропал/, "no line about missing files when none are");
  });

  it("shows the time in the event's zone and names the zone; says when no wave is open", () => {
    const data = emptyStats();
    data.generatedAt = Date.UTC(2026, 10, 22, 5, 0);
    const caption = statsCaption(data, ru);
    assert.ok(caption.includes("2026-11-22 08:00 (Europe/Moscow)"), caption);
    assert.ok(caption.includes(ru("stats-caption-no-wave")));
    assert.ok(statsCaption(data, en).includes("2026-11-22 08:00 (Europe/Moscow)"));
  });
});
