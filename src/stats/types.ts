import type { FailureKind } from "../delivery/failures.js";

/**
 * Why a delivery did not reach its person, as the overview counts it: the
 * engine's failure kinds plus "erased" (the person was deleted while the
 * delivery was due), which the engine records as a skip.
 */
export type DeliveryFailureKind = FailureKind | "erased";

/**
 * Everything the /stats picture shows, already aggregated by the caller (SQL
 * GROUP BY); the renderer only draws. Times are epoch milliseconds and are
 * shown in `timeZone`.
 */
export interface StatsData {
  generatedAt: number;
  /** IANA zone (the configured TIME_ZONE): the picture shows times in it and names it. */
  timeZone: string;
  eventName?: string;
  /** Participants registered so far, one point per period (hour or day), ascending; may be empty. */
  registrations: Array<{ at: number; total: number }>;
  invites: { used: number; unused: number; expired: number; revoked: number };
  /** The open wave's tickets by state; absent when no wave is open. */
  wave?: { name: string; available: number; assigned: number; sent: number; archived: number; missing: number; revoked: number };
  /** Deliveries of tickets and announcements: sent, and not delivered by reason (kinds with no count may be left out). */
  deliveries: { sent: number; notDelivered: Partial<Record<DeliveryFailureKind, number>> };
  /**
   * Check-ins: `total` people checked in of `holders` participants with a
   * ticket, and the count per slot of `slotMinutes` (slot start `at`,
   * ascending) over the event day; the series may be empty.
   */
  checkins: { total: number; holders: number; slotMinutes: number; series: Array<{ at: number; count: number }> };
}
