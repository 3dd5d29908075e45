/** Debug aid (BENCH_TRACE=file): the emulator's calls of a scenario as JSON lines. */
import { writeFileSync } from "node:fs";
import type { ApiCall } from "../../tests/support/emulator/index.js";

export function trace(label: string, calls: readonly ApiCall[], t0: number): void {
  const file = process.env.BENCH_TRACE;
  if (!file) return;
  const lines = calls.map((c) =>
    JSON.stringify({ t: c.at - t0, ms: c.durationMs, m: c.method, s: c.status, chat: c.chatId, d: c.status === 200 ? undefined : c.description }),
  );
  writeFileSync(`${file}.${label.replace(/\W+/g, "_")}.jsonl`, lines.join("\n") + "\n");
}
