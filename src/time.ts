const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per shape and zone, made once: building one costs far more than using it. */
function cachedFormat(shape: string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${shape} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, hourCycle: "h23", ...options });
    formats.set(key, format);
  }
  return format;
}

/** "2026-11-24 23:01" in the configured time zone, for messages. */
export function formatTime(ms: number, timeZone: string): string {
  const options = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" } as const;
  return cachedFormat("time", "sv-SE", timeZone, options).format(new Date(ms));
}

/** "1 h 02 min", "3 min 05 s", "12.4 s" (ru: "12,4 с") with the unit names and decimal mark of the reader's locale. */
export function formatDuration(ms: number, t: (key: string) => string, locale = "en"): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds)} ${t("unit-s")}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${t("unit-min")} ${String(Math.floor(seconds % 60)).padStart(2, "0")} ${t("unit-s")}`;
  return `${Math.floor(minutes / 60)} ${t("unit-h")} ${String(minutes % 60).padStart(2, "0")} ${t("unit-min")}`;
}

/** "18:05" in the configured time zone: when someone came in, for the door. */
export function formatClock(ms: number, timeZone: string): string {
  return cachedFormat("clock", "en-GB", timeZone, { hour: "2-digit", minute: "2-digit" }).format(new Date(ms));
}

/**
 * An instant's wall-clock reading in a zone, written as a UTC time: 12:00 UTC
 * in Europe/Moscow becomes 15:00 "UTC". Vega (the statistics picture) and
 * Excel (the reports) know no named zones; given these, they show the
 * configured zone's clock. Each instant gets the offset in force at that
 * moment, so a summer-time change shows as the jump a local clock makes.
 */
export function wallClockAsUtc(ms: number, timeZone: string): number {
  return ms + offsetInBucket(ms, timeZone);
}

/**
 * The zone's offset is the same for long stretches: it is worked out once per
 * quarter hour of UTC (a report writes a time into every row, and Intl's
 * formatToParts per cell was a seventh of a 100 000-row report's time). A
 * quarter hour whose two ends disagree holds a change of offset and is worked
 * out instant by instant.
 */
const OFFSET_BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, number | null>();

function offsetInBucket(ms: number, timeZone: string): number {
  const start = Math.floor(ms / OFFSET_BUCKET_MS) * OFFSET_BUCKET_MS;
  const key = `${timeZone}\n${start}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const atStart = exactWallClock(start, timeZone) - start;
    const atEnd = exactWallClock(start + OFFSET_BUCKET_MS - 1000, timeZone) - (start + OFFSET_BUCKET_MS - 1000);
    offset = atStart === atEnd ? atStart : null;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset ?? exactWallClock(ms, timeZone) - ms;
}

function exactWallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const options = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" } as const;
  for (const part of cachedFormat("parts", "en-US", timeZone, options).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wholeSeconds + (((ms % 1000) + 1000) % 1000);
}

/** "2026-11-24" in the configured time zone. */
export function formatDate(ms: number, timeZone: string): string {
  return formatTime(ms, timeZone).slice(0, 10);
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (Europe/Moscow: +3 h). */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(ms, timeZone) - ms;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export type LocalTimeParse = { ok: true; ms: number } | { ok: false; reason: "format" | "no_such_date" | "no_such_time" };

/**
 * "24.05.2026 19:00" or "2026-05-24 19:00" (seconds optional), read as a wall-clock time in
 * `timeZone`, to the instant it names. A date that does not exist (31.02)
 * and a time the clocks skip (a summer-time change) are refused, not moved.
 */
export function parseLocalDateTime(text: string, timeZone: string): LocalTimeParse {
  const input = text.trim();
  const dotted = DOTTED.exec(input);
  const iso = dotted ? undefined : ISO.exec(input);
  if (!dotted && !iso) return { ok: false, reason: "format" };
  const [year, month, day, hour, minute, second] = dotted
    ? [Number(dotted[3]), Number(dotted[2]), Number(dotted[1]), Number(dotted[4]), Number(dotted[5]), Number(dotted[6] ?? 0)]
    : [Number(iso![1]), Number(iso![2]), Number(iso![3]), Number(iso![4]), Number(iso![5]), Number(iso![6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: "no_such_time" };
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (month < 1 || month > 12 || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return { ok: false, reason: "no_such_date" };
  const ms = wallClockToInstant(wall, timeZone);
  if (ms + offsetAt(ms, timeZone) !== wall) return { ok: false, reason: "no_such_time" };
  return { ok: true, ms };
}

/**
 * The instant whose wall-clock reading in `timeZone` is `wall` (written as a
 * UTC time, as wallClockAsUtc gives it): the inverse of wallClockAsUtc. A
 * reading the clocks skip (a summer-time change) gives the instant an hour
 * off; callers that must refuse such times check the result.
 */
export function wallClockToInstant(wall: number, timeZone: string): number {
  // Two passes settle the offset in force at that moment (it may differ from the one a moment earlier).
  const ms = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(ms, timeZone);
}

/** "24.05.2026 19:00" in the zone: how an event's date is shown. */
export function formatDateTime(ms: number, timeZone: string): string {
  const [date, time] = formatTime(ms, timeZone).split(" ");
  const [year, month, day] = date!.split("-");
  return `${day}.${month}.${year} ${time}`;
}
