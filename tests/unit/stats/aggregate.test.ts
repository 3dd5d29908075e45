import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkinSlots, cumulativeRegistrations, HOURLY_SPAN_MS } from "../../../src/stats/series.js";
import { FOUNDER, memoryWorld } from "../../support/memory.js";

/**
 * What /stats counts (ops.reports.stats()), through the use-case layer over
 * an in-memory database: the numbers the picture and its caption show.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ZONE = "Europe/Moscow"; // UTC+3 all year
/** 2026-11-20 12:00 in Moscow. */
const NOW = Date.UTC(2026, 10, 20, 9, 0);

function world() {
  const w = memoryWorld({ TIME_ZONE: ZONE });
  const ops = w.operations();
  const setRegistered = w.db.prepare<[number, number]>("UPDATE users SET registered_at = ? WHERE id = ?");
  /** A participant registered at a given moment. */
  const registerAt = (id: number, at: number) => {
    w.register(id);
    setRegistered.run(at, id);
  };
  return { ...w, ops, registerAt };
}

describe("the /stats numbers", () => {
  it("a fresh event: nothing registered, no wave, nothing sent, nobody inside", () => {
    const { ops } = world();
    const data = ops.reports.stats(NOW);
    assert.deepEqual(data, {
      generatedAt: NOW,
      timeZone: ZONE,
      registrations: [],
      invites: { used: 0, unused: 0, expired: 0, revoked: 0 },
      deliveries: { sent: 0, notDelivered: {} },
      checkins: { total: 0, holders: 0, slotMinutes: 15, series: [] },
    });
  });

  it("registrations: how many had registered at the start of each hour of the zone's clock, and now; organisers and erased people left out", () => {
    const w = world();
    w.registerAt(10, NOW - 3 * HOUR - 50 * MINUTE); // 08:10 Moscow
    w.registerAt(11, NOW - 3 * HOUR - 5 * MINUTE); //  08:55
    w.registerAt(12, NOW - 31 * MINUTE); //             11:29
    w.registerAt(13, NOW - 2 * HOUR); //                10:00, then made an admin
    w.registerAt(14, NOW - 2 * HOUR); //                10:00, then erased
    w.repos.admins.add(13, FOUNDER);
    w.repos.users.erase(14);
    const moscow = (hour: number, minute = 0) => Date.UTC(2026, 10, 20, hour - 3, minute);
    assert.deepEqual(w.ops.reports.stats(NOW + 20 * MINUTE).registrations, [
      { at: moscow(8), total: 0 },
      { at: moscow(9), total: 2 },
      { at: moscow(10), total: 2 },
      { at: moscow(11), total: 2 },
      { at: moscow(12), total: 3 },
      { at: moscow(12, 20), total: 3 },
    ]);
    assert.equal(w.ops.reports.stats(NOW).registrations.at(-1)!.at, moscow(12), "now at an hour's start: no second point there");
  });

  it("registrations over more than three days: one point per day, from midnight in the zone", () => {
    const w = world();
    w.registerAt(10, Date.UTC(2026, 10, 9, 21, 30)); // 10.11 00:30 Moscow
    w.registerAt(11, Date.UTC(2026, 10, 10, 20, 59)); // 10.11 23:59
    w.registerAt(12, Date.UTC(2026, 10, 10, 21, 0)); // 11.11 00:00
    const points = w.ops.reports.stats(NOW).registrations;
    assert.equal(points.length, 12, "10.11 to 20.11, and now");
    assert.deepEqual(points.slice(0, 3), [
      { at: Date.UTC(2026, 10, 9, 21), total: 0 },
      { at: Date.UTC(2026, 10, 10, 21), total: 2 },
      { at: Date.UTC(2026, 10, 11, 21), total: 3 },
    ]);
    assert.deepEqual(points.slice(-2), [
      { at: Date.UTC(2026, 10, 19, 21), total: 3 },
      { at: NOW, total: 3 },
    ]);
  });

  it("invites by status: used, unused, expired, revoked", () => {
    const w = world();
    w.register(10); // one used
    w.repos.invites.createBatch(["free-1", "free-2"], FOUNDER, null);
    w.repos.invites.createBatch(["old-1"], FOUNDER, NOW - HOUR);
    w.repos.invites.createBatch(["gone-1", "gone-2", "gone-3"], FOUNDER, null);
    for (const code of ["gone-1", "gone-2", "gone-3"]) w.repos.invites.revoke(code, FOUNDER);
    assert.deepEqual(w.ops.reports.stats(NOW).invites, { used: 1, unused: 2, expired: 1, revoked: 3 });
  });

  it("the open wave's tickets by state, and the event's name", () => {
    const w = world();
    assert.ok(w.ops.event.set({ part: "name", value: "Осенний бал", by: FOUNDER }).ok);
    w.register(10);
    const wave = w.waveWithTickets(4, "Главная");
    const ticket = w.repos.tickets.pickFor(wave.id, { id: 10, username: "user10" })!;
    assert.ok(w.repos.tickets.assign(ticket.id, 10));
    const data = w.ops.reports.stats(NOW);
    assert.equal(data.eventName, "Осенний бал");
    assert.deepEqual(data.wave, { name: "Главная", available: 3, assigned: 1, sent: 0, archived: 0, missing: 0, revoked: 0 });
    w.repos.waves.end(wave.id, FOUNDER);
    assert.equal(w.ops.reports.stats(NOW).wave, undefined, "no wave is open");
  });

  it("deliveries of tickets and announcements: sent, and not delivered by reason; notices are not deliveries", () => {
    const w = world();
    const { jobs } = w.repos;
    const tickets = jobs.create({ kind: "tickets", refId: 1, startedBy: FOUNDER, chatId: FOUNDER, locale: "ru", total: 0 }).id;
    const announcement = jobs.create({ kind: "broadcast", refId: 1, startedBy: FOUNDER, chatId: FOUNDER, locale: "ru", total: 0 }).id;
    const outcome = (jobId: number, userId: number, result: "sent" | { failed: string } | { skipped: string } | { notice: string }) => {
      if (typeof result === "object" && "notice" in result) {
        jobs.addDelivery({ jobId, userId, itemId: null, status: "skipped", notice: result.notice });
        return;
      }
      if (typeof result === "object" && "skipped" in result) {
        jobs.addDelivery({ jobId, userId, itemId: null, status: "skipped", errorKind: result.skipped });
        return;
      }
      const id = jobs.addDelivery({ jobId, userId, itemId: null, status: "pending" })!;
      assert.ok(jobs.claim(id));
      assert.ok(result === "sent" ? jobs.markSent(id, { messageId: 1, fileId: null }) : jobs.markFailure(id, "failed", result.failed, "…"));
    };
    outcome(tickets, 1, "sent");
    outcome(tickets, 2, "sent");
    outcome(tickets, 3, { failed: "blocked" });
    outcome(tickets, 4, { skipped: "erased" });
    outcome(tickets, 5, { skipped: "no_ticket" });
    outcome(tickets, 6, { notice: "no_ticket" });
    outcome(announcement, 1, "sent");
    outcome(announcement, 3, { failed: "blocked" });
    outcome(announcement, 7, { failed: "chat_not_found" });
    outcome(announcement, 8, { failed: "a kind from a later version" });
    assert.deepEqual(w.ops.reports.stats(NOW).deliveries, { sent: 3, notDelivered: { blocked: 2, erased: 1, chat_not_found: 1, internal: 1 } });
  });

  it("check-ins in force per quarter-hour of the event day, against the participants holding a ticket", () => {
    const w = world();
    for (const id of [10, 11, 12, 13]) w.register(id);
    const wave = w.waveWithTickets(4);
    for (const id of [10, 11, 12, 13]) {
      const ticket = w.repos.tickets.pickFor(wave.id, { id, username: `user${id}` })!;
      assert.ok(w.repos.tickets.assign(ticket.id, id));
      assert.ok(w.repos.tickets.markSent(ticket.id, id, { messageId: 1, fileId: "f" }));
    }
    const doors = Date.UTC(2026, 10, 21, 15, 0); // 18:00 Moscow
    w.repos.checkins.admit({ userId: 10, ticketId: null, by: FOUNDER, method: "manual" }, doors + 2 * MINUTE);
    w.repos.checkins.admit({ userId: 11, ticketId: null, by: FOUNDER, method: "manual" }, doors + 14 * MINUTE);
    w.repos.checkins.admit({ userId: 12, ticketId: null, by: FOUNDER, method: "manual" }, doors + 50 * MINUTE);
    w.repos.checkins.admit({ userId: 13, ticketId: null, by: FOUNDER, method: "manual" }, doors + 51 * MINUTE);
    w.repos.checkins.undo(13, FOUNDER);
    assert.deepEqual(w.ops.reports.stats(doors + 2 * HOUR).checkins, {
      total: 3,
      holders: 4,
      slotMinutes: 15,
      series: [
        { at: doors, count: 2 },
        { at: doors + 15 * MINUTE, count: 0 },
        { at: doors + 30 * MINUTE, count: 0 },
        { at: doors + 45 * MINUTE, count: 1 },
      ],
    });
  });
});

describe("time series in the zone's clock", () => {
  const quarter = (at: number, n = 1) => ({ quarter: at, n });

  it("hours of a zone half an hour off UTC start at its whole hours", () => {
    // Asia/Kolkata is UTC+5:30: 10:30 UTC is 16:00 there.
    const now = Date.UTC(2026, 0, 5, 11, 20);
    const points = cumulativeRegistrations([quarter(Date.UTC(2026, 0, 5, 10, 15)), quarter(Date.UTC(2026, 0, 5, 10, 30), 2)], now, "Asia/Kolkata");
    assert.deepEqual(points, [
      { at: Date.UTC(2026, 0, 5, 9, 30), total: 0 },
      { at: Date.UTC(2026, 0, 5, 10, 30), total: 1 },
      { at: now, total: 3 },
    ]);
  });

  it("days across a summer-time change each start at local midnight", () => {
    // Europe/Berlin leaves summer time on 25.10.2026: that day has 25 hours.
    const first = Date.UTC(2026, 9, 23, 22); // 24.10 00:00 CEST
    const now = first + HOURLY_SPAN_MS + 2 * HOUR;
    const points = cumulativeRegistrations([quarter(first), quarter(Date.UTC(2026, 9, 25, 23, 15))], now, "Europe/Berlin");
    assert.deepEqual(
      points.map((p) => p.at),
      [Date.UTC(2026, 9, 23, 22), Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 23), Date.UTC(2026, 9, 26, 23), now],
    );
    assert.deepEqual(
      points.map((p) => p.total),
      [0, 1, 1, 2, 2],
      "23:15 UTC on the 25th is already the 26th in Berlin (UTC+1 by then)",
    );
  });

  it("a long door day gets longer slots, never more than a day's quarter-hours", () => {
    const start = Date.UTC(2026, 5, 1, 8);
    const short = checkinSlots([quarter(start), quarter(start + 5 * HOUR)], "UTC");
    assert.equal(short.slotMinutes, 15);
    assert.equal(short.series.length, 21);
    const long = checkinSlots([quarter(start), quarter(start + 30 * HOUR)], "UTC");
    assert.equal(long.slotMinutes, 30);
    assert.ok(long.series.length <= 96);
    const festival = checkinSlots([quarter(start), quarter(start + 3 * 24 * HOUR)], "UTC");
    assert.equal(festival.slotMinutes, 60);
    assert.equal(festival.series.reduce((sum, slot) => sum + slot.count, 0), 2);
  });
});
