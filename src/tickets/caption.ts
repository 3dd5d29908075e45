import type { EventRow } from "../db/repos/event.js";
import type { Translate } from "../i18n.js";
import { clampText, MAX_CAPTION } from "../telegram/limits.js";
import { formatDateTime } from "../time.js";

/**
 * The caption of a ticket document, wherever it is sent (the delivery, /ticket,
 * the person card's "send again"): the event, its date and place, and what to
 * do with it. Whatever an admin typed into /event, it stays within
 * Telegram's 1 024 characters.
 */
export function ticketCaption(t: Translate, args: { event: EventRow | undefined; wave: string; timeZone: string }): string {
  const { event, wave, timeZone } = args;
  const lines = [event?.name ? t("ticket-caption-event", { event: event.name, wave }) : t("ticket-caption", { wave })];
  if (event?.starts_at != null) lines.push(t("event-line-date", { date: formatDateTime(event.starts_at, timeZone), zone: timeZone }));
  if (event?.place) lines.push(t("event-line-place", { place: event.place }));
  lines.push(t("ticket-caption-entrance"));
  return clampText(lines.join("\n"), MAX_CAPTION);
}
