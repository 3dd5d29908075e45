import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Context } from "grammy";
import { createI18n, translator } from "../../../src/i18n.js";
import type { Bar } from "../../../src/stats/charts.js";
import { checkinsPanel, deliveriesPanel, registrationsPanel, type PanelInput } from "../../../src/stats/panels.js";
import type { StatsData } from "../../../src/stats/types.js";
import { wallClockAsUtc } from "../../../src/time.js";
import { FAILURE_KINDS, fullStats } from "./fixtures.js";

const i18n = createI18n<Context>("ru");
const ru = translator(i18n, "ru");
const en = translator(i18n, "en");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The parts of a panel's Vega-Lite spec these tests read. */
interface PanelSpec {
  data: { values: Array<Bar & { start: number }> };
  title: { text: string; subtitle: string };
  encoding: { x: { axis: { title: string; values: number[] } } };
}

const input = (data: StatsData, t = ru): PanelInput => ({ data, t, frame: { width: 600, height: 490, numbers: { thousands: "\u00a0", decimal: "," } } });
const spec = (panel: unknown) => panel as PanelSpec;

describe("panels", () => {
  it("every failure kind has a label in both languages", () => {
    for (const t of [ru, en]) {
      for (const kind of FAILURE_KINDS) assert.notEqual(t(`failure-${kind}`), `failure-${kind}`, kind);
    }
  });

  it("deliveries: one bar per reason that happened, most frequent first, totals in the subtitle", () => {
    const data = fullStats();
    data.deliveries = { sent: 1_000, notDelivered: { network: 3, blocked: 40, flood: 0, erased: 7 } };
    const panel = spec(deliveriesPanel(input(data)));
    assert.deepEqual(
      panel.data.values.map((bar) => [bar.label, bar.shown]),
      [
        ["заблокировал бота", "40"],
        ["человека удалили", "7"],
        ["нет связи с Telegram", "3"],
      ],
    );
    assert.equal(panel.title.subtitle, "Отправлено 1\u00a0000, не доставлено 50");
  });

  it("time axes name the zone and put their labels on whole local hours or days", () => {
    const data = fullStats();
    data.timeZone = "Asia/Kolkata"; // +05:30: UTC hours are not local hours
    const checkins = spec(checkinsPanel(input(data))).encoding.x.axis;
    assert.equal(checkins.title, "Время (Asia/Kolkata)");
    assert.ok(checkins.values.length >= 3 && checkins.values.every((at) => at % HOUR === 0));
    const registrations = spec(registrationsPanel(input(data, en))).encoding.x.axis;
    assert.equal(registrations.title, "Date (Asia/Kolkata)");
    assert.ok(registrations.values.length >= 3 && registrations.values.every((at) => at % DAY === 0));
  });

  it("a long registration history is thinned to what a panel can show, the latest total kept", () => {
    const data = fullStats();
    const points = spec(registrationsPanel(input(data))).data.values;
    assert.ok(points.length <= 500);
    assert.equal(points.at(-1)!.start, wallClockAsUtc(data.registrations.at(-1)!.at, data.timeZone));
  });
});

describe("wall-clock times", () => {
  it("are the zone's local reading written as UTC, with the offset in force at each instant", () => {
    assert.equal(wallClockAsUtc(Date.UTC(2026, 6, 1, 12, 0, 0, 250), "Europe/Moscow"), Date.UTC(2026, 6, 1, 15, 0, 0, 250));
    assert.equal(wallClockAsUtc(Date.UTC(2026, 0, 1, 12), "America/New_York"), Date.UTC(2026, 0, 1, 7));
    assert.equal(wallClockAsUtc(Date.UTC(2026, 6, 1, 12), "America/New_York"), Date.UTC(2026, 6, 1, 8));
    // Berlin moves its clocks forward at 01:00 UTC on 29 March 2026.
    assert.equal(wallClockAsUtc(Date.UTC(2026, 2, 29, 0, 30), "Europe/Berlin"), Date.UTC(2026, 2, 29, 1, 30));
    assert.equal(wallClockAsUtc(Date.UTC(2026, 2, 29, 1, 30), "Europe/Berlin"), Date.UTC(2026, 2, 29, 3, 30));
  });
});
