const formats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-24 23:01" in the configured time zone, for messages. */
export function formatTime(ms: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("sv-SE", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  return format.format(new Date(ms));
}

/** "1 h 02 min", "3 min 05 s", "12.4 s" with the unit names of the reader's locale. */
export function formatDuration(ms: number, t: (key: string) => string): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} ${t("unit-s")}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${t("unit-min")} ${String(Math.floor(seconds % 60)).padStart(2, "0")} ${t("unit-s")}`;
  return `${Math.floor(minutes / 60)} ${t("unit-h")} ${String(minutes % 60).padStart(2, "0")} ${t("unit-min")}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "18:05" in the configured time zone: when someone came in, for the door. */
export function formatClock(ms: number, timeZone: string): string {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(timeZone, format);
  }
  return format.format(new Date(ms));
}
