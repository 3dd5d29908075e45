import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { DatabaseVersionError, migrate, openDatabase } from "../../src/db/database.js";
import { MAX_BAD_ATTEMPTS, RESERVATION_MS } from "../../src/db/repos/invites.js";
import { createRepos, type Repos } from "../../src/db/repos/index.js";
import { eraseUser } from "../../src/people/erasure.js";

function fresh(): Repos {
  return createRepos(openDatabase(":memory:"));
}

function visitor(repos: Repos, id: number, username?: string) {
  repos.users.touch({ id, first_name: `User${id}`, ...(username ? { username } : {}) });
}

/** A user who opened `code`, accepted, and completed. */
function registerWith(repos: Repos, id: number, code: string, now = Date.now()) {
  visitor(repos, id, `user${id}`);
  assert.equal(repos.invites.open(id, code, now).ok, true);
  assert.ok(repos.invites.recordConsent(id, "en-abc", now));
  return repos.invites.complete(id, now);
}

describe("database", () => {
  it("runs in WAL mode with foreign keys and records its schema version", () => {
    const db = openDatabase(":memory:");
    assert.equal(db.pragma("foreign_keys", { simple: true }), 1);
    assert.ok((db.pragma("user_version", { simple: true }) as number) >= 1);
  });

  it("refuses a database written by a newer release", () => {
    const db = new Database(":memory:");
    db.pragma("user_version = 999");
    assert.throws(() => migrate(db), DatabaseVersionError);
  });
});

describe("registration", () => {
  it("consumes a code only when the registration completes, and only once", () => {
    const repos = fresh();
    repos.invites.createBatch(["CODE1"], 1, null);
    visitor(repos, 10, "ten");
    const opened = repos.invites.open(10, "CODE1");
    assert.equal(opened.ok, true);
    assert.equal(repos.invites.find("CODE1")!.used_by, null, "opening does not consume");
    assert.equal(repos.invites.complete(10), "no_pending", "no consent yet");
    repos.invites.recordConsent(10, "en-abc");
    assert.equal(repos.invites.complete(10), "registered");
    assert.equal(repos.invites.find("CODE1")!.used_by, 10);
    const user = repos.users.findById(10)!;
    assert.equal(user.invite_code, "CODE1");
    assert.equal(user.agreement_version, "en-abc");
    assert.equal(user.registration_seq, 1);
    assert.deepEqual(repos.invites.open(11, "CODE1"), { ok: false, reason: "used" });
  });

  it("lets exactly one of two users racing for a code win", () => {
    const repos = fresh();
    repos.invites.createBatch(["RACE"], 1, null);
    visitor(repos, 1, "one");
    visitor(repos, 2, "two");
    assert.equal(repos.invites.open(1, "RACE").ok, true);
    assert.deepEqual(repos.invites.open(2, "RACE"), { ok: false, reason: "reserved" });
    // The reservation lapses after 24 h; then the other may take it, and the first loses it.
    const later = Date.now() + RESERVATION_MS + 1;
    assert.equal(repos.invites.open(2, "RACE", later).ok, true);
    repos.invites.recordConsent(2, "v", later);
    repos.invites.recordConsent(1, "v", later);
    const results = [repos.invites.complete(1, later), repos.invites.complete(2, later)];
    assert.deepEqual(results.sort(), ["no_pending", "registered"]);
    assert.equal(repos.invites.find("RACE")!.used_by, 2);
  });

  it("refuses revoked and expired codes and frees their reservations", () => {
    const repos = fresh();
    const now = Date.now();
    repos.invites.createBatch(["A", "B"], 1, now + 1000);
    repos.invites.createBatch(["C"], 1, null);
    assert.equal(repos.invites.revoke("A", 1), true);
    assert.deepEqual(repos.invites.open(5, "A"), { ok: false, reason: "revoked" });
    assert.deepEqual(repos.invites.open(5, "B", now + 2000), { ok: false, reason: "expired" });
    visitor(repos, 6, "six");
    assert.equal(repos.invites.open(6, "C").ok, true);
    assert.equal(repos.invites.revokeUnused(1, now + 2000), 1, "B has expired; only C was still usable");
    assert.equal(repos.invites.pending(6), undefined);
  });

  it("locks a user out after more than five bad codes in ten minutes", () => {
    const repos = fresh();
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_BAD_ATTEMPTS; i++) assert.equal(repos.invites.recordBadAttempt(7, t0 + i), false);
    assert.equal(repos.invites.lockedUntil(7, t0 + 10), null);
    assert.equal(repos.invites.recordBadAttempt(7, t0 + 10), true);
    assert.equal(repos.invites.lockedUntil(7, t0 + 11), t0 + 10 + 600_000);
    assert.equal(repos.invites.lockedUntil(7, t0 + 10 + 600_001), null);
    // Attempts spread over more than ten minutes never lock.
    for (let i = 0; i < 20; i++) assert.equal(repos.invites.recordBadAttempt(8, t0 + i * 200_000), false);
  });

  it("erases a participant's personal data and chat log but keeps the id", () => {
    const repos = fresh();
    repos.invites.createBatch(["X"], 1, null);
    assert.equal(registerWith(repos, 20, "X"), "registered");
    repos.chatLog.record({ userId: 20, direction: "in", kind: "text", content: "my secret" });
    repos.security.record({ userId: 20, username: "user20", kind: "unauthorized", action: "/menu" });
    eraseUser(repos, 20);
    const user = repos.users.findById(20)!;
    assert.equal(user.username, null);
    assert.equal(user.first_name, null);
    assert.equal(user.registered_at, null);
    assert.ok(user.deleted_at);
    assert.equal(repos.chatLog.count(20), 0);
    assert.equal(repos.security.latest(1)[0]!.username, null);
    assert.equal(repos.users.countParticipants(), 0);
  });

  it("keeps registration order across deletions (sequence numbers never reused)", () => {
    const repos = fresh();
    repos.invites.createBatch(["P", "Q", "R"], 1, null);
    registerWith(repos, 1, "P");
    registerWith(repos, 2, "Q");
    eraseUser(repos, 2);
    registerWith(repos, 3, "R");
    assert.deepEqual(repos.users.participantsAfter(0, 10).map((u) => [u.id, u.registration_seq]), [[1, 1], [3, 3]]);
  });
});

describe("update inbox", () => {
  it("stores updates, advances the offset, drops repeats, and replays the unfinished", () => {
    const repos = fresh();
    const u = (id: number) => ({ update_id: id });
    assert.equal(repos.system.pollingOffset(), 0);
    assert.deepEqual(repos.system.storeUpdates([u(5), u(6)]), [u(5), u(6)]);
    assert.equal(repos.system.pollingOffset(), 7);
    repos.system.updateDone(5);
    // Telegram repeats updates whose confirmation never arrived: they are dropped.
    assert.deepEqual(repos.system.storeUpdates([u(5), u(6), u(7)]), [u(7)]);
    assert.deepEqual(repos.system.unfinishedUpdates(), [u(6), u(7)]);
  });
});

describe("usernames", () => {
  it("refresh on every update and move to whoever holds them now", () => {
    const repos = fresh();
    visitor(repos, 1, "alice");
    visitor(repos, 2, "bob");
    repos.users.touch({ id: 1, first_name: "A", username: "alice_new" });
    repos.users.touch({ id: 2, first_name: "B", username: "alice" });
    assert.equal(repos.users.findByUsername("@ALICE")!.id, 2);
    assert.equal(repos.users.findById(1)!.username, "alice_new");
  });
});
