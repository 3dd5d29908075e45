import type { Db } from "../database.js";

/** The event's details as /event set them; every field may still be empty. */
export interface EventRow {
  name: string | null;
  starts_at: number | null;
  place: string | null;
  map_url: string | null;
  note: string | null;
  updated_at: number;
  updated_by: number;
}

export type EventField = "name" | "starts_at" | "place" | "map_url" | "note";

/** The one row of event details (/event, /info, the welcome, the ticket's caption). */
export function createEventRepo(db: Db) {
  const get = db.prepare<[], EventRow>(`SELECT name, starts_at, place, map_url, note, updated_at, updated_by FROM event WHERE id = 1`);
  const upsert = db.prepare<{ name: string | null; starts_at: number | null; place: string | null; map_url: string | null; note: string | null; at: number; by: number }>(`
    INSERT INTO event (id, name, starts_at, place, map_url, note, updated_at, updated_by)
    VALUES (1, @name, @starts_at, @place, @map_url, @note, @at, @by)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, starts_at = excluded.starts_at, place = excluded.place,
      map_url = excluded.map_url, note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by
  `);
  return {
    get(): EventRow | undefined {
      return get.get();
    },
    /** Sets the given fields (null clears one), keeping the others. */
    update(fields: Partial<Record<EventField, string | number | null>>, by: number, now = Date.now()): EventRow {
      const current = get.get();
      const pick = <K extends EventField>(key: K): EventRow[K] => (key in fields ? (fields[key] as EventRow[K]) : (current?.[key] ?? null) as EventRow[K]);
      upsert.run({ name: pick("name"), starts_at: pick("starts_at"), place: pick("place"), map_url: pick("map_url"), note: pick("note"), at: now, by });
      return get.get()!;
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
