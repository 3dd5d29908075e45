import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MessageEntity } from "grammy/types";
import { personalize } from "../../src/broadcast/personalize.js";
import { parseScheduleTime } from "../../src/broadcast/schedule-time.js";
import type { Audience } from "../../src/db/repos/broadcasts.js";
import { FOUNDER, memoryEngine, memoryWorld, until } from "../support/memory.js";

describe("{name} and {username}", () => {
  it("fill in the person and move every entity with its text (UTF-16, as Telegram counts)", () => {
    const text = "{name}, 🎉 до встречи! Ваш логин {username}.";
    const bold: MessageEntity = { type: "bold", offset: text.indexOf("до"), length: "до встречи".length };
    const code: MessageEntity = { type: "code", offset: text.indexOf("{username}"), length: "{username}".length };
    const out = personalize(text, [bold, code], { first_name: "Анна-Мария", username: "anna" });
    assert.equal(out.text, "Анна-Мария, 🎉 до встречи! Ваш логин @anna.");
    const [b, c] = out.entities;
    assert.equal(out.text.slice(b!.offset, b!.offset + b!.length), "до встречи");
    assert.equal(out.text.slice(c!.offset, c!.offset + c!.length), "@anna", "an entity over a placeholder covers its value");
  });

  it("leave a text without placeholders as it is, and drop an entity whose text became empty", () => {
    const entities: MessageEntity[] = [{ type: "italic", offset: 0, length: 4 }];
    assert.deepEqual(personalize("Hi {x}", entities, { first_name: "A", username: null }), { text: "Hi {x}", entities });
    const out = personalize("{username}!", [{ type: "bold", offset: 0, length: 10 }], { first_name: "A", username: null });
    assert.deepEqual(out, { text: "!", entities: [] });
  });
});

describe("a scheduled moment as an admin writes it", () => {
  // 30.11.2026 15:00 in Moscow (12:00 UTC).
  const now = Date.UTC(2026, 10, 30, 12, 0);
  const zone = "Europe/Moscow";
  const at = (text: string) => parseScheduleTime(text, zone, now);

  it("reads HH:MM as today, DD.MM as this year, DD.MM.YYYY as written, all in the zone", () => {
    assert.deepEqual(at("18:30"), { ok: true, ms: Date.UTC(2026, 10, 30, 15, 30) });
    assert.deepEqual(at("01.12 09:05"), { ok: true, ms: Date.UTC(2026, 11, 1, 6, 5) });
    assert.deepEqual(at("01.12.2026 18:30"), { ok: true, ms: Date.UTC(2026, 11, 1, 15, 30) });
    assert.deepEqual(at(" 15:00:30 "), { ok: true, ms: Date.UTC(2026, 10, 30, 12, 0, 30) }, "seconds may follow");
  });

  it("refuses a moment that has passed, a date that does not exist and what it cannot read", () => {
    assert.deepEqual(at("14:59"), { ok: false, reason: "past" });
    assert.deepEqual(at("15:00"), { ok: false, reason: "past" }, "now is not the future");
    assert.deepEqual(at("29.11 18:00"), { ok: false, reason: "past" });
    assert.deepEqual(at("31.02.2027 10:00"), { ok: false, reason: "no_such_date" });
    assert.deepEqual(at("25:00"), { ok: false, reason: "no_such_time" });
    assert.deepEqual(at("01.12"), { ok: false, reason: "format" }, "a date alone is not a time");
    assert.deepEqual(at("tomorrow"), { ok: false, reason: "format" });
    // A minute the clocks skip (Berlin, 29.03.2027 02:30 does not exist).
    assert.deepEqual(parseScheduleTime("28.03.2027 02:30", "Europe/Berlin", now), { ok: false, reason: "no_such_time" });
  });
});

describe("audiences", () => {
  /**
   * A: ticket, B: ticket and inside, C: no ticket (the waiting list), D: ticket
   * but blocked the bot, E: no ticket and not on the list; 50 is an admin.
   */
  function world() {
    const w = memoryWorld();
    for (const id of [11, 12, 13, 14, 15, 50]) w.register(id);
    w.repos.admins.add(50, FOUNDER);
    const wave = w.waveWithTickets(3);
    const tickets = w.repos.tickets.unassigned(wave.id);
    for (const [index, userId] of [11, 12, 14].entries()) {
      assert.ok(w.repos.tickets.assign(tickets[index]!.id, userId));
      assert.ok(w.repos.tickets.markSent(tickets[index]!.id, userId, { messageId: 1, fileId: "f" }));
    }
    assert.ok(w.repos.checkins.admit({ userId: 12, ticketId: tickets[1]!.id, by: FOUNDER, method: "manual" }));
    w.repos.waiting.leftWithout(13, wave.id);
    w.repos.users.markBlocked(14);
    return w;
  }

  it("count each audience's people, blocked ones apart, organisers never among them", () => {
    const w = world();
    const ops = w.operations();
    const count = (audience: Audience, organisers = false) => {
      const draft = w.repos.broadcasts.createDraft({ by: FOUNDER, chatId: FOUNDER, summary: "x", content: { kind: "text", text: "x", entities: [] } });
      w.repos.broadcasts.setAudience(draft.id, audience);
      if (organisers) w.repos.broadcasts.toggleAdmins(draft.id);
      const { reachable, blocked, organisers: chosen } = ops.broadcasts.recipients(w.repos.broadcasts.byId(draft.id)!);
      return [reachable, blocked, chosen.length];
    };
    assert.deepEqual(count("everyone"), [4, 1, 0]);
    assert.deepEqual(count("with_ticket"), [2, 1, 0]);
    assert.deepEqual(count("without_ticket"), [2, 0, 0]);
    assert.deepEqual(count("not_checked_in"), [1, 1, 0]);
    assert.deepEqual(count("waiting"), [1, 0, 0]);
    assert.deepEqual(count("with_ticket", true), [2, 1, 2], "the owner and the admin, when chosen");
  });

  it("reach exactly their people through the delivery engine", async () => {
    for (const [audience, expected] of [
      ["everyone", [11, 12, 13, 15]],
      ["with_ticket", [11, 12]],
      ["without_ticket", [13, 15]],
      ["not_checked_in", [11]],
      ["waiting", [13]],
    ] as Array<[Audience, number[]]>) {
      const w = world();
      const ops = w.operations();
      const { engine, calls } = memoryEngine(w);
      const draft = w.repos.broadcasts.createDraft({ by: FOUNDER, chatId: FOUNDER, summary: "x", content: { kind: "text", text: "x", entities: [] } });
      const chosen = ops.broadcasts.chooseAudience(draft, audience);
      const result = ops.broadcasts.confirm({ draft: chosen, by: FOUNDER, chatId: FOUNDER, locale: "en" });
      assert.ok(result.ok);
      engine.start();
      await until(() => w.repos.broadcasts.byId(draft.id)!.status === "sent", `${audience} sent`);
      await engine.stop(1000);
      const reached = calls.filter((c) => c.method === "sendMessage" && c.chatId !== FOUNDER).map((c) => c.chatId);
      assert.deepEqual(reached.sort(), expected, audience);
    }
  });
});

describe("scheduled announcements", () => {
  it("start exactly once, with the audience as it is at that moment; a cancelled one never", () => {
    const w = memoryWorld();
    for (const id of [11, 12]) w.register(id);
    const ops = w.operations();
    const draft = () => w.repos.broadcasts.createDraft({ by: FOUNDER, chatId: FOUNDER, summary: "Doors open at 19:00", content: { kind: "text", text: "x", entities: [] } });
    const now = Date.now();
    const first = draft();
    assert.deepEqual(ops.broadcasts.schedule({ draftId: first.id, chatId: FOUNDER, at: now - 1, by: FOUNDER, locale: "ru" }, now), { ok: false, reason: "past" });
    const scheduled = ops.broadcasts.schedule({ draftId: first.id, chatId: FOUNDER, at: now + 1000, by: FOUNDER, locale: "ru" }, now);
    assert.ok(scheduled.ok && scheduled.recipients.reachable === 2);
    assert.deepEqual(ops.broadcasts.schedule({ draftId: first.id, chatId: FOUNDER, at: now + 2000, by: FOUNDER, locale: "ru" }, now), { ok: false, reason: "not_draft" });
    const second = draft();
    assert.ok(ops.broadcasts.schedule({ draftId: second.id, chatId: FOUNDER, at: now + 500, by: FOUNDER, locale: "ru" }, now).ok);
    assert.ok(ops.broadcasts.unschedule({ id: second.id, by: FOUNDER }).ok);

    assert.deepEqual(ops.broadcasts.due(now), [], "nothing is due before its moment");
    w.register(13); // registers before the moment: counted then
    const due = ops.broadcasts.due(now + 1000);
    assert.deepEqual(due.map((b) => b.id), [first.id], "a cancelled one is not due");
    const started = ops.broadcasts.startScheduled(first.id, now + 61_000);
    assert.ok(started.ok);
    assert.equal(started.total, 3);
    assert.equal(started.lateMs, 60_000);
    assert.deepEqual(ops.broadcasts.startScheduled(first.id, now + 62_000), { ok: false, reason: "not_scheduled" }, "never twice");
    assert.equal(ops.broadcasts.unschedule({ id: first.id, by: FOUNDER }).ok, false, "too late to cancel");
    assert.equal(w.repos.jobs.unfinished().length, 1);
  });
});
