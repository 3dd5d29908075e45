/**
 * Scenario 6 (issue 14): the event day. A door team of three checks N people
 * in by scanning their passes (/start <pass> from a steward's account, as the
 * QR image's deep link does), each steward a third of the queue, back to
 * back: the next scan as soon as the answer is on screen. Some passes are
 * scanned by two stewards at the same moment (a person waved through at two
 * lanes); exactly one of them may admit.
 *
 * The participants, their sent tickets and their passes are seeded into
 * SQLite; the stewards become door staff through /add_staff.
 */
import type { SimUser } from "../../tests/support/emulator/index.js";
import { type BenchReport, cpuUse, fixed, mb, sec } from "./report.js";
import { seedPassHolders, type PassHolder } from "./seed.js";
import { trace } from "./trace.js";
import { benchScenario, callsSince, cpuSecondsOf, memoryOf, percentile, settle, TELEGRAM_FLOOD, TELEGRAM_LIKE } from "./world.js";

export interface DoorRun {
  people: number;
  /** Every N-th pass is also scanned by a second steward at the same moment. */
  doubleEvery: number;
  /**
   * telegram: the stewards' chats get Telegram's ~1 message/s (burst 3) like
   * every chat; lifted: no per-chat limit (bot and emulator), so the figure is
   * the bot's own pace under the 30 messages/s global limit.
   */
  chatLimit: "telegram" | "lifted";
}

const STEWARDS = 3;
const PARTICIPANT_FIRST_ID = 400_001;
const WAIT_MS = 60_000;

type Verdict = "admitted" | "already_inside" | "invalid" | "other";

interface Scan {
  holder: PassHolder;
  steward: number;
  sentAt: number;
  answeredAt: number;
  verdict: Verdict;
  text: string;
}

/** One steward's queue: passes in scanning order; a double scan sits at the same place in two queues. */
interface QueueEntry {
  holder: PassHolder;
  /** Both stewards send this scan together. */
  rendezvous?: Rendezvous;
}

export async function doorScans(report: BenchReport, run: DoorRun): Promise<void> {
  const lifted = run.chatLimit === "lifted";
  const name = `Door, ${STEWARDS} stewards check in ${run.people} people${lifted ? " (per-chat limit lifted)" : " (Telegram's per-chat pace)"}`;
  const sc = await benchScenario({
    noStart: true,
    ...(lifted ? { emulator: { flood: { ...TELEGRAM_LIKE.flood, perChatPerSecond: 0 } }, env: { TELEGRAM_CHAT_RATE: "100", TELEGRAM_CHAT_BURST: "100" } } : {}),
  });
  try {
    const holders = seedPassHolders(sc.env.DATABASE_PATH!, { count: run.people, firstId: PARTICIPANT_FIRST_ID, founderId: sc.founder.id });
    for (const h of holders) sc.emu.user({ id: h.id, username: h.username, languageCode: "en", started: true });
    await sc.startBot();
    const stewards = Array.from({ length: STEWARDS }, (_, i) => sc.user({ username: `steward_${i + 1}`, firstName: `Steward${i + 1}` }));
    for (const steward of stewards) {
      await sc.ask(steward, "/myid");
      const added = await sc.ask(sc.founder, `/add_staff ${steward.id}`);
      if (!/door staff/.test(added.text ?? "")) throw new Error(`/add_staff answered: ${added.text}`);
    }
    await settle(2000);

    const queues = plan(holders, run.doubleEvery);
    const doubles = queues.flat().filter((e) => e.rendezvous).length / 2;
    const from = sc.emu.calls.length;
    const cpuBefore = cpuSecondsOf(sc);
    const started = Date.now();
    const scans = (await Promise.all(queues.map((queue, i) => scanAll(stewards[i]!, i, queue)))).flat();
    const wallMs = Math.max(...scans.map((s) => s.answeredAt)) - started;
    const cpu = cpuSecondsOf(sc) - cpuBefore;
    const memory = memoryOf(sc);
    trace(name, callsSince(sc, from), started);

    const latencies = scans.map((s) => s.answeredAt - s.sentAt);
    report.figure(name, `scans: ${run.people} passes, ${doubles} of them by two stewards at once`, String(scans.length));
    report.figure(name, "wall time, first scan → last answer", sec(wallMs / 1000));
    report.figure(name, "scans/s (all stewards)", fixed(scans.length / (wallMs / 1000)));
    if (!lifted) report.figure(name, `bound: ${STEWARDS} chats × ${TELEGRAM_FLOOD.perChatPerSecond} message/s`, `${STEWARDS * TELEGRAM_FLOOD.perChatPerSecond} scans/s`);
    report.figure(name, "scan → answer: p50 / p95", `${sec(percentile(latencies, 50) / 1000, 2)} / ${sec(percentile(latencies, 95) / 1000, 2)}`);
    report.figure(name, "bot CPU: share of one core / per scan", cpuUse(cpu, wallMs / 1000, scans.length));
    report.figure(name, "peak RSS of the bot", mb(memory.peakMb));

    checkScans(report, name, sc.query.bind(sc), scans, run.people);
  } finally {
    await sc.stop();
  }
}

/**
 * Splits the people into the stewards' queues, a third each; every
 * `doubleEvery`-th pass also goes to the next steward's queue, right after
 * that steward's own pass at the same place, and both send it together.
 * With at most one double scan per place (doubleEvery > STEWARDS) no two
 * stewards can wait for each other in a circle.
 */
function plan(holders: readonly PassHolder[], doubleEvery: number): QueueEntry[][] {
  if (doubleEvery <= STEWARDS) throw new RangeError(`doubleEvery must exceed ${STEWARDS}`);
  const own: QueueEntry[][] = Array.from({ length: STEWARDS }, () => []);
  const borrowed = new Map<string, QueueEntry>();
  holders.forEach((holder, i) => {
    const entry: QueueEntry = { holder };
    const steward = i % STEWARDS;
    if (i % doubleEvery === doubleEvery - 1) {
      entry.rendezvous = new Rendezvous(2);
      borrowed.set(`${(steward + 1) % STEWARDS}:${Math.floor(i / STEWARDS)}`, { holder, rendezvous: entry.rendezvous });
    }
    own[steward]!.push(entry);
  });
  const places = Math.ceil(holders.length / STEWARDS);
  return own.map((queue, steward) =>
    Array.from({ length: places }, (_, place) => [queue[place], borrowed.get(`${steward}:${place}`)]).flat().filter((e) => e !== undefined),
  );
}

/** One steward: scan, wait for the answer on screen, next. */
async function scanAll(steward: SimUser, index: number, queue: readonly QueueEntry[]): Promise<Scan[]> {
  const scans: Scan[] = [];
  for (const entry of queue) {
    if (entry.rendezvous) await entry.rendezvous.arrive();
    const since = steward.messages.length;
    const sentAt = Date.now();
    steward.send(`/start ${entry.holder.pass}`);
    const answer = await steward.waitFor(() => true, { since, timeoutMs: WAIT_MS });
    const text = answer.text ?? "";
    scans.push({ holder: entry.holder, steward: index, sentAt, answeredAt: answer.receivedAt, verdict: verdictOf(text), text });
  }
  return scans;
}

function verdictOf(text: string): Verdict {
  if (text.startsWith("✅")) return "admitted";
  if (text.startsWith("⛔")) return "already_inside";
  if (text.startsWith("❌")) return "invalid";
  return "other";
}

/**
 * Exactly one admission per person: every single scan ✅, every double scan
 * one ✅ and one ⛔, and the database holds one check-in per person, N in all.
 */
function checkScans(report: BenchReport, name: string, query: <T>(sql: string) => T[], scans: readonly Scan[], people: number): void {
  const byPerson = new Map<number, Scan[]>();
  for (const scan of scans) byPerson.set(scan.holder.id, [...(byPerson.get(scan.holder.id) ?? []), scan]);
  const wrongSingles = [...byPerson.values()].filter((s) => s.length === 1 && s[0]!.verdict !== "admitted");
  const doubles = [...byPerson.values()].filter((s) => s.length === 2);
  const wrongDoubles = doubles.filter((s) => s.filter((x) => x.verdict === "admitted").length !== 1 || s.filter((x) => x.verdict === "already_inside").length !== 1);
  const example = (s: Scan[] | undefined) => (s ? `; e.g. ${s.map((x) => `steward ${x.steward + 1}: ${x.text.split("\n")[0]}`).join(" | ")}` : "");
  report.check(name, "every pass scanned once was admitted (✅)", wrongSingles.length === 0, `${byPerson.size - doubles.length - wrongSingles.length} of ${byPerson.size - doubles.length}${example(wrongSingles[0])}`);
  report.check(
    name,
    "every pass scanned by two stewards at once: one ✅, the other ⛔",
    wrongDoubles.length === 0 && doubles.length > 0,
    `${doubles.length - wrongDoubles.length} of ${doubles.length}${example(wrongDoubles[0])}`,
  );
  const [stored] = query<{ n: number; people: number; admitted: number }>(
    `SELECT (SELECT COUNT(*) FROM checkins WHERE undone_at IS NULL) AS n, (SELECT COUNT(DISTINCT user_id) FROM checkins) AS people,
            (SELECT COUNT(*) FROM door_log WHERE result = 'admitted') AS admitted`,
  );
  report.check(
    name,
    `database: exactly ${people} check-ins, one per person, ${people} admissions in the door log`,
    stored!.n === people && stored!.people === people && stored!.admitted === people,
    `${stored!.n} check-ins of ${stored!.people} people, ${stored!.admitted} admissions logged`,
  );
}

/** Resolves every caller once `parties` have arrived: two stewards press the shutter together. */
class Rendezvous {
  private arrived = 0;
  private release: (() => void) | undefined;
  private readonly all = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly parties: number) {}

  arrive(): Promise<void> {
    if (++this.arrived >= this.parties) this.release!();
    return this.all;
  }
}
