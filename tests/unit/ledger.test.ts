import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { Ledger } from "../../src/delivery/ledger.js";

/** A table and a ledger over it that counts its commits. */
function setUp(options: { delayMs?: number; maxOps?: number } = {}) {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (v INTEGER NOT NULL UNIQUE)");
  let commits = 0;
  const errors: unknown[] = [];
  const ledger = new Ledger({
    transaction: (fn) => {
      const nested = db.inTransaction;
      const result = db.transaction(fn)();
      if (!nested) commits++;
      return result;
    },
    onError: (error) => errors.push(error),
    ...options,
  });
  const insert = db.prepare<[number]>("INSERT INTO t (v) VALUES (?)");
  const values = () => (db.prepare("SELECT v FROM t ORDER BY v").all() as Array<{ v: number }>).map((r) => r.v);
  return { db, ledger, insert, values, commits: () => commits, errors };
}

describe("ledger: the engine's bookkeeping in groups", () => {
  it("commits the ops queued together in one transaction, and resolves each once it has committed", async () => {
    const { ledger, insert, values, commits } = setUp();
    const results = [1, 2, 3].map((v) => ledger.run(() => insert.run(v).changes));
    ledger.defer(() => insert.run(4));
    assert.deepEqual(values(), [], "nothing is written before the group is flushed");
    assert.deepEqual(await Promise.all(results), [1, 1, 1]);
    assert.deepEqual(values(), [1, 2, 3, 4]);
    assert.equal(commits(), 1);
  });

  it("an op that throws rolls back alone; the rest of its group commits", async () => {
    const { ledger, insert, values, errors } = setUp();
    const first = ledger.run(() => insert.run(1));
    const failing = ledger.run(() => {
      insert.run(2);
      insert.run(1); // UNIQUE fails: the 2 of this op goes too
    });
    ledger.defer(() => insert.run(1)); // a deferred write that fails is reported, not thrown
    const last = ledger.run(() => insert.run(3));
    await first;
    await assert.rejects(failing, /UNIQUE/);
    await last;
    assert.deepEqual(values(), [1, 3]);
    assert.equal(errors.length, 1);
  });

  it("a group that cannot commit fails every op that is waited for", async () => {
    const { db, ledger, insert } = setUp();
    const pending = ledger.run(() => insert.run(1));
    db.close();
    await assert.rejects(pending);
  });

  it("flushes at once when the group is full, and after close() writes each op at once", async () => {
    const { ledger, insert, values, commits } = setUp({ delayMs: 60_000, maxOps: 3 });
    const full = [1, 2, 3].map((v) => ledger.run(() => insert.run(v)));
    await Promise.all(full);
    assert.equal(commits(), 1, "no waiting for the delay when the group is full");
    ledger.defer(() => insert.run(4));
    assert.equal(ledger.pending, 1);
    ledger.close();
    assert.deepEqual(values(), [1, 2, 3, 4], "close() writes what was queued");
    ledger.defer(() => insert.run(5));
    assert.deepEqual(values(), [1, 2, 3, 4, 5], "and later ops at once");
  });
});
