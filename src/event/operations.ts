import type { Config } from "../config.js";
import type { EventField, EventRow } from "../db/repos/event.js";
import type { Repos } from "../db/repos/index.js";
import { parseLocalDateTime } from "../time.js";

/** What /event can set; each has its own word (English or Russian) in the command. */
export type EventPart = "name" | "date" | "place" | "note";

export const EVENT_LIMITS = { name: 128, place: 256, mapUrl: 512, note: 1000 } as const;

export type SetEvent =
  | { ok: true; event: EventRow; part: EventPart; cleared: boolean }
  | { ok: false; reason: "too_long"; max: number }
  | { ok: false; reason: "date_format" | "no_such_date" | "no_such_time" | "bad_url" };

/** Control and bidi-override characters out, spaces trimmed: what an admin typed, safe to show anyone. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "").trim();
}

/** "-" (or an empty value) clears a part. */
const CLEAR = /^[-—–]?$/;

/**
 * The event's details (/event, issue 15): name, date and time (read in
 * TIME_ZONE), place with an optional map link, and a note. Changeable at any
 * time; every change is in the audit log.
 */
export function createEventOperations(deps: { config: Pick<Config, "TIME_ZONE">; repos: Repos }) {
  const { repos, config } = deps;

  function parse(part: EventPart, raw: string): { ok: true; fields: Partial<Record<EventField, string | number | null>>; cleared: boolean } | Exclude<SetEvent, { ok: true }> {
    const value = part === "note" ? clean(raw) : clean(raw.replace(/\s+/g, " "));
    if (CLEAR.test(value)) {
      const fields = part === "date" ? { starts_at: null } : part === "place" ? { place: null, map_url: null } : { [part]: null };
      return { ok: true, fields, cleared: true };
    }
    switch (part) {
      case "name":
        if (value.length > EVENT_LIMITS.name) return { ok: false, reason: "too_long", max: EVENT_LIMITS.name };
        return { ok: true, fields: { name: value }, cleared: false };
      case "note":
        if (value.length > EVENT_LIMITS.note) return { ok: false, reason: "too_long", max: EVENT_LIMITS.note };
        return { ok: true, fields: { note: value }, cleared: false };
      case "date": {
        const parsed = parseLocalDateTime(value, config.TIME_ZONE);
        if (!parsed.ok) return { ok: false, reason: parsed.reason === "format" ? "date_format" : parsed.reason };
        return { ok: true, fields: { starts_at: parsed.ms }, cleared: false };
      }
      case "place": {
        // "Address | https://map.link": the link is optional.
        const bar = value.lastIndexOf("|");
        const address = clean(bar >= 0 ? value.slice(0, bar) : value);
        const link = bar >= 0 ? clean(value.slice(bar + 1)) : "";
        if (address.length > EVENT_LIMITS.place) return { ok: false, reason: "too_long", max: EVENT_LIMITS.place };
        if (link !== "" && (!isWebLink(link) || link.length > EVENT_LIMITS.mapUrl)) return { ok: false, reason: "bad_url" };
        return { ok: true, fields: { place: address === "" ? null : address, map_url: link === "" ? null : link }, cleared: false };
      }
    }
  }

  return {
    /** The details as set so far (undefined: /event was never used). */
    details(): EventRow | undefined {
      return repos.event.get();
    },
    /** /event <part> <value>: sets one part ("-" clears it), audited. */
    set(args: { part: EventPart; value: string; by: number }): SetEvent {
      const parsed = parse(args.part, args.value);
      if (!parsed.ok) return parsed;
      const event = repos.transaction(() => {
        const updated = repos.event.update(parsed.fields, args.by);
        repos.audit.record({ actorId: args.by, action: "event", args: args.part, result: parsed.cleared ? "cleared" : "set" });
        return updated;
      });
      return { ok: true, event, part: args.part, cleared: parsed.cleared };
    },
  };
}

export type EventOperations = ReturnType<typeof createEventOperations>;

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
