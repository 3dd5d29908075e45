import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eraseUser } from "../../src/people/erasure.js";
import { memoryEngine, memoryWorld, until, type Answer } from "../support/memory.js";

/**
 * SPEC §11 through the use-case layer and the engine, in milliseconds: what
 * an erasure, a role change or a stop does to a delivery that is due, in
 * flight or waiting for a retry.
 */

const ANNA = 10;
const BORIS = 11;
const CLARA = 12;
const BAD_GATEWAY: Answer = { ok: false, code: 502, description: "Bad Gateway" };

const ticketOf = (world: ReturnType<typeof memoryWorld>, name: string) =>
  world.db.prepare<[string], { status: string; user_id: number | null; held_for: number | null; revoke_reason: string | null; sent_at: number | null }>(
    "SELECT status, user_id, held_for, revoke_reason, sent_at FROM tickets WHERE file_name = ?",
  ).get(name)!;

/** Anna's ticket job started, her send on its way and held there until `release()`. */
async function sendHeldInFlight() {
  const world = memoryWorld();
  world.register(ANNA);
  const wave = world.waveWithTickets(1);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let inFlight = false;
  const { engine, calls, sendTickets } = memoryEngine(world, async ({ method }) => {
    if (method === "sendDocument") {
      inFlight = true;
      await gate;
    }
    return { ok: true };
  });
  const job = sendTickets(wave);
  engine.start();
  await until(() => inFlight, "the send is on its way");
  return { world, engine, calls, job, release };
}

describe("an erasure while a delivery waits for its retry", () => {
  it("sends nothing more to the person, keeps the ticket bound to them, and never gives it to anyone else", async () => {
    const world = memoryWorld();
    world.register(ANNA);
    world.register(BORIS);
    const wave = world.waveWithTickets(2);
    let annaAttempts = 0;
    const { engine, calls, sendTickets } = memoryEngine(world, ({ method, chatId }) => {
      if (method === "sendDocument" && chatId === ANNA && ++annaAttempts <= 2) return BAD_GATEWAY;
      return { ok: true };
    });
    const job = sendTickets(wave);
    engine.start();
    // Her second attempt failed: the delivery waits for the next round.
    await until(() => annaAttempts === 2 && world.repos.jobs.deliveriesWithStatus(job, "retry").length === 1, "Anna waits for a retry");
    const erasure = eraseUser(world.repos, ANNA);
    assert.deepEqual([erasure.ticketsReleased, erasure.ticketsRevoked, erasure.deliveriesCancelled], [0, 1, 1]);
    const erasedAt = Date.now();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);

    assert.deepEqual(calls.filter((c) => c.method === "sendDocument" && c.chatId === ANNA && c.at >= erasedAt), []);
    assert.deepEqual(ticketOf(world, "ticket-1.pdf"), { status: "revoked", user_id: ANNA, held_for: null, revoke_reason: "erased", sent_at: null });
    assert.equal(ticketOf(world, "ticket-2.pdf").user_id, BORIS);
    const tally = world.repos.jobs.tally(job);
    assert.deepEqual([tally.sent, tally.failed, tally.skippedByKind.erased], [1, 0, 1]);
    assert.equal(world.repos.jobs.byId(job)!.bookkeeping_errors, 0);

    // A newcomer and a new run: the bound ticket goes to nobody.
    world.register(CLARA);
    const second = memoryEngine(world);
    world.repos.waves.transition(wave.id, "sending", "confirmed");
    const next = second.sendTickets(world.repos.waves.byId(wave.id)!);
    second.engine.start();
    await until(() => world.repos.jobs.byId(next)!.status === "done", "the second job ends");
    await second.engine.stop(100);
    assert.deepEqual(second.calls.filter((c) => c.method === "sendDocument"), []);
    assert.equal(world.repos.jobs.tally(next).skippedByKind.no_ticket, 1);
  });
});

describe("an erasure decides each ticket by whether it may have left", () => {
  it("a delivery never attempted: the ticket goes back to the pool and the delivery is skipped", () => {
    const world = memoryWorld();
    world.register(ANNA);
    const wave = world.waveWithTickets(1);
    const { sendTickets, producers } = memoryEngine(world);
    const jobId = sendTickets(wave);
    const [delivery] = world.repos.transaction(() => producers.tickets.prepare(world.repos.jobs.byId(jobId)!, 10)).deliveries;
    assert.equal(ticketOf(world, "ticket-1.pdf").status, "assigned");
    eraseUser(world.repos, ANNA);
    assert.deepEqual(ticketOf(world, "ticket-1.pdf"), { status: "available", user_id: null, held_for: null, revoke_reason: null, sent_at: null });
    assert.equal(world.repos.jobs.delivery(delivery!.id)!.status, "skipped");
    assert.equal(world.repos.jobs.delivery(delivery!.id)!.error_kind, "erased");
  });

  it("a delivery in flight: the ticket is revoked for them, the delivery left to record its outcome", () => {
    const world = memoryWorld();
    world.register(ANNA);
    const wave = world.waveWithTickets(1);
    const { sendTickets, producers } = memoryEngine(world);
    const jobId = sendTickets(wave);
    const [delivery] = world.repos.transaction(() => producers.tickets.prepare(world.repos.jobs.byId(jobId)!, 10)).deliveries;
    assert.ok(world.repos.jobs.claim(delivery!.id));
    eraseUser(world.repos, ANNA);
    assert.equal(ticketOf(world, "ticket-1.pdf").status, "revoked");
    assert.equal(world.repos.jobs.delivery(delivery!.id)!.status, "pending");
    // The send comes back delivered: recorded, and consistent with the ticket bound to her.
    assert.ok(world.repos.jobs.markSent(delivery!.id, { messageId: 1, fileId: "f" }));
    assert.equal(producers.tickets.onSent(world.repos.jobs.byId(jobId)!, { ...delivery!, claimed_at: 1 }, { messageId: 1, fileId: "f" }), true);
    assert.equal(ticketOf(world, "ticket-1.pdf").status, "revoked");
  });

  it("a ticket held after an uncertain delivery, and a ticket sent: both revoked, history kept", () => {
    const world = memoryWorld();
    world.register(ANNA);
    world.register(BORIS);
    const wave = world.waveWithTickets(2);
    const [held, sent] = world.repos.tickets.unassigned(wave.id);
    world.repos.tickets.assign(held!.id, ANNA);
    world.repos.tickets.release(held!.id, ANNA, { error: "network", heldFor: ANNA, missing: false });
    world.repos.tickets.assign(sent!.id, BORIS);
    world.repos.tickets.markSent(sent!.id, BORIS, { messageId: 5, fileId: "f" });
    eraseUser(world.repos, ANNA);
    eraseUser(world.repos, BORIS);
    assert.deepEqual(ticketOf(world, "ticket-1.pdf"), { status: "revoked", user_id: ANNA, held_for: null, revoke_reason: "erased", sent_at: null });
    const boris = ticketOf(world, "ticket-2.pdf");
    assert.equal(boris.status, "revoked");
    assert.ok(boris.sent_at !== null, "when it was sent stays on record");
    // Neither can be picked for anyone.
    world.register(CLARA);
    assert.equal(world.repos.tickets.pickFor(wave.id, { id: CLARA, username: "user12" }), undefined);
  });
});

describe("a send that returns after the person was erased", () => {
  it("is recorded, and the ticket stays bound to them without a bookkeeping error", async () => {
    const { world, engine, job, release } = await sendHeldInFlight();
    eraseUser(world.repos, ANNA);
    release();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    assert.equal(world.repos.jobs.tally(job).sent, 1);
    assert.equal(ticketOf(world, "ticket-1.pdf").status, "revoked");
    assert.equal(world.repos.jobs.byId(job)!.bookkeeping_errors, 0);
  });
});

describe("a bookkeeping write that changes no row", () => {
  it("is counted for the summary instead of passing silently", async () => {
    const { world, engine, calls, job, release } = await sendHeldInFlight();
    // Something outside every rule moves the ticket meanwhile (a bug, a hand-edited database).
    world.db.prepare("UPDATE tickets SET status = 'archived'").run();
    release();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    assert.equal(world.repos.jobs.byId(job)!.bookkeeping_errors, 1);
    await until(() => calls.some((c) => c.method === "sendMessage"), "the summary");
  });
});

describe("role changes during a job", () => {
  it("a participant made admin before their send gets no ticket, and the ticket goes back", async () => {
    const world = memoryWorld();
    world.register(ANNA);
    const wave = world.waveWithTickets(1);
    const { sendTickets, producers } = memoryEngine(world);
    const jobId = sendTickets(wave);
    const job = world.repos.jobs.byId(jobId)!;
    const [delivery] = world.repos.transaction(() => producers.tickets.prepare(job, 10)).deliveries;
    world.repos.admins.add(ANNA, 1);
    assert.equal(producers.tickets.recheck(job, delivery!), "staff");
    world.repos.jobs.skip(delivery!.id, "staff");
    producers.tickets.onSkipped(job, delivery!);
    assert.equal(ticketOf(world, "ticket-1.pdf").status, "available");
  });

  it("an admin queued with a broadcast and then removed is walked as a participant without a second row", async () => {
    const world = memoryWorld();
    world.register(ANNA);
    world.register(BORIS);
    world.repos.admins.add(ANNA, 1);
    const draft = world.repos.broadcasts.createDraft({ by: 1, chatId: 1, summary: "hi", content: { kind: "text", text: "hi", entities: [] } });
    const { engine, calls } = memoryEngine(world);
    const job = world.repos.transaction(() => {
      const created = world.repos.jobs.create({ kind: "broadcast", refId: draft.id, startedBy: 1, chatId: 1, locale: "en", total: 3 });
      world.repos.broadcasts.attachJob(draft.id, created.id);
      world.repos.jobs.addDelivery({ jobId: created.id, userId: ANNA, itemId: null, status: "pending" });
      return created.id;
    });
    world.repos.admins.remove(ANNA);
    engine.start();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the broadcast ends");
    await engine.stop(100);
    const texts = calls.filter((c) => c.method === "sendMessage" && c.chatId !== 1).map((c) => c.chatId).sort();
    assert.deepEqual(texts, [ANNA, BORIS]);
  });
});
