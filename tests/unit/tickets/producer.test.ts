import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memoryEngine, memoryWorld, until, type Answer } from "../../support/memory.js";

/** Which ticket each participant gets, and where a ticket goes when its delivery fails (SPEC §7, §8). */

const [ANNA, BORIS, CLARA, DAN] = [10, 11, 12, 13];

function ticketState(world: ReturnType<typeof memoryWorld>) {
  return new Map(
    [...world.repos.tickets.iterateTickets()].map((t) => [t.file_name, { status: t.status, user: t.user_id, held: t.held_for, error: t.last_error }]),
  );
}

describe("assignment order", () => {
  it("held for the person first, then named for them, then unnamed; a ticket named for nobody goes to nobody", () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS, CLARA, DAN]) world.register(id);
    // ticket-2 is named for Boris, ticket-4 for nobody (a manifest that did not mention it).
    const wave = world.waveWithTickets(4, "Order", { 2: `id:${BORIS}`, 4: "nobody" });
    // ticket-3's delivery to Clara had an unknown outcome earlier: held for her only.
    const held = [...world.repos.tickets.iterateTickets()].find((t) => t.file_name === "ticket-3.pdf")!;
    world.repos.tickets.assign(held.id, CLARA);
    world.repos.tickets.release(held.id, CLARA, { error: "network", heldFor: CLARA, missing: false });
    const { sendTickets, producers } = memoryEngine(world);
    const job = world.repos.jobs.byId(sendTickets(wave))!;
    const prepared = world.repos.transaction(() => producers.tickets.prepare(job, 10));
    assert.equal(prepared.done, true);
    const tickets = prepared.deliveries.filter((d) => d.item_id !== null);
    const got = new Map(tickets.map((d) => [d.user_id, world.repos.tickets.ticket(d.item_id!)!.file_name]));
    assert.deepEqual(Object.fromEntries(got), { [ANNA]: "ticket-1.pdf", [BORIS]: "ticket-2.pdf", [CLARA]: "ticket-3.pdf" });
    // Dan: nothing left that he may get; he is told so (a notice, not a ticket) and put on the waiting list.
    assert.deepEqual(prepared.deliveries.filter((d) => d.item_id === null).map((d) => [d.user_id, d.notice]), [[DAN, "no_ticket"]]);
    assert.equal(world.repos.jobs.tally(job.id).skippedByKind.no_ticket, 1);
    assert.equal(world.repos.waiting.of(DAN)?.wave_id, wave.id);
    assert.equal(ticketState(world).get("ticket-4.pdf")!.status, "available");
  });

  it("walks in registration order, skips organisers and whoever already holds a ticket of the wave", () => {
    const world = memoryWorld();
    world.register(1); // the founder registered too: organisers get no tickets
    for (const id of [DAN, ANNA, BORIS]) world.register(id);
    const wave = world.waveWithTickets(3);
    const [first] = world.repos.tickets.unassigned(wave.id);
    world.repos.tickets.assign(first!.id, ANNA);
    world.repos.tickets.markSent(first!.id, ANNA, { messageId: 1, fileId: "f" });
    const { sendTickets, producers } = memoryEngine(world);
    const job = world.repos.jobs.byId(sendTickets(wave))!;
    const prepared = world.repos.transaction(() => producers.tickets.prepare(job, 10));
    assert.deepEqual(prepared.deliveries.map((d) => d.user_id), [DAN, BORIS]);
  });

  it("a later /send_tickets walks past hundreds who hold a ticket to the newcomers, in order, a window at a time", () => {
    const world = memoryWorld();
    const holders = Array.from({ length: 600 }, (_, i) => 1000 + i);
    const newcomers = [2000, 2001, 2002, 2003, 2004, 2005, 2006];
    // One newcomer registered among the holders (and got no ticket then), the others after them.
    for (const id of [...holders.slice(0, 300), newcomers[0]!, ...holders.slice(300), ...newcomers.slice(1)]) world.register(id);
    const wave = world.waveWithTickets(holders.length + newcomers.length);
    for (const [i, ticket] of world.repos.tickets.unassigned(wave.id).slice(0, holders.length).entries()) {
      world.repos.tickets.assign(ticket.id, holders[i]!);
      world.repos.tickets.markSent(ticket.id, holders[i]!, { messageId: i + 1, fileId: `f${i}` });
    }
    const { sendTickets, producers } = memoryEngine(world);
    const jobId = sendTickets(wave);
    const served: number[] = [];
    for (let round = 0; round < 10; round++) {
      const job = world.repos.jobs.byId(jobId)!;
      const batch = world.repos.transaction(() => producers.tickets.prepare(job, 3));
      served.push(...batch.deliveries.map((d) => d.user_id));
      assert.ok(batch.deliveries.length <= 3);
      if (batch.done) break;
    }
    assert.deepEqual(served, newcomers, "each newcomer once, in registration order, nobody who holds a ticket");
  });

  it("a ticket whose file vanished is marked missing, and the person gets another", () => {
    const world = memoryWorld();
    world.register(ANNA);
    const wave = world.waveWithTickets(2);
    const [gone] = world.repos.tickets.unassigned(wave.id);
    rmSync(join(world.config.paths.tickets, gone!.path));
    const { sendTickets, producers } = memoryEngine(world);
    const job = world.repos.jobs.byId(sendTickets(wave))!;
    const [delivery] = world.repos.transaction(() => producers.tickets.prepare(job, 10)).deliveries;
    assert.equal(world.repos.tickets.ticket(delivery!.item_id!)!.file_name, "ticket-2.pdf");
    assert.equal(ticketState(world).get("ticket-1.pdf")!.status, "missing");
  });
});

describe("someone marked as having blocked the bot", () => {
  it("is tried, and a ticket that reaches them clears the mark; one still refused keeps it", async () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS]) world.register(id);
    world.repos.users.markBlocked(ANNA);
    world.repos.users.markBlocked(BORIS);
    const wave = world.waveWithTickets(2);
    const { engine, sendTickets } = memoryEngine(world, ({ chatId }) =>
      chatId === BORIS ? { ok: false, code: 403, description: "Forbidden: bot was blocked by the user" } : { ok: true },
    );
    const job = sendTickets(wave);
    engine.start();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    assert.equal(world.repos.users.findById(ANNA)!.blocked_at, null, "Anna unblocked the bot: her ticket arrived");
    assert.notEqual(world.repos.users.findById(BORIS)!.blocked_at, null, "Boris still blocks it");
    assert.equal(world.repos.jobs.tally(job).sent, 1);
  });
});

describe("the ticket's caption", () => {
  it("names the event as /event says at the moment of each send: a change mid-wave reaches the next ticket", async () => {
    const world = memoryWorld();
    for (const id of [ANNA, BORIS]) world.register(id);
    const wave = world.waveWithTickets(2, "Caption");
    world.repos.event.update({ name: "Spring Ball" }, 1);
    let changed = false;
    const { engine, calls, sendTickets } = memoryEngine(world, ({ method }) => {
      // After the first ticket is out, the organiser renames the event (the second send's caption is built after this).
      if (method === "sendDocument" && !changed) {
        changed = true;
        world.repos.event.update({ name: "Autumn Ball", place: "Main hall" }, 1);
      }
      return { ok: true };
    }, { concurrency: 1 });
    const job = sendTickets(wave);
    engine.start();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    const captions = calls.filter((c) => c.method === "sendDocument").map((c) => c.caption ?? "");
    assert.equal(captions.length, 2);
    assert.match(captions[0]!, /Spring Ball/);
    assert.match(captions[1]!, /Autumn Ball/);
    assert.match(captions[1]!, /Main hall/);
  });
});

describe("a failed delivery's ticket", () => {
  /** Runs one wave where each person's sends answer as `answers` says, and returns the tickets afterwards. */
  async function deliverWith(answers: Record<number, Answer>) {
    const world = memoryWorld();
    const people = Object.keys(answers).map(Number);
    for (const id of people) world.register(id);
    const wave = world.waveWithTickets(people.length);
    const { engine, sendTickets } = memoryEngine(world, ({ chatId }) => answers[chatId] ?? { ok: true });
    const job = sendTickets(wave);
    engine.start();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    const byUser = new Map([...world.repos.tickets.iterateTickets()].map((t) => [t.held_for ?? t.user_id ?? -t.id, t]));
    return { world, job, byUser };
  }

  it("goes back to the pool when Telegram proves it was not delivered (blocked, deactivated, chat not found, bad request)", async () => {
    const { world, byUser, job } = await deliverWith({
      [ANNA]: { ok: false, code: 403, description: "Forbidden: bot was blocked by the user" },
      [BORIS]: { ok: false, code: 403, description: "Forbidden: user is deactivated" },
      [CLARA]: { ok: false, code: 400, description: "Bad Request: chat not found" },
      [DAN]: { ok: false, code: 400, description: "Bad Request: wrong file identifier" },
    });
    for (const ticket of world.repos.tickets.iterateTickets()) {
      assert.equal(ticket.status, "available", ticket.file_name);
      assert.equal(ticket.held_for, null);
      assert.ok(ticket.last_error, "the reason stays on the ticket");
    }
    assert.equal(byUser.size, 4);
    const tally = world.repos.jobs.tally(job);
    assert.deepEqual(tally.failedByKind, { blocked: 1, deactivated: 1, chat_not_found: 1, bad_request: 1 });
    assert.ok(world.repos.users.findById(ANNA)!.blocked_at, "blocked the bot: noted on the person");
  });

  it("is held for the same person after 5xx answers to every retry (the outcome is unknown), never given to another", async () => {
    const { world, byUser, job } = await deliverWith({ [ANNA]: { ok: false, code: 502, description: "Bad Gateway" }, [BORIS]: { ok: true } });
    const held = byUser.get(ANNA)!;
    assert.deepEqual([held.status, held.held_for, held.user_id], ["available", ANNA, null]);
    assert.equal(held.attempts, 5, "the first attempt and four retry rounds");
    assert.equal(world.repos.jobs.tally(job).failedByKind.server_error, 1);
    // Another participant asks: the held ticket is not theirs.
    world.register(CLARA);
    assert.equal(world.repos.tickets.pickFor(held.wave_id, { id: CLARA, username: "user12" }), undefined);
    assert.equal(world.repos.tickets.pickFor(held.wave_id, { id: ANNA, username: "user10" })!.id, held.id);
  });

  it("delivered after a few 5xx answers: sent once, to the same person", async () => {
    const world = memoryWorld();
    world.register(ANNA);
    const wave = world.waveWithTickets(1);
    let failures = 2;
    const { engine, calls, sendTickets } = memoryEngine(world, ({ method }) =>
      method === "sendDocument" && failures-- > 0 ? { ok: false, code: 500, description: "Internal Server Error" } : { ok: true },
    );
    const job = sendTickets(wave);
    engine.start();
    await until(() => world.repos.jobs.byId(job)!.status === "done", "the job ends");
    await engine.stop(100);
    assert.deepEqual(calls.filter((c) => c.method === "sendDocument").map((c) => c.chatId), [ANNA, ANNA, ANNA]);
    assert.equal(ticketState(world).get("ticket-1.pdf")!.status, "sent");
  });
});
