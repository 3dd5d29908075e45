import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KeyedRateLimiter, RateLimiter } from "../../src/delivery/rate-limiter.js";

describe("rate limiter", () => {
  it("spaces slots at the rate after the burst, in call order", () => {
    let now = 0;
    const limiter = new RateLimiter(10, 3, () => now);
    const waits = Array.from({ length: 6 }, () => limiter.reserve());
    assert.deepEqual(waits.map(Math.round), [0, 0, 0, 100, 200, 300]);
    now = 1000;
    assert.equal(Math.round(limiter.reserve()), 0, "idle time refills the burst");
  });

  it("never exceeds the rate over any window", () => {
    const now = 0;
    const limiter = new RateLimiter(30, 5, () => now);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) times.push(now + limiter.reserve());
    for (let i = 0; i + 35 < times.length; i++) assert.ok(times[i + 35]! - times[i]! >= 1000, `window at ${i}`);
  });

  it("holds everyone back during a pause", () => {
    const now = 0;
    const limiter = new RateLimiter(100, 1, () => now);
    limiter.reserve();
    limiter.pause(5000);
    assert.ok(limiter.reserve() >= 5000);
  });

  it("keeps one limiter per key", () => {
    const now = 0;
    const keyed = new KeyedRateLimiter(1, 1, () => now);
    assert.equal(keyed.get(1).reserve(), 0);
    assert.equal(keyed.get(2).reserve(), 0);
    assert.equal(Math.round(keyed.get(1).reserve()), 1000);
  });
});

describe("keyed rate limiter", () => {
  it("forgets chats once their burst has refilled, keeps those in use and those paused", () => {
    let now = 0;
    const keyed = new KeyedRateLimiter(1, 3, () => now);
    for (let key = 0; key < 1500; key++) keyed.get(key);
    keyed.get(3).pause(30_000); // refused with retry_after: held back for 30 s
    now = 9_000;
    keyed.get(7); // still in use
    now = 10_000;
    for (let key = 2000; key < 2999; key++) keyed.get(key);
    assert.equal(keyed.size, 1001, "the 1 498 chats at rest are gone; the paused one, chat 7 and the 999 new ones stay");
    assert.equal(Math.round(keyed.get(7).reserve()), 0);
    assert.ok(keyed.get(3).reserve() >= 20_000, "the pause holds");
  });
});
