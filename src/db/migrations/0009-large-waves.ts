import type { Migration } from "./index.js";

/**
 * Paid waves of 10 000 and more (issue 17): picking the next ticket for a
 * participant was a sort of every available ticket of the wave, so a wave
 * cost time quadratic in its size. The free unnamed tickets of a wave, in
 * import order, now have an index of their own; tickets held for someone or
 * named in a manifest are found through theirs (tickets_held_for,
 * tickets_named), and whether a wave has any such ticket still available is
 * one index seek (tickets_named_free).
 *
 * (A copy's source, looked up in the admin's chat log by message id, is found
 * through chat_log_message of migration 7.)
 *
 * The report sheets read tickets, invites and failed deliveries a page at a
 * time in their own order; without an index in that order every page sorted
 * the whole table again (/full_report over 100 000 people: quadratic).
 */
export const largeWaves: Migration = {
  version: 9,
  name: "large-waves",
  up(db) {
    db.exec(`
      CREATE INDEX tickets_free ON tickets (wave_id, id) WHERE status = 'available' AND held_for IS NULL AND named_key IS NULL;
      CREATE INDEX tickets_named_free ON tickets (wave_id) WHERE status = 'available' AND named_key IS NOT NULL;
      CREATE INDEX tickets_order ON tickets (wave_id, id);
      CREATE INDEX invites_order ON invites (created_at, code);
      CREATE INDEX deliveries_failed_order ON deliveries (updated_at, id) WHERE status = 'failed';
    `);
  },
};
