import type { EventRow } from "../db/repos/event.js";
import type { Translate } from "../i18n.js";
import { formatDateTime } from "../time.js";

/** The event's details as lines of a message (welcome, /info, /event): only the parts that are set. */
export function eventLines(t: Translate, event: EventRow | undefined, timeZone: string, options: { note?: boolean } = {}): string[] {
  if (!event) return [];
  const lines: string[] = [];
  if (event.name) lines.push(t("event-line-name", { name: event.name }));
  if (event.starts_at !== null) lines.push(t("event-line-date", { date: formatDateTime(event.starts_at, timeZone), zone: timeZone }));
  if (event.place) lines.push(t("event-line-place", { place: event.place }));
  if (event.map_url) lines.push(t("event-line-map", { url: event.map_url }));
  if (options.note !== false && event.note) lines.push(t("event-line-note", { note: event.note }));
  return lines;
}
