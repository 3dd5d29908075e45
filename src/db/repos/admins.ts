import type { Db } from "../database.js";

export interface AdminRow {
  user_id: number;
  added_by: number;
  added_at: number;
}

export function createAdminsRepo(db: Db) {
  const get = db.prepare<[number], AdminRow>(`SELECT * FROM admins WHERE user_id = ?`);
  const insert = db.prepare<{ id: number; by: number; at: number }>(
    `INSERT INTO admins (user_id, added_by, added_at) VALUES (@id, @by, @at) ON CONFLICT DO NOTHING`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM admins WHERE user_id = ?`);
  const all = db.prepare<[], AdminRow>(`SELECT * FROM admins ORDER BY added_at`);

  return {
    isAdmin(id: number): boolean {
      return get.get(id) !== undefined;
    },
    /** Returns false when the user already was an admin. */
    add(id: number, by: number, now = Date.now()): boolean {
      return insert.run({ id, by, at: now }).changes === 1;
    },
    remove(id: number): boolean {
      return remove.run(id).changes === 1;
    },
    list(): AdminRow[] {
      return all.all();
    },
  };
}

export type AdminsRepo = ReturnType<typeof createAdminsRepo>;
