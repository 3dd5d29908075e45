const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Vega writes times in the process's zone or in UTC, never in a named zone.
 * The overview shows them in the configured zone by giving Vega each
 * instant's wall-clock reading in that zone written as a UTC time, on a UTC
 * axis: 12:00 UTC in Europe/Moscow becomes 15:00 "UTC". Each instant gets the
 * offset in force at that moment, so a summer-time change shows as the jump
 * a local clock makes.
 */
export function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wholeSeconds + (((ms % 1000) + 1000) % 1000);
}
