import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { SendQuestion } from "../../../src/waves/operations.js";
import { FOUNDER, idleEngine, memoryWorld } from "../../support/memory.js";

/** The wave lifecycle (SPEC §7) through the use-case layer: open → confirmed → sending ⇄ confirmed → ended. */

const CHAT = FOUNDER;
const args = { by: FOUNDER, chatId: CHAT };

describe("the wave state machine", () => {
  it("opens a wave at once when none is open, and asks first when one is", () => {
    const world = memoryWorld();
    const ops = world.operations();
    const first = ops.waves.requestNew({ name: "Spring", ...args });
    assert.ok(first.ok && "opened" in first);
    assert.equal(first.opened.status, "open");
    const second = ops.waves.requestNew({ name: "Summer", ...args });
    assert.ok(second.ok && "confirm" in second);
    assert.equal(second.confirm.active.name, "Spring");
    // Nothing changed until the prompt is answered.
    assert.equal(world.repos.waves.active()!.name, "Spring");
  });

  it("confirm requires tickets; send requires a confirmed wave and someone without a ticket", () => {
    const world = memoryWorld();
    const ops = world.operations();
    assert.deepEqual(ops.waves.confirm({ by: FOUNDER }), { ok: false, reason: "no_wave" });
    assert.deepEqual(ops.waves.sendTickets({ ...args, locale: "en" }), { ok: false, reason: "no_wave" });
    ops.waves.requestNew({ name: "Empty", ...args });
    assert.equal((ops.waves.confirm({ by: FOUNDER }) as { reason: string }).reason, "no_tickets");
    world.repos.waves.end(world.repos.waves.active()!.id, FOUNDER);

    const wave = world.waveWithTickets(2);
    world.register(10);
    assert.equal((ops.waves.sendTickets({ ...args, locale: "en" }) as { reason: string }).reason, "not_confirmed");
    const confirmed = ops.waves.confirm({ by: FOUNDER });
    assert.ok(confirmed.ok);
    assert.deepEqual([confirmed.counts.available, confirmed.waiting, confirmed.usable], [2, 1, 2]);
    assert.equal(world.repos.waves.byId(wave.id)!.status, "confirmed");
  });

  it("sending: one job, the wave in `sending`, every lifecycle command refused until the job ends", () => {
    const world = memoryWorld();
    const engine = idleEngine();
    const ops = world.operations(engine);
    const wave = world.waveWithTickets(1);
    world.register(10);
    ops.waves.confirm({ by: FOUNDER });
    const sent = ops.waves.sendTickets({ ...args, locale: "en" });
    assert.ok(sent.ok);
    assert.equal(sent.queued, false);
    assert.equal(engine.kicks, 0, "the job starts only when the handler launches it, after its answer");
    sent.launch();
    assert.equal(engine.kicks, 1);
    assert.equal(world.repos.waves.byId(wave.id)!.status, "sending");
    assert.equal((ops.waves.sendTickets({ ...args, locale: "en" }) as { reason: string }).reason, "busy_sending");
    assert.equal((ops.waves.confirm({ by: FOUNDER }) as { reason: string }).reason, "busy_sending");
    assert.equal((ops.waves.requestEnd(args) as { reason: string }).reason, "busy_sending");
    assert.equal((ops.waves.requestNew({ name: "Next", ...args }) as { reason: string }).reason, "busy_sending");
    assert.equal(ops.waves.idle().ok, false);
  });

  it("a second job while one runs is queued", () => {
    const world = memoryWorld();
    const engine = idleEngine();
    engine.busy = true;
    const ops = world.operations(engine);
    world.waveWithTickets(1);
    world.register(10);
    ops.waves.confirm({ by: FOUNDER });
    const sent = ops.waves.sendTickets({ ...args, locale: "en" });
    assert.ok(sent.ok && sent.queued);
  });

  it("nobody waiting: everyone already holds a ticket of the wave, and organisers are not counted", () => {
    const world = memoryWorld();
    const ops = world.operations();
    world.register(FOUNDER);
    world.register(10);
    const wave = world.waveWithTickets(2);
    const [ticket] = world.repos.tickets.unassigned(wave.id);
    world.repos.tickets.assign(ticket!.id, 10);
    world.repos.tickets.markSent(ticket!.id, 10, { messageId: 1, fileId: "f" });
    ops.waves.confirm({ by: FOUNDER });
    assert.equal((ops.waves.sendTickets({ ...args, locale: "en" }) as { reason: string }).reason, "nobody_waiting");
  });
});

describe("ending a wave", () => {
  it("archives its unassigned tickets (files too), keeps the sent ones, and answers its prompt once", () => {
    const world = memoryWorld();
    const ops = world.operations();
    world.register(10);
    const wave = world.waveWithTickets(3);
    const [sent] = world.repos.tickets.unassigned(wave.id);
    world.repos.tickets.assign(sent!.id, 10);
    world.repos.tickets.markSent(sent!.id, 10, { messageId: 1, fileId: "f" });
    const asked = ops.waves.requestEnd(args);
    assert.ok(asked.ok);
    const prompt = world.repos.prompts.byId(asked.promptId)!;
    const ended = ops.waves.confirmEnd({ prompt, by: FOUNDER });
    assert.ok(ended.ok);
    assert.equal(ended.ended.status, "ended");
    const counts = world.repos.tickets.counts(wave.id);
    assert.deepEqual([counts.archived, counts.sent, counts.available], [2, 1, 0]);
    for (const ticket of world.repos.tickets.iterateTickets()) {
      const folder = ticket.status === "archived" ? world.config.paths.archive : world.config.paths.tickets;
      assert.ok(existsSync(join(folder, ticket.path)), `${ticket.file_name} is where its status says`);
    }
    // Pressed again (or replayed after a crash): what happened, not a second end.
    const again = ops.waves.confirmEnd({ prompt: world.repos.prompts.byId(asked.promptId)!, by: FOUNDER });
    assert.ok(!again.ok && again.reason === "answered" && !again.kept && again.ended?.id === wave.id);
  });

  it("a prompt acts on its own wave: after another wave opened, an old prompt is stale", () => {
    const world = memoryWorld();
    const ops = world.operations();
    ops.waves.requestNew({ name: "First", ...args });
    const alpha = ops.waves.requestNew({ name: "Alpha", ...args });
    const beta = ops.waves.requestNew({ name: "Beta", ...args });
    assert.ok(alpha.ok && "confirm" in alpha && beta.ok && "confirm" in beta);
    const opened = ops.waves.confirmNew({ prompt: world.repos.prompts.byId(alpha.confirm.promptId)!, by: FOUNDER });
    assert.ok(opened.ok);
    assert.equal(opened.opened.name, "Alpha");
    assert.deepEqual(ops.waves.confirmNew({ prompt: world.repos.prompts.byId(beta.confirm.promptId)!, by: FOUNDER }), { ok: false, reason: "stale" });
    assert.equal(world.repos.waves.active()!.name, "Alpha");
  });

  it("Cancel answers the prompt: its button does nothing afterwards", () => {
    const world = memoryWorld();
    const ops = world.operations();
    ops.waves.requestNew({ name: "Kept", ...args });
    const asked = ops.waves.requestEnd(args);
    assert.ok(asked.ok);
    assert.equal(ops.prompts.keep(world.repos.prompts.byId(asked.promptId)!), true);
    const pressed = ops.waves.confirmEnd({ prompt: world.repos.prompts.byId(asked.promptId)!, by: FOUNDER });
    assert.ok(!pressed.ok && pressed.reason === "answered" && pressed.kept);
    assert.equal(world.repos.waves.active()!.name, "Kept");
  });
});

describe("confirm and send in one step", () => {
  const send = { ...args, locale: "en" };
  type World = ReturnType<typeof memoryWorld>;
  type Ops = ReturnType<World["operations"]>;
  const prompt = (world: World, id: number) => world.repos.prompts.byId(id)!;

  /** Send pressed on a wave not confirmed yet: the question it asks. */
  function question(ops: Ops): SendQuestion {
    const asked = ops.waves.requestSend(send);
    assert.ok(asked.ok && "ask" in asked, JSON.stringify(asked));
    return asked.ask;
  }
  /** 📤 pressed under a question. */
  const answer = (world: World, ops: Ops, ask: SendQuestion) => ops.waves.confirmSend({ prompt: prompt(world, ask.promptId), ...send });

  /** Participants with these ids, and an open wave of `tickets` tickets. */
  function world(ids: number[], tickets: number, engine = idleEngine()) {
    const w = memoryWorld();
    for (const id of ids) w.register(id);
    return { w, ops: w.operations(engine), wave: w.waveWithTickets(tickets, "First") };
  }

  it("Send on a wave not confirmed yet asks: tickets that can go out, people without one, who of them blocked the bot", () => {
    const { w, ops, wave } = world([10, 11, 12], 2);
    w.repos.users.markBlocked(12);
    const ask = question(ops);
    assert.deepEqual({ tickets: ask.tickets, people: ask.people, blocked: ask.blocked }, { tickets: 2, people: 3, blocked: 1 });
    assert.equal(w.repos.waves.byId(wave.id)!.status, "open", "asking changes nothing");
    assert.equal(w.repos.jobs.unfinished().length, 0);
  });

  it("the answer confirms the wave and queues its delivery in one transaction, once", () => {
    const { w, ops, wave } = world([10, 11], 2);
    const ask = question(ops);
    const started = answer(w, ops, ask);
    assert.ok(started.ok);
    assert.equal(started.waiting, 2);
    const row = w.repos.waves.byId(wave.id)!;
    assert.equal(row.status, "sending");
    assert.ok(row.confirmed_at !== null, "confirmed on the way");
    // Pressed again, or handled again after a crash: the delivery it started, nothing more.
    const again = answer(w, ops, ask);
    assert.ok(!again.ok && again.reason === "answered" && again.job?.id === started.job.id);
    assert.equal(w.repos.jobs.unfinished().length, 1);
  });

  it("numbers that changed since the question: asked again, the old question never acts", () => {
    const { w, ops } = world([10], 3);
    const ask = question(ops);
    w.register(11);
    const changed = answer(w, ops, ask);
    assert.ok(!changed.ok && changed.reason === "changed");
    assert.deepEqual([changed.ask.tickets, changed.ask.people], [2, 2]);
    assert.equal(w.repos.jobs.unfinished().length, 0);
    const old = answer(w, ops, ask);
    assert.ok(!old.ok && old.reason === "answered" && old.job === undefined);
    assert.ok(answer(w, ops, changed.ask).ok);
  });

  it("a question whose wave ended is stale; Cancel leaves the wave as it was", () => {
    const { w, ops, wave } = world([10], 1);
    const kept = question(ops);
    const stale = question(ops);
    assert.equal(ops.prompts.keep(prompt(w, kept.promptId)), true);
    const cancelled = answer(w, ops, kept);
    assert.ok(!cancelled.ok && cancelled.reason === "answered" && cancelled.kept);
    w.repos.waves.end(wave.id, FOUNDER);
    w.waveWithTickets(1, "Second");
    assert.deepEqual(answer(w, ops, stale), { ok: false, reason: "stale" });
    assert.equal(w.repos.jobs.unfinished().length, 0);
  });

  it("a confirmed wave starts at once; /confirm_wave asks the send question when someone waits", () => {
    const { ops } = world([10], 1);
    const confirmed = ops.waves.confirm(args);
    assert.ok(confirmed.ok && confirmed.send);
    assert.deepEqual([confirmed.send.tickets, confirmed.send.people], [1, 1]);
    const started = ops.waves.requestSend(send);
    assert.ok(started.ok && "job" in started, "no question on a confirmed wave");
  });

  it("the import's Confirm button confirms its own wave once", () => {
    const { w, ops, wave } = world([10], 1);
    const promptId = ops.waves.offerConfirm({ waveId: wave.id, ...args });
    const confirmed = ops.waves.confirmByPrompt({ prompt: prompt(w, promptId), ...args });
    assert.ok(confirmed.ok);
    assert.equal(w.repos.waves.byId(wave.id)!.status, "confirmed");
    assert.deepEqual(ops.waves.confirmByPrompt({ prompt: prompt(w, promptId), ...args }), { ok: false, reason: "answered", wave: w.repos.waves.byId(wave.id) });
    w.repos.waves.end(wave.id, FOUNDER);
    const next = w.waveWithTickets(1, "Next");
    const old = ops.waves.offerConfirm({ waveId: wave.id, ...args });
    assert.deepEqual(ops.waves.confirmByPrompt({ prompt: prompt(w, old), ...args }), { ok: false, reason: "stale" });
    assert.equal(w.repos.waves.byId(next.id)!.status, "open");
  });
});

describe("the wave's stage, as the admin menu offers its buttons", () => {
  it("none → open without tickets → open → confirmed → sending → ended", () => {
    const world = memoryWorld();
    const engine = idleEngine();
    const ops = world.operations(engine);
    assert.deepEqual(ops.waves.stage(), { state: "none" });
    world.register(10);
    ops.waves.requestNew({ name: "Empty", ...args });
    assert.equal(ops.waves.stage().state, "open_empty");
    world.repos.waves.end(world.repos.waves.active()!.id, FOUNDER);
    assert.deepEqual(ops.waves.stage(), { state: "ended" });
    const wave = world.waveWithTickets(1);
    assert.deepEqual(ops.waves.stage(), { state: "open", wave, waiting: 1 });
    ops.waves.confirm({ by: FOUNDER });
    assert.equal(ops.waves.stage().state, "confirmed");
    const started = ops.waves.sendTickets({ ...args, locale: "en" });
    assert.ok(started.ok);
    const stage = ops.waves.stage();
    assert.ok(stage.state === "sending" && stage.job?.id === started.job.id);
  });
});

describe("the admin menu's heading", () => {
  it("participants the bot can reach and those who blocked it, without a ticket of the open wave, invites, check-ins", () => {
    const world = memoryWorld();
    const ops = world.operations();
    for (const id of [10, 11, 12, 13]) world.register(id);
    world.register(14);
    world.repos.admins.add(14, FOUNDER); // an organiser: not a participant here
    world.repos.users.markBlocked(13);
    world.repos.invites.createBatch(["spare-1", "spare-2"], FOUNDER, null);
    const wave = world.waveWithTickets(2);
    const ticket = world.repos.tickets.pickFor(wave.id, { id: 10, username: "user10" })!;
    assert.ok(world.repos.tickets.assign(ticket.id, 10));
    assert.ok(world.repos.tickets.markSent(ticket.id, 10, { messageId: 1, fileId: "f" }));
    world.repos.checkins.admit({ userId: 10, ticketId: ticket.id, by: FOUNDER, method: "manual" });
    const overview = ops.reports.overview();
    assert.deepEqual(overview.people, { reachable: 3, blocked: 1 });
    assert.deepEqual(overview.wave?.withoutTicket, { reachable: 2, blocked: 1 });
    assert.deepEqual(overview.invites, { used: 5, unused: 2 });
    assert.equal(overview.checkedIn, 1);
  });
});
