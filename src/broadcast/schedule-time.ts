import { formatTime, parseLocalDateTime } from "../time.js";

export type ScheduleTime = { ok: true; ms: number } | { ok: false; reason: "format" | "no_such_date" | "no_such_time" | "past" };

const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DAY_AND_TIME = /^(\d{1,2})\.(\d{1,2})\s+(\d{1,2}[:.]\d{2}(?::\d{2})?)$/;

/**
 * When a scheduled announcement should go, as an admin writes it, in
 * `timeZone`: "18:30" (today), "01.12 18:30" (this year), "01.12.2026 18:30"
 * (or 2026-12-01 18:30); seconds may follow. A moment that has passed is
 * refused, not moved to tomorrow: the admin says which day they mean.
 */
export function parseScheduleTime(text: string, timeZone: string, now: number): ScheduleTime {
  const input = text.trim().replace(/\s+/g, " ");
  const [today = ""] = formatTime(now, timeZone).split(" ");
  const [year, month, day] = today.split("-");
  const time = TIME_ONLY.exec(input);
  const dayAndTime = time ? undefined : DAY_AND_TIME.exec(input);
  const full = time ? `${day}.${month}.${year} ${input}` : dayAndTime ? `${dayAndTime[1]}.${dayAndTime[2]}.${year} ${dayAndTime[3]}` : input;
  const parsed = parseLocalDateTime(full, timeZone);
  if (!parsed.ok) return parsed;
  return parsed.ms <= now ? { ok: false, reason: "past" } : parsed;
}
