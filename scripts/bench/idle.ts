/** Scenario 5: the bot's memory once it has started and is waiting for updates. */
import { setTimeout as sleep } from "node:timers/promises";
import { atMost, type BenchReport, mb } from "./report.js";
import { benchScenario, memoryOf } from "./world.js";

export async function idle(report: BenchReport, run: { settleMs: number }): Promise<void> {
  const name = "Idle";
  const sc = await benchScenario();
  try {
    // Start-up work (command menus, the first long poll) is over by then.
    await sleep(run.settleMs);
    const memory = memoryOf(sc);
    report.figure(name, `RSS ${run.settleMs / 1000} s after start-up`, mb(memory.rssMb), atMost(memory.rssMb, 120, "< 120 MB"));
    report.figure(name, "peak RSS during start-up", mb(memory.peakMb));
    report.check(name, "the bot is polling", sc.emu.isPolling());
  } finally {
    await sc.stop();
  }
}
