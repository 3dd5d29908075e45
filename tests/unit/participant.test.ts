import { chatLogText } from "../../src/reports/markers.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { eventCalendar } from "../../src/event/ics.js";
import { eraseUser } from "../../src/people/erasure.js";
import { RELAY_LIMIT, RELAY_WINDOW_MS } from "../../src/questions/operations.js";
import { formatDateTime, parseLocalDateTime } from "../../src/time.js";
import { FOUNDER, idleEngine, idleRelay, memoryEngine, memoryWorld, until } from "../support/memory.js";
import { createI18n, translator } from "../../src/i18n.js";

const en = translator(createI18n("ru"), "en");

/** The participant's side (issue 15) through the use-case layer: waiting list, relay limits, erasure, event details. */

const [ANNA, BORIS, CLARA] = [20, 21, 22];

/** Runs one ticket job of the wave to its end and returns what the fake Bot API was asked, per person. */
async function runJob(world: ReturnType<typeof memoryWorld>, waveId: number) {
  const fake = memoryEngine(world);
  const jobId = fake.sendTickets(world.repos.waves.byId(waveId)!);
  fake.engine.start();
  await until(() => world.repos.jobs.byId(jobId)!.status === "done", "the job ends");
  await fake.engine.stop(100);
  const to = (id: number) => fake.calls.filter((c) => c.chatId === id).map((c) => c.method);
  return { jobId, calls: fake.calls, to };
}

describe("the waiting list", () => {
  it("people left without are told once per wave, then served first, before plain registration order", async () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS, CLARA]) world.register(id);
    const first = world.waveWithTickets(1, "One");
    const one = await runJob(world, first.id);
    assert.deepEqual([one.to(ANNA), one.to(BORIS), one.to(CLARA)], [["sendDocument"], ["sendMessage"], ["sendMessage"]]);
    assert.deepEqual([world.repos.waiting.of(BORIS)?.wave_id, world.repos.waiting.of(CLARA)?.wave_id], [first.id, first.id]);
    const tally = world.repos.jobs.tally(one.jobId);
    assert.deepEqual([tally.sent, tally.skippedByKind.no_ticket, tally.told.no_ticket], [1, 2, 2], "notices are counted as no ticket, not as sent");

    // /send_tickets again in the same wave, still no ticket: nobody is told twice.
    world.repos.waves.transition(first.id, "sending", "confirmed");
    const again = await runJob(world, first.id);
    assert.deepEqual([again.to(BORIS), again.to(CLARA)], [[], []], "no ticket left, and each was told in this wave already");
    assert.equal(world.repos.jobs.tally(again.jobId).skippedByKind.no_ticket, 2);

    // A new wave with one ticket: Anna registered first, but Boris and Clara wait — Boris since the same moment as Clara, by id.
    world.repos.waves.end(first.id, FOUNDER);
    const second = world.waveWithTickets(1, "Two");
    const two = await runJob(world, second.id);
    assert.deepEqual(two.to(BORIS), ["sendDocument"], "the longest waiting is served first");
    assert.deepEqual([two.to(ANNA), two.to(CLARA)], [["sendMessage"], ["sendMessage"]], "told once in this new wave");
    assert.equal(world.repos.waiting.of(BORIS), undefined, "a ticket takes him off the list");
    assert.ok(world.repos.waiting.of(ANNA)!.since > world.repos.waiting.of(CLARA)!.since, "Anna queues behind Clara");
  });

  it("the end of a wave tells those who were waiting in it, through a quiet job of notices", async () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS]) world.register(id);
    const wave = world.waveWithTickets(1, "Only");
    await runJob(world, wave.id);
    world.repos.waves.transition(wave.id, "sending", "confirmed");
    const engine = idleEngine();
    const ops = world.operations(engine);
    const asked = ops.waves.requestEnd({ by: FOUNDER, chatId: FOUNDER });
    assert.ok(asked.ok);
    const ended = ops.waves.confirmEnd({ prompt: world.repos.prompts.byId(asked.promptId)!, by: FOUNDER });
    assert.ok(ended.ok && ended.waiting === 1);
    assert.equal(engine.kicks, 1);
    const fake = memoryEngine(world);
    fake.engine.start();
    const job = world.repos.jobs.unfinished()[0]!;
    assert.equal(job.notice, "wave_ended");
    await until(() => world.repos.jobs.byId(job.id)!.status === "done", "the notices are sent");
    await fake.engine.stop(100);
    assert.deepEqual(fake.calls.map((c) => [c.method, c.chatId]), [["sendMessage", BORIS]], "Boris only, and no progress or summary to the admin");
  });

  it("/ticket says which step someone without a ticket is at", async () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS]) world.register(id);
    const ops = world.operations();
    assert.deepEqual(ops.tickets.own(ANNA), { ok: false, reason: "no_wave" });
    const wave = world.waveWithTickets(1, "W");
    assert.deepEqual(ops.tickets.own(ANNA), { ok: false, reason: "not_sent" });
    await runJob(world, wave.id);
    assert.equal(ops.tickets.own(ANNA).ok, true);
    assert.deepEqual(ops.tickets.own(BORIS), { ok: false, reason: "waiting" });
    world.repos.waves.end(wave.id, FOUNDER);
    assert.deepEqual(ops.tickets.own(BORIS), { ok: false, reason: "wave_ended" });
  });
});

describe("questions to the organisers", () => {
  const question = (messageId: number) => ({ userId: ANNA, messageId, kind: "text", content: `question ${messageId}` });

  it(`relays at most ${RELAY_LIMIT} a minute per participant; the rest wait in one batch for the window; one acknowledgement a minute`, async () => {
    const world = memoryWorld();
    world.register(ANNA);
    const relay = idleRelay();
    const ops = world.operations(idleEngine(), relay);
    const t0 = 1_000_000;
    const results = [];
    for (const i of [0, 1, 2, 3, 4]) results.push(await ops.questions.receive(question(i + 1), t0 + i * 1000));
    assert.deepEqual(results.map((r) => r.ok && r.relayed), ["now", "now", "now", "batched", "batched"]);
    assert.deepEqual(results.map((r) => r.ok && r.acknowledge), [true, false, false, false, false]);
    const [fourth, fifth] = [results[3]!, results[4]!];
    assert.ok(fourth.ok && fifth.ok);
    assert.equal(fourth.relayId, fifth.relayId, "one batch");
    assert.equal(fourth.dueAt, t0 + RELAY_WINDOW_MS, "due when the first relay leaves the window");
    assert.deepEqual(world.repos.questions.due(10, t0 + 5000).map((r) => r.id).length, 3, "the batch is not due yet");
    assert.equal(world.repos.questions.due(10, t0 + RELAY_WINDOW_MS).length, 4, "now it is");
    assert.equal(relay.kicks, 5);
    // Once the minute is over, a new message is acknowledged again; while the batch waits, it joins the batch.
    const later = await ops.questions.receive(question(6), t0 + RELAY_WINDOW_MS - 1);
    assert.ok(later.ok && later.relayId === fourth.relayId && !later.acknowledge);
    const next = await ops.questions.receive(question(7), t0 + RELAY_WINDOW_MS + 2000);
    assert.ok(next.ok && next.acknowledge);
    assert.equal(world.repos.questions.questionsOf(fourth.relayId).length, 3, "nothing lost: every message is in its relay");
  });

  it("visitors' and organisers' messages are not questions", async () => {
    const world = memoryWorld();
    world.repos.users.seen(ANNA);
    const ops = world.operations(idleEngine(), idleRelay());
    assert.deepEqual(await ops.questions.receive(question(1)), { ok: false, reason: "not_participant" });
    assert.deepEqual(await ops.questions.receive({ ...question(1), userId: FOUNDER }), { ok: false, reason: "not_participant" });
  });

  it("only owners' and admins' replies to a relayed message answer it; a deleted participant gets nothing", async () => {
    const world = memoryWorld();
    world.register(ANNA);
    world.register(BORIS);
    const relay = idleRelay();
    const ops = world.operations(idleEngine(), relay);
    const received = await ops.questions.receive(question(7));
    assert.ok(received.ok);
    world.repos.questions.recordMessage(received.relayId, FOUNDER, 500, "card");
    world.repos.questions.recordMessage(received.relayId, BORIS, 501, "card");
    const message = { message_id: 9, date: 0, chat: { id: FOUNDER, type: "private" as const, first_name: "F" }, text: "Yes" };
    assert.deepEqual(await ops.questions.answer({ chatId: FOUNDER, replyTo: 499, by: FOUNDER, message }), { ok: false, reason: "not_a_question" });
    assert.deepEqual(await ops.questions.answer({ chatId: BORIS, replyTo: 501, by: BORIS, message }), { ok: false, reason: "not_admin" });
    const answered = await ops.questions.answer({ chatId: FOUNDER, replyTo: 500, by: FOUNDER, message });
    assert.ok(answered.ok && answered.user.id === ANNA);
    assert.deepEqual(relay.answers, [{ userId: ANNA, quote: 7 }]);
    assert.deepEqual(relay.answered, [received.relayId]);
    assert.equal(world.repos.questions.relay(received.relayId)!.answered_by, FOUNDER);
    eraseUser(world.repos, ANNA);
    assert.deepEqual(await ops.questions.answer({ chatId: FOUNDER, replyTo: 500, by: FOUNDER, message }), { ok: false, reason: "gone", userId: ANNA });
    assert.equal(relay.answers.length, 1);
  });

  it("an erasure removes the questions and reduces their relayed copies in admins' chat logs to #id", async () => {
    const world = memoryWorld();
    world.register(ANNA, "anna_secret");
    const ops = world.operations(idleEngine(), idleRelay());
    const received = await ops.questions.receive({ userId: ANNA, messageId: 3, kind: "text", content: "my phone is 555-0199" });
    assert.ok(received.ok);
    // The card as the bot sent it to the founder, then edited (answered), and a person card shown to him.
    world.repos.chatLog.record({ userId: FOUNDER, direction: "out", kind: "text", messageId: 40, content: "❓ Question from User20, @anna_secret (20):\n\nmy phone is 555-0199" });
    world.repos.chatLog.record({ userId: FOUNDER, direction: "out", kind: "edit_text", messageId: 40, content: "[edited] ❓ Question from User20, @anna_secret (20): my phone is 555-0199 ✅" });
    world.repos.chatLog.record({ userId: FOUNDER, direction: "out", kind: "text", messageId: 41, content: "Person card: User20, @anna_secret (20)" });
    world.repos.chatLog.record({ userId: FOUNDER, direction: "in", kind: "text", messageId: 42, content: "Thanks, we will call" });
    world.repos.questions.recordMessage(received.relayId, FOUNDER, 40, "card");
    // The same card in the support group leaves no chat-log line (groups have none): only its message id.
    world.repos.questions.recordMessage(received.relayId, -100123, 7, "card");
    // A batch still waiting is never sent after the erasure.
    world.repos.questions.createRelay(ANNA, Date.now() + 30_000);

    const erasure = eraseUser(world.repos, ANNA);
    assert.equal(erasure.questions, 1);
    const lines = [...world.repos.chatLog.iterate(FOUNDER)].map((l) => chatLogText(l, en));
    assert.deepEqual(lines, ["[question from #20]", "[question from #20]", "Person card: #20", "Thanks, we will call"]);
    assert.deepEqual(world.repos.questions.questionsOfUser(ANNA), []);
    assert.deepEqual(world.repos.questions.due(10, Date.now() + 60_000), []);
    const dump = JSON.stringify(world.db.prepare("SELECT * FROM chat_log").all()) + JSON.stringify(world.db.prepare("SELECT * FROM questions").all());
    for (const needle of ["anna_secret", "User20", "555-0199"]) assert.ok(!dump.includes(needle), needle);
  });
});

describe("the event's details", () => {
  it("date and time are read in TIME_ZONE, in both forms; impossible dates and skipped times are refused", () => {
    const moscow = Date.UTC(2026, 4, 24, 16, 0);
    assert.deepEqual(parseLocalDateTime("24.05.2026 19:00", "Europe/Moscow"), { ok: true, ms: moscow });
    assert.deepEqual(parseLocalDateTime("2026-05-24 19:00", "Europe/Moscow"), { ok: true, ms: moscow });
    assert.deepEqual(parseLocalDateTime(" 4.5.2026 9:05 ", "UTC"), { ok: true, ms: Date.UTC(2026, 4, 4, 9, 5) });
    // Summer and winter time on either side of a change.
    assert.deepEqual(parseLocalDateTime("01.07.2026 12:00", "Europe/Berlin"), { ok: true, ms: Date.UTC(2026, 6, 1, 10, 0) });
    assert.deepEqual(parseLocalDateTime("01.12.2026 12:00", "Europe/Berlin"), { ok: true, ms: Date.UTC(2026, 11, 1, 11, 0) });
    assert.deepEqual(parseLocalDateTime("29.03.2026 02:30", "Europe/Berlin"), { ok: false, reason: "no_such_time" }, "the clocks skip it");
    assert.deepEqual(parseLocalDateTime("31.02.2026 10:00", "UTC"), { ok: false, reason: "no_such_date" });
    assert.deepEqual(parseLocalDateTime("24.05.2026 24:00", "UTC"), { ok: false, reason: "no_such_time" });
    assert.deepEqual(parseLocalDateTime("tomorrow 7pm", "UTC"), { ok: false, reason: "format" });
    assert.equal(formatDateTime(moscow, "Europe/Moscow"), "24.05.2026 19:00");
  });

  it("/event sets each part, audited; the calendar file is valid iCalendar with DTSTART in UTC", () => {
    const world = memoryWorld({ TIME_ZONE: "Europe/Moscow" });
    const ops = world.operations();
    assert.deepEqual(ops.event.set({ part: "date", value: "30.02.2026 19:00", by: FOUNDER }), { ok: false, reason: "no_such_date" });
    assert.deepEqual(ops.event.set({ part: "place", value: "Main St | not a link", by: FOUNDER }), { ok: false, reason: "bad_url" });
    assert.deepEqual(ops.event.set({ part: "name", value: "x".repeat(200), by: FOUNDER }), { ok: false, reason: "too_long", max: 128 });
    assert.ok(ops.event.set({ part: "name", value: "Весенний бал, \u202Eтест", by: FOUNDER }).ok);
    assert.ok(ops.event.set({ part: "date", value: "24.05.2026 19:00", by: FOUNDER }).ok);
    assert.ok(ops.event.set({ part: "place", value: "Москва, ул. Тверская, 1 | https://yandex.ru/maps/-/abc", by: FOUNDER }).ok);
    assert.ok(ops.event.set({ part: "note", value: "Дресс-код: вечерний\nВход с 18:30", by: FOUNDER }).ok);
    const event = ops.event.details()!;
    assert.deepEqual([event.name, event.starts_at, event.place, event.map_url], ["Весенний бал, тест", Date.UTC(2026, 4, 24, 16, 0), "Москва, ул. Тверская, 1", "https://yandex.ru/maps/-/abc"]);
    assert.equal(world.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'event'").get() && (world.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'event'").get() as { n: number }).n, 4);

    const ics = eventCalendar(event, "test_ticket_bot")!;
    assert.match(ics, /\r\nDTSTART:20260524T160000Z\r\n/);
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!;
    const parsed = new ICAL.Event(vevent);
    assert.equal(parsed.summary, "Весенний бал, тест");
    assert.equal(parsed.location, "Москва, ул. Тверская, 1");
    assert.equal(parsed.startDate.toJSDate().getTime(), Date.UTC(2026, 4, 24, 16, 0));
    assert.equal(parsed.startDate.zone.tzid, "UTC");
    assert.match(parsed.description, /Вход с 18:30/);

    // "-" clears a part; without a date there is no calendar file.
    assert.ok(ops.event.set({ part: "date", value: "-", by: FOUNDER }).ok);
    assert.equal(eventCalendar(ops.event.details(), "test_ticket_bot"), undefined);
  });
});
