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
