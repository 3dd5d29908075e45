import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, mock } from "node:test";
import type { Api, Transformer } from "grammy";
import { pino } from "pino";
import { ProgressMessage } from "../../src/delivery/progress.js";
import { OutboundGate } from "../../src/telegram/outbound.js";

type Prev = Parameters<Transformer>[0];

const ok = (async () => ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } })) as unknown as Prev;
const refused = (async () => ({
  ok: false,
  error_code: 429,
  description: "Too Many Requests: retry after 5",
  parameters: { retry_after: 5 },
})) as unknown as Prev;

describe("outbound gate: whom a 429 holds back", () => {
  const config = { TELEGRAM_GLOBAL_RATE: 30, TELEGRAM_CHAT_RATE: 1, TELEGRAM_CHAT_BURST: 3, PAID_RATE_PER_SECOND: 1000 };

  it("a refused second message to one chat within a second holds back that chat only", async () => {
    const gate = new OutboundGate(config);
    const send = gate.transformer();
    await send(ok, "sendMessage", { chat_id: 1, text: "reply" });
    await send(refused, "sendMessage", { chat_id: 1, text: "progress" });
    assert.ok(gate.perChat.get(1).reserve() >= 4000, "the chat waits for retry_after");
    assert.ok(gate.global.reserve() < 1000, "other chats go on");
  });

  it("a refused message to a chat that had room holds back everyone", async () => {
    const gate = new OutboundGate(config);
    const send = gate.transformer();
    await send(refused, "sendDocument", { chat_id: 2, document: "x" });
    assert.ok(gate.global.reserve() >= 4000);
  });
});

describe("progress message pacing", () => {
  // Time is stepped, not slept: mocked timers, and performance.now (which
  // ProgressMessage measures the interval with) reading the mocked clock.
  beforeEach(() => {
    mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
    mock.method(performance, "now", () => Date.now());
  });
  afterEach(() => {
    mock.restoreAll();
    mock.timers.reset();
  });

  /** Lets the promise chains that a step of time released run to their end (setImmediate is not mocked). */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  function recordingApi(): { api: Api; calls: Array<{ method: string; text: string; at: number }> } {
    const calls: Array<{ method: string; text: string; at: number }> = [];
    const api = {
      sendMessage: async (_chat: number, text: string) => {
        calls.push({ method: "send", text, at: performance.now() });
        return { message_id: 7 };
      },
      editMessageText: async (_chat: number, _id: number, text: string) => {
        calls.push({ method: "edit", text, at: performance.now() });
        return true;
      },
    } as unknown as Api;
    return { api, calls };
  }

  it("coalesces updates within the interval, and settle() shows the latest at once", async () => {
    const { api, calls } = recordingApi();
    const progress = new ProgressMessage(api, 1, null, () => undefined, pino({ level: "silent" }), 200);
    progress.update("1");
    progress.update("2");
    progress.update("3");
    await settle();
    mock.timers.tick(199);
    await settle();
    assert.deepEqual(calls.map((c) => `${c.method} ${c.text}`), ["send 1"], "nothing more within the interval");
    mock.timers.tick(151);
    await settle();
    progress.update("4");
    const settling = performance.now();
    // No time passes from here on: settle() must finish without the interval's timer.
    let settled = false;
    const done = progress.settle().then(() => (settled = true));
    await settle();
    assert.ok(settled, "settle() does not wait for the interval");
    await done;
    assert.deepEqual(
      calls.map((c) => `${c.method} ${c.text}`),
      ["send 1", "edit 3", "edit 4"],
    );
    assert.ok(calls[1]!.at - calls[0]!.at >= 190, "intermediate edits wait for the interval");
    assert.ok(calls[2]!.at - settling < 100, "the final text does not wait");
  });
});
