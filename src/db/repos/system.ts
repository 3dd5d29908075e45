import type { Db } from "../database.js";

/** Update inbox, polling offset and conversation state: the bot's own bookkeeping. */
export function createSystemRepo(db: Db) {
  const getMeta = db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`);
  const setMeta = db.prepare<{ key: string; value: string }>(
    `INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const storeUpdate = db.prepare<{ id: number; payload: string; at: number }>(
    `INSERT OR IGNORE INTO update_inbox (update_id, payload, received_at) VALUES (@id, @payload, @at)`,
  );
  const doneUpdate = db.prepare<[number]>(`DELETE FROM update_inbox WHERE update_id = ?`);
  const pendingUpdates = db.prepare<[], { payload: string }>(`SELECT payload FROM update_inbox ORDER BY update_id`);
  const getKv = db.prepare<[string], { value: string }>(`SELECT value FROM conversation_state WHERE key = ?`);
  const setKv = db.prepare<{ key: string; value: string }>(
    `INSERT INTO conversation_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const deleteKv = db.prepare<[string]>(`DELETE FROM conversation_state WHERE key = ?`);

  const OFFSET_KEY = "polling_offset";

  return {
    /** The next getUpdates offset: one past the last update stored. */
    pollingOffset(): number {
      return Number(getMeta.get(OFFSET_KEY)?.value ?? 0);
    },
    /**
     * Stores fetched updates and moves the offset past them in one
     * transaction, before the next getUpdates confirms them to Telegram.
     * Updates at or below the stored offset were seen before and are dropped.
     */
    storeUpdates<U extends { update_id: number }>(updates: readonly U[], now = Date.now()): U[] {
      return db.transaction(() => {
        const offset = Number(getMeta.get(OFFSET_KEY)?.value ?? 0);
        const fresh = updates.filter((u) => u.update_id >= offset);
        for (const u of fresh) storeUpdate.run({ id: u.update_id, payload: JSON.stringify(u), at: now });
        const last = updates[updates.length - 1];
        if (last && last.update_id + 1 > offset) setMeta.run({ key: OFFSET_KEY, value: String(last.update_id + 1) });
        return fresh;
      })();
    },
    updateDone(updateId: number): void {
      doneUpdate.run(updateId);
    },
    /** Updates stored but not finished when the process last stopped. */
    unfinishedUpdates<U>(): U[] {
      return pendingUpdates.all().map((row) => JSON.parse(row.payload) as U);
    },
    kvGet(key: string): string | undefined {
      return getKv.get(key)?.value;
    },
    kvSet(key: string, value: string): void {
      setKv.run({ key, value });
    },
    kvDelete(key: string): void {
      deleteKv.run(key);
    },
  };
}

export type SystemRepo = ReturnType<typeof createSystemRepo>;
