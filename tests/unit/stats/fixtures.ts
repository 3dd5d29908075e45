import { FAILURE_KINDS as ENGINE_FAILURE_KINDS } from "../../../src/delivery/failures.js";
import type { DeliveryFailureKind, StatsData } from "../../../src/stats/types.js";

/** Every reason a delivery can be "not delivered": the engine's failure kinds and "erased". */
export const FAILURE_KINDS: readonly DeliveryFailureKind[] = [...ENGINE_FAILURE_KINDS, "erased"];

const HOUR = 3_600_000;
const MINUTE = 60_000;
const opened = Date.UTC(2026, 9, 1, 7);
const eventDay = Date.UTC(2026, 10, 21, 9);

/** A fresh event: no registrations, no wave, nothing sent, no check-ins. */
export function emptyStats(): StatsData {
  return {
    generatedAt: opened,
    timeZone: "Europe/Moscow",
    registrations: [],
    invites: { used: 0, unused: 0, expired: 0, revoked: 0 },
    deliveries: { sent: 0, notDelivered: {} },
    checkins: { total: 0, holders: 0, slotMinutes: 15, series: [] },
  };
}

/**
 * A 50 000-participant event at its end: 2 000 hourly registration points,
 * every failure kind, 96 quarter-hour check-in slots.
 */
export function fullStats(): StatsData {
  return {
    generatedAt: eventDay + 20 * HOUR,
    timeZone: "Europe/Moscow",
    eventName: "Весенняя конференция «Код и люди»",
    registrations: Array.from({ length: 2_000 }, (_, i) => ({ at: opened + i * HOUR, total: Math.round(50_000 * (1 - Math.exp(-i / 500))) })),
    invites: { used: 49_127, unused: 8_123, expired: 1_502, revoked: 77 },
    wave: { name: "Основная волна", available: 1_234, assigned: 2_000, sent: 45_000, archived: 300, missing: 12, revoked: 40 },
    deliveries: { sent: 47_000, notDelivered: Object.fromEntries(FAILURE_KINDS.map((kind, i) => [kind, (i + 1) * 37])) },
    checkins: {
      total: 31_234,
      holders: 47_000,
      slotMinutes: 15,
      series: Array.from({ length: 96 }, (_, i) => ({ at: eventDay + i * 15 * MINUTE, count: Math.round(1_500 * Math.exp(-((i - 24) ** 2) / 60)) })),
    },
  };
}

/** The longest caption there can be: every count at a billion less one, 64-character Cyrillic names. */
export function worstCaseStats(): StatsData {
  const most = 999_999_999;
  const data = fullStats();
  return {
    ...data,
    eventName: "Международная научно-практическая конференция «Щедрость»".padEnd(64, "ё"),
    registrations: [{ at: opened, total: most }],
    invites: { used: most, unused: most, expired: most, revoked: most },
    wave: { name: "Ш".repeat(64), available: most, assigned: most, sent: most, archived: most, missing: most, revoked: most },
    deliveries: { sent: most, notDelivered: Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, most])) },
    checkins: { ...data.checkins, total: most, holders: most },
  };
}
