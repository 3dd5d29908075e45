/** Rows per page when a whole table is walked. */
export const PAGE_SIZE = 1000;

/**
 * Walks a query a page at a time, each page starting after the key of the
 * previous page's last row (keyset paging: every page is an index seek, and
 * rows inserted meanwhile are neither skipped nor repeated).
 *
 * Why not `statement.iterate()`: while a better-sqlite3 iterator is open the
 * connection refuses every write ("This database connection is busy executing
 * a query"). Reports and the chat log export pause between rows to let the
 * event loop breathe, and in those pauses other updates record chat lines and
 * the delivery engine writes; with an open iterator each of those writes
 * would fail. A page is read with `all()`, so no statement stays open.
 */
export function* keysetPages<R, K>(first: K, fetch: (after: K, limit: number) => R[], keyOf: (row: R) => K, limit = PAGE_SIZE): Generator<R> {
  let after = first;
  for (;;) {
    const page = fetch(after, limit);
    yield* page;
    if (page.length < limit) return;
    after = keyOf(page[page.length - 1]!);
  }
}

/**
 * A page in (group, id) order from two index seeks: the rest of the group the
 * previous page ended in, then the groups after it. (A row-value comparison
 * such as `(wave_id, id) > (?, ?)` seeks on its first column only when the
 * second is the rowid, and rescans the whole group every page.)
 */
export function pageAcrossGroups<R, K>(restOfGroup: (after: K, limit: number) => R[], laterGroups: (after: K, limit: number) => R[]): (after: K, limit: number) => R[] {
  return (after, limit) => {
    const page = restOfGroup(after, limit);
    return page.length < limit ? page.concat(laterGroups(after, limit - page.length)) : page;
  };
}
