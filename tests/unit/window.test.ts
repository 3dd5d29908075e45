import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AutoWindow, SendWindow } from "../../src/delivery/window.js";

describe("send window", () => {
  it("grows and shrinks while sends are in flight, in call order", async () => {
    const window = new SendWindow(2);
    await window.acquire();
    await window.acquire();
    const order: number[] = [];
    const third = window.acquire().then(() => order.push(3));
    const fourth = window.acquire().then(() => order.push(4));
    window.resize(3);
    await third;
    assert.deepEqual(order, [3], "a larger window lets the next one in at once");
    window.resize(1);
    window.release();
    window.release();
    await Promise.resolve();
    assert.deepEqual(order, [3], "a smaller window lets nobody in until only one is in flight");
    window.release();
    await fourth;
    assert.deepEqual(order, [3, 4]);
    assert.equal(window.active, 1);
  });
});

describe("automatic window (SEND_CONCURRENCY=auto)", () => {
  it("keeps rate × measured time per send in flight, with headroom", () => {
    const paid = new AutoWindow(1000);
    for (let i = 0; i < 200; i++) paid.observe(150);
    // 1 000/s × 0.15 s = 150 in flight, × 1.5 headroom + 2 (the average is still a hair above 150).
    assert.ok(Math.abs(paid.size() - 227) <= 1, String(paid.size()));
    const free = new AutoWindow(25);
    for (let i = 0; i < 200; i++) free.observe(150);
    assert.ok(Math.abs(free.size() - 8) <= 1, String(free.size()));
  });

  it("follows a slower network, within its bounds", () => {
    const window = new AutoWindow(1000);
    for (let i = 0; i < 200; i++) window.observe(150);
    const before = window.size();
    for (let i = 0; i < 200; i++) window.observe(400);
    assert.ok(window.size() > before * 2, `${before} → ${window.size()}`);
    for (let i = 0; i < 200; i++) window.observe(5_000);
    assert.equal(window.size(), 1000, "never more than 1 000 in flight");
    const slow = new AutoWindow(1);
    for (let i = 0; i < 200; i++) slow.observe(10);
    assert.equal(slow.size(), 4, "never fewer than 4");
  });
});
