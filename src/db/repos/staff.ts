import type { Db } from "../database.js";

export interface StaffRow {
  user_id: number;
  added_by: number;
  added_at: number;
}

/** Door staff (the "event day" issue): they check people in and nothing else. */
export function createStaffRepo(db: Db) {
  const get = db.prepare<[number], StaffRow>(`SELECT * FROM staff WHERE user_id = ?`);
  const insert = db.prepare<{ id: number; by: number; at: number }>(
    `INSERT INTO staff (user_id, added_by, added_at) VALUES (@id, @by, @at) ON CONFLICT DO NOTHING`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM staff WHERE user_id = ?`);
  const all = db.prepare<[], StaffRow>(`SELECT * FROM staff ORDER BY added_at, user_id`);
  return {
    isStaff(id: number): boolean {
      return get.get(id) !== undefined;
    },
    /** False when the person already was. */
    add(id: number, by: number, now = Date.now()): boolean {
      return insert.run({ id, by, at: now }).changes === 1;
    },
    remove(id: number): boolean {
      return remove.run(id).changes === 1;
    },
    list(): StaffRow[] {
      return all.all();
    },
  };
}

export type StaffRepo = ReturnType<typeof createStaffRepo>;
