import type { QuarterCount } from "../db/repos/overview.js";
import { wallClockAsUtc, wallClockToInstant } from "../time.js";
import type { StatsData } from "./types.js";

/**
 * Time series of the /stats picture from counts per quarter of an hour.
 *
 * The repositories count by quarter-hour of UTC (an integer division in SQL,
 * so 50 000 rows come back as at most a few thousand); every zone's offset is
 * a whole number of quarter-hours, so each quarter lies inside one hour, day
 * or slot of TIME_ZONE's clock, and folding quarters into those is exact,
 * summer-time changes included.
 */
export const QUARTER_MS = 15 * 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Registrations within this span are drawn hour by hour, longer ones day by day. */
export const HOURLY_SPAN_MS = 3 * DAY;
/** Check-in slot lengths to choose from (each divides a day), shortest first. */
export const SLOT_MINUTES = [15, 30, 60, 120, 180, 360, 720, 1440] as const;
/** Most check-in slots on the picture: a day in quarter-hours. */
export const MAX_SLOTS = 96;

/**
 * Each count added to the period of `periodMs` of the zone's clock it falls
 * in; every period from the first to `until`'s (or the last count's) is
 * present, empty ones with 0. Keys are wall-clock readings written as UTC.
 */
function periods(counts: readonly QuarterCount[], periodMs: number, timeZone: string, until?: number): Array<{ wall: number; n: number }> {
  if (counts.length === 0) return [];
  const periodOf = (at: number) => Math.floor(wallClockAsUtc(at, timeZone) / periodMs) * periodMs;
  const byPeriod = new Map<number, number>();
  for (const { quarter, n } of counts) {
    const period = periodOf(quarter);
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + n);
  }
  const first = periodOf(counts[0]!.quarter);
  const last = Math.max(periodOf(counts.at(-1)!.quarter), until === undefined ? -Infinity : periodOf(until));
  const result: Array<{ wall: number; n: number }> = [];
  for (let wall = first; wall <= last; wall += periodMs) result.push({ wall, n: byPeriod.get(wall) ?? 0 });
  return result;
}

/**
 * Participants registered so far: a point at the start of every hour of the
 * zone's clock (when the first registration is at most HOURLY_SPAN_MS before
 * `now`) or of every day (otherwise) with everyone registered by then, from
 * the first registration's period on, and a last point at `now` with the
 * total. Each value is exact at its instant, so the picture's step line
 * rises where registrations happened and a quiet week shows as flat.
 */
export function cumulativeRegistrations(counts: readonly QuarterCount[], now: number, timeZone: string): StatsData["registrations"] {
  if (counts.length === 0) return [];
  const periodMs = now - counts[0]!.quarter <= HOURLY_SPAN_MS ? HOUR : DAY;
  let total = 0;
  const points = periods(counts, periodMs, timeZone, now).map(({ wall, n }) => {
    const point = { at: wallClockToInstant(wall, timeZone), total };
    total += n;
    return point;
  });
  const last = points.at(-1)!;
  if (now > last.at || last.total !== total) points.push({ at: Math.max(now, last.at), total });
  return points;
}

/**
 * Check-ins per slot of the zone's clock, from the first check-in's slot to
 * the last one's: the shortest slot in SLOT_MINUTES that keeps the event
 * day to at most MAX_SLOTS bars (a door open six hours: quarter-hours).
 */
export function checkinSlots(counts: readonly QuarterCount[], timeZone: string): Pick<StatsData["checkins"], "slotMinutes" | "series"> {
  if (counts.length === 0) return { slotMinutes: SLOT_MINUTES[0], series: [] };
  const span = wallClockAsUtc(counts.at(-1)!.quarter, timeZone) - wallClockAsUtc(counts[0]!.quarter, timeZone);
  const slotMinutes = SLOT_MINUTES.find((minutes) => Math.floor(span / (minutes * 60_000)) + 2 <= MAX_SLOTS) ?? SLOT_MINUTES.at(-1)!;
  const series = periods(counts, slotMinutes * 60_000, timeZone).map(({ wall, n }) => ({ at: wallClockToInstant(wall, timeZone), count: n }));
  return { slotMinutes, series };
}
