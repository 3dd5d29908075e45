import type { TopLevelSpec } from "vega-lite";
import type { Translate } from "../i18n.js";
import { barChart, COLOURS, messagePanel, TITLE_SIZE, timeChart, type Bar, type Frame, type TimeSeries } from "./charts.js";
import { fitText } from "./fonts.js";
import type { DeliveryFailureKind, StatsData } from "./types.js";
import { wallClockAsUtc } from "../time.js";

/** What every panel is built from: the data, the reader's texts and where the panel goes. */
export interface PanelInput {
  data: StatsData;
  t: Translate;
  frame: Omit<Frame, "title">;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** About this many labels fit under a half-width axis without crowding. */
const AXIS_LABELS = 6;
const MAX_LINE_POINTS = 500;
const MIN_SPAN = 3 * HOUR;

function bar(t: Translate, label: string, value: number, colour: string): Bar {
  return { label, value, shown: t("stats-number", { value }), colour };
}

/**
 * At most `max` of the points, evenly spread, the last always kept: a half-width
 * line has about 500 pixels, and a running total loses nothing visible.
 */
function everyNth<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = Math.ceil(points.length / (max - 1));
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/**
 * The time axis: at least MIN_SPAN wide (a single point or slot is not
 * stretched over the whole panel), hours within a day and dates beyond,
 * labels on whole hours or days, and the zone named in its title.
 */
function timeAxis(from: number, last: number, { t, data }: PanelInput): Pick<TimeSeries, "domain" | "xTitle" | "xFormat" | "ticks"> {
  const to = Math.max(last, from + MIN_SPAN);
  const zone = data.timeZone;
  if (to - from <= DAY) return { domain: [from, to], xTitle: t("stats-axis-time", { zone }), xFormat: "%H:%M", ticks: wholeSteps(from, to, HOUR) };
  return { domain: [from, to], xTitle: t("stats-axis-date", { zone }), xFormat: t("stats-axis-day-format"), ticks: wholeSteps(from, to, DAY) };
}

/** About AXIS_LABELS instants between `from` and `to` on whole multiples of `unit` (times are wall-clock as UTC). */
function wholeSteps(from: number, to: number, unit: number): number[] {
  const step = unit * Math.max(1, Math.ceil((to - from) / unit / AXIS_LABELS));
  const ticks: number[] = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) ticks.push(at);
  return ticks;
}

export function registrationsPanel(input: PanelInput): TopLevelSpec {
  const { data, t } = input;
  const points = everyNth(data.registrations, MAX_LINE_POINTS).map((p) => ({ start: wallClockAsUtc(p.at, data.timeZone), value: p.total }));
  const frame = { ...input.frame, title: t("stats-registrations-title"), subtitle: t("stats-registrations-total", { total: points.at(-1)?.value ?? 0 }) };
  if (points.length === 0) return messagePanel(frame, t("stats-no-data"));
  return timeChart(frame, {
    points,
    kind: "area",
    colour: COLOURS.info,
    yTitle: t("stats-axis-participants"),
    ...timeAxis(points[0]!.start, points.at(-1)!.start, input),
  });
}

export function invitesPanel({ data, t, frame }: PanelInput): TopLevelSpec {
  const { used, unused, expired, revoked } = data.invites;
  const total = used + unused + expired + revoked;
  const framed = { ...frame, title: t("stats-invites-title"), subtitle: t("stats-invites-total", { used, total }) };
  if (total === 0) return messagePanel(framed, t("stats-no-data"));
  return barChart(framed, [
    bar(t, t("stats-invite-used"), used, COLOURS.good),
    bar(t, t("stats-invite-unused"), unused, COLOURS.info),
    bar(t, t("stats-invite-expired"), expired, COLOURS.neutral),
    bar(t, t("stats-invite-revoked"), revoked, COLOURS.bad),
  ]);
}

export function wavePanel({ data, t, frame }: PanelInput): TopLevelSpec {
  const wave = data.wave;
  if (!wave) return messagePanel({ ...frame, title: t("stats-wave-none-title") }, t("stats-wave-none"));
  const total = wave.available + wave.assigned + wave.sent + wave.archived + wave.missing + wave.revoked;
  // Cut here rather than by Vega, so that the closing quote stays.
  const name = fitText(wave.name, frame.width * 0.6, TITLE_SIZE, true);
  return barChart({ ...frame, title: t("stats-wave-title", { wave: name }), subtitle: t("stats-wave-total", { sent: wave.sent, total }) }, [
    bar(t, t("stats-ticket-available"), wave.available, COLOURS.infoLight),
    bar(t, t("stats-ticket-assigned"), wave.assigned, COLOURS.info),
    bar(t, t("stats-ticket-sent"), wave.sent, COLOURS.good),
    bar(t, t("stats-ticket-archived"), wave.archived, COLOURS.neutral),
    bar(t, t("stats-ticket-missing"), wave.missing, COLOURS.warn),
    bar(t, t("stats-ticket-revoked"), wave.revoked, COLOURS.bad),
  ]);
}

/** The failure kinds that happened, most frequent first. */
export function failuresByCount(data: StatsData): Array<[DeliveryFailureKind, number]> {
  const entries = Object.entries(data.deliveries.notDelivered) as Array<[DeliveryFailureKind, number | undefined]>;
  return entries.filter((e): e is [DeliveryFailureKind, number] => (e[1] ?? 0) > 0).sort((a, b) => b[1] - a[1]);
}

/**
 * Reasons only: next to the sent count the failures would be slivers. The
 * sent and not-delivered totals are in the subtitle.
 */
export function deliveriesPanel({ data, t, frame }: PanelInput): TopLevelSpec {
  const failures = failuresByCount(data);
  const failed = failures.reduce((sum, [, count]) => sum + count, 0);
  const framed = { ...frame, title: t("stats-deliveries-title"), subtitle: t("stats-deliveries-total", { sent: data.deliveries.sent, failed }) };
  if (failed === 0) return messagePanel(framed, t(data.deliveries.sent > 0 ? "stats-deliveries-all-delivered" : "stats-no-data"));
  return barChart(framed, failures.map(([kind, count]) => bar(t, t(`failure-${kind}`), count, COLOURS.bad)));
}

export function checkinsPanel(input: PanelInput): TopLevelSpec {
  const { data, t } = input;
  const { total, holders, slotMinutes, series } = data.checkins;
  const frame = { ...input.frame, title: t("stats-checkins-title"), subtitle: t("stats-checkins-total", { total, holders }) };
  if (series.length === 0) return messagePanel(frame, t("stats-no-data"));
  const slot = slotMinutes * 60_000;
  const points = series.map((p) => {
    const start = wallClockAsUtc(p.at, data.timeZone);
    return { start, end: start + slot, value: p.count };
  });
  return timeChart(frame, {
    points,
    kind: "bars",
    colour: COLOURS.good,
    yTitle: t("stats-axis-checkins", { minutes: slotMinutes }),
    ...timeAxis(points[0]!.start, points.at(-1)!.end, input),
  });
}
