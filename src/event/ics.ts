import { createEvent, type EventAttributes } from "ics";
import type { EventRow } from "../db/repos/event.js";

/**
 * The event as an iCalendar file (RFC 5545) for /info: start in UTC (a
 * calendar shows it in the reader's own zone), place, map link and note.
 * The UID is the same every time, so importing it again updates the entry
 * instead of adding a second one. Undefined until the name and date are set.
 */
export function eventCalendar(event: EventRow | undefined, botUsername: string): string | undefined {
  if (!event?.name || event.starts_at === null) return undefined;
  const description = [event.note, event.map_url].filter((part): part is string => !!part).join("\n\n");
  // The end is not known: RFC 5545 allows DTSTART alone (the event starts
  // then); the package's types insist on an end or a duration, its code does not.
  const { error, value } = createEvent({
    uid: `event@${botUsername.toLowerCase()}.ticket-bot`,
    productId: "-//ticket-bot//event//EN",
    title: event.name,
    start: event.starts_at,
    startInputType: "utc",
    startOutputType: "utc",
    ...(event.place ? { location: event.place } : {}),
    ...(event.map_url ? { url: event.map_url } : {}),
    ...(description ? { description } : {}),
  } as EventAttributes);
  if (error || !value) throw error ?? new Error("the calendar file could not be made");
  return value;
}
