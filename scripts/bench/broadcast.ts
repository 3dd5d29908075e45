/**
 * Issue 17: a paid broadcast to N participants, the way an admin sends one:
 * a photo with the caption /broadcast, the preview, "Send to N". Every
 * participant gets a copy (copyMessage: nothing is uploaded again), timed
 * like the paid ticket wave (paid.ts).
 */
import type { Scenario } from "../../tests/support/harness.js";
import { makePdf } from "../../tests/support/fixtures.js";
import { waitForSummary } from "../../tests/support/waves.js";
import { benchCpuSince, concurrencyLabel, cpuSince, paidEnv, paidFigures, type PaidRun } from "./paid.js";
import { atMost, type BenchReport, fixed, mb, numberAfter, sec } from "./report.js";
import { seedParticipants, type SeededPerson } from "./seed.js";
import { trace } from "./trace.js";
import { benchScenario, callsSince, cpuOf, memoryOf, settle, tooManyRequests } from "./world.js";

const PARTICIPANT_FIRST_ID = 500_001;

export async function paidBroadcast(report: BenchReport, run: PaidRun & { participants: number }): Promise<void> {
  const name = `Paid broadcast (copyMessage), ${run.participants} participants, ${concurrencyLabel(run)}`;
  const sc = await benchScenario({ env: paidEnv(run), noStart: true });
  try {
    const people = seedParticipants(sc.env.DATABASE_PATH!, { count: run.participants, firstId: PARTICIPANT_FIRST_ID, founderId: sc.founder.id });
    for (const p of people) sc.emu.user({ id: p.id, username: p.username, languageCode: "en", started: true });
    await sc.startBot();

    const since = sc.founder.messages.length;
    sc.founder.sendPhoto(makePdf("hall plan"), { caption: "/broadcast The hall plan" });
    const sendButton = (m: { reply_markup?: { inline_keyboard: { text: string }[][] } }) => m.reply_markup?.inline_keyboard.flat().find((b) => b.text.startsWith("✅ Send to"));
    const panel = await sc.founder.waitFor((m) => sendButton(m) !== undefined, { since, timeoutMs: 30_000 });
    await settle(2000);

    const from = sc.emu.calls.length;
    const cpuBefore = cpuOf(sc);
    const benchBefore = process.cpuUsage();
    const started = Date.now();
    sc.founder.press(sendButton(panel)!.text, { messageId: panel.message_id });
    const summary = await waitForSummary(sc, since, (run.participants / 100) * 3_000 + 60_000);
    const wallMs = summary.receivedAt - started;
    const memory = memoryOf(sc);
    const cpuUsed = cpuSince(cpuBefore, cpuOf(sc));
    const emulatorCpuSeconds = benchCpuSince(benchBefore);
    const calls = callsSince(sc, from);
    trace(name, calls, started);

    report.figure(name, "wall time Send → summary", sec(wallMs / 1000));
    report.figure(name, "messages/s, Send → summary", fixed(run.participants / (wallMs / 1000)));
    paidFigures(report, name, {
      calls,
      method: "copyMessage",
      deliveries: run.participants,
      cpu: cpuUsed,
      run,
      emulator: { cpuSeconds: emulatorCpuSeconds, wallSeconds: wallMs / 1000 },
    });
    const copies = calls.filter((c) => c.method === "copyMessage").length;
    const refused = tooManyRequests(calls, "copyMessage");
    report.figure(name, "429s received: copies / all calls", `${refused} / ${tooManyRequests(calls)}`);
    report.figure(name, "share of copies answered 429", `${fixed((refused / Math.max(1, copies)) * 100, 2)} %`, atMost(refused / Math.max(1, copies), 0.01, "≤ 1 %"));
    const delivery = onceEach(sc, people);
    report.figure(name, "duplicates", String(delivery.duplicates), atMost(delivery.duplicates, 0, "0"));
    report.figure(name, "peak RSS of the bot", mb(memory.peakMb));

    report.check(name, "summary reports every participant as sent", numberAfter(summary.text, "✅") === run.participants, (summary.text ?? "").split("\n").slice(0, 3).join(" / "));
    report.check(name, "exactly once: every participant got one copy", delivery.ok, delivery.detail);
    const sent = sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'")[0]!.n;
    report.check(name, "database: every delivery recorded as sent", sent === run.participants, `${sent} of ${run.participants}`);
  } finally {
    await sc.stop();
  }
}

/** One copy of the photo in each participant's chat, from the emulator's side. */
function onceEach(sc: Scenario, people: readonly SeededPerson[]): { ok: boolean; duplicates: number; detail: string } {
  let missing = 0;
  let duplicates = 0;
  for (const person of people) {
    const photos = sc.emu.getUser(person.id)!.messages.filter((m) => m.photo !== undefined).length;
    if (photos === 0) missing++;
    duplicates += Math.max(0, photos - 1);
  }
  return { ok: missing === 0 && duplicates === 0, duplicates, detail: `${people.length - missing} of ${people.length} served, ${duplicates} repeats` };
}
