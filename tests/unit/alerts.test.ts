import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import { FounderAlerts, type AlertEvent, type FounderAlertsOptions } from "../../src/bot/alerts.js";
import type { Logger } from "../../src/logger.js";

const INTERVAL = 1_000;

/** Lets the flush that a fired timer started run to its end (setImmediate is not mocked). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function event(kind: AlertEvent["kind"], action: string): AlertEvent {
  return { kind, userId: 42, username: "intruder", action, at: Date.now() };
}

describe("FounderAlerts batching", () => {
  let sent: Array<{ founder: number; actions: string[] }>;
  let warnings: unknown[];

  const alerts = (options: Partial<FounderAlertsOptions> = {}) =>
    new FounderAlerts({
      founders: [1, 2],
      securityEnabled: true,
      intervalMs: INTERVAL,
      send: async (founder, events) => {
        sent.push({ founder, actions: events.map((e) => e.action) });
      },
      logger: { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger,
      ...options,
    });

  beforeEach(() => {
    sent = [];
    warnings = [];
    mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
  });
  afterEach(() => mock.timers.reset());

  it("sends the first event at once, to every founder", async () => {
    const a = alerts();
    a.push(event("unauthorized", "/export_users"));
    mock.timers.tick(0);
    await settle();
    assert.deepEqual(sent, [
      { founder: 1, actions: ["/export_users"] },
      { founder: 2, actions: ["/export_users"] },
    ]);
  });

  it("batches what follows into one message per founder when the interval is over", async () => {
    const a = alerts();
    a.push(event("unauthorized", "/export_users"));
    mock.timers.tick(0);
    await settle();
    mock.timers.tick(100);
    a.push(event("unauthorized", "/gen_invites"));
    a.push(event("lockout", "/start"));
    mock.timers.tick(300);
    a.push(event("unauthorized", "/broadcast"));
    mock.timers.tick(INTERVAL - 400 - 1);
    await settle();
    assert.equal(sent.length, 2, "nothing more before the interval since the first message is over");
    mock.timers.tick(1);
    await settle();
    assert.deepEqual(sent.slice(2), [
      { founder: 1, actions: ["/gen_invites", "/start", "/broadcast"] },
      { founder: 2, actions: ["/gen_invites", "/start", "/broadcast"] },
    ]);
    // A quiet interval later, the next event goes out at once again.
    mock.timers.tick(5 * INTERVAL);
    a.push(event("unauthorized", "/menu"));
    mock.timers.tick(0);
    await settle();
    assert.equal(sent.length, 6);
    assert.deepEqual(sent[5], { founder: 2, actions: ["/menu"] });
  });

  it("never sends more than one message per interval, however many events come, and loses none", async () => {
    const times: number[] = [];
    const actions: string[] = [];
    const a = alerts({
      founders: [1],
      send: async (_founder, events) => {
        times.push(Date.now());
        actions.push(...events.map((e) => e.action));
      },
    });
    const pushed: string[] = [];
    for (let i = 0; i < 100; i++) {
      pushed.push(`/x${i}`);
      a.push(event("unauthorized", `/x${i}`));
      mock.timers.tick(50);
      await settle();
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.ok(times.length >= 4, `${times.length} messages`);
    assert.ok(gaps.every((gap) => gap >= INTERVAL), `gaps ${gaps.join(", ")}`);
    await a.close();
    assert.deepEqual(actions, pushed, "every event once, in order");
  });

  it("drops security events when FOUNDER_ALERTS is off but still reports errors", async () => {
    const a = alerts({ securityEnabled: false });
    a.push(event("unauthorized", "/export_users"));
    a.push(event("lockout", "/start"));
    mock.timers.tick(INTERVAL * 2);
    await settle();
    assert.equal(sent.length, 0);
    a.push(event("error", "/send_tickets"));
    mock.timers.tick(0);
    await settle();
    assert.deepEqual(sent.map((s) => s.actions), [["/send_tickets"], ["/send_tickets"]]);
  });

  it("a founder who cannot be reached does not keep the others from hearing", async () => {
    const a = alerts({
      send: async (founder, events) => {
        if (founder === 1) throw new Error("Forbidden: bot was blocked by the user");
        sent.push({ founder, actions: events.map((e) => e.action) });
      },
    });
    a.push(event("unauthorized", "/export_users"));
    mock.timers.tick(0);
    await settle();
    assert.deepEqual(sent, [{ founder: 2, actions: ["/export_users"] }]);
    assert.equal(warnings.length, 1);
  });

  it("close() sends what is waiting instead of dropping it", async () => {
    const a = alerts({ founders: [1] });
    a.push(event("unauthorized", "/export_users"));
    mock.timers.tick(0);
    await settle();
    a.push(event("lockout", "/start"));
    await a.close();
    assert.deepEqual(sent.map((s) => s.actions), [["/export_users"], ["/start"]]);
    await a.close();
    assert.equal(sent.length, 2, "a second close sends nothing");
  });

  it("keeps at most the latest 200 events of a flood", async () => {
    const a = alerts({ founders: [1] });
    a.push(event("unauthorized", "first"));
    mock.timers.tick(0);
    await settle();
    for (let i = 0; i < 500; i++) a.push(event("unauthorized", `/x${i}`));
    mock.timers.tick(INTERVAL);
    await settle();
    assert.equal(sent.length, 2);
    assert.equal(sent[1]!.actions.length, 200);
    assert.equal(sent[1]!.actions.at(-1), "/x499");
  });
});
