import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import ICAL from "ical.js";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makePdf, makeZip } from "../support/fixtures.js";
import { findIn, sheetText } from "../support/leaks.js";
import { acceptButton, type Scenario, useScenario } from "../support/harness.js";
import { waitUntil } from "../support/wait.js";
import { sendAndWait, ticketPdfs, uploadZip, waitForSummary } from "../support/waves.js";

/**
 * The participant's side (issue 15) against the real process: the event's
 * details in the welcome, on the ticket and in /info with its .ics; the
 * waiting list, its notices and its order; questions relayed to the
 * organisers, answered by a reply, marked answered, rate-limited and batched
 * without loss (across a restart), also through a support group; /mydata;
 * /leave erasing everything, while a delivery runs.
 */

const ZONE = "Europe/Moscow";
const GROUP = -4000000001;

/** The first bot message in `who`'s chat since `since` that matches. */
function next(who: SimUser, since: number, pattern: RegExp, timeoutMs = 20_000): Promise<BotMessage> {
  return who.waitFor((m) => pattern.test(m.text ?? m.caption ?? ""), { since, timeoutMs });
}

/** Registers one person with an invite and returns the welcome (the agreement message turned into it). */
async function registerOne(sc: Scenario, who: SimUser): Promise<BotMessage> {
  const [code] = await sc.invites(1);
  const consent = await sc.ask(who, `/start ${code}`);
  return sc.press(who, acceptButton(consent), consent.message_id);
}



describe("the event's details, the waiting list and questions to the organisers", () => {
  const sc = useScenario({ env: { TIME_ZONE: ZONE } });
  let anna: SimUser;
  let boris: SimUser;
  let clara: SimUser;
  let ivan: SimUser;

  before(async () => {
    ivan = sc.user({ username: "ivan_admin", firstName: "Ivan" });
    await sc.ask(ivan, "/myid");
    assert.match((await sc.ask(sc.founder, `/add_admin ${ivan.id}`)).text!, /is now an admin/);
  });

  it("/event sets the details; the welcome names the event and says what comes next", async () => {
    assert.match((await sc.ask(sc.founder, "/event")).text!, /nothing yet[\s\S]*\/event date 24\.05\.2026 19:00/);
    assert.match((await sc.ask(sc.founder, "/event name Spring Gala")).text!, /^Saved\.[\s\S]*🎉 Spring Gala/);
    assert.match((await sc.ask(sc.founder, "/event date 31.02.2026 19:00")).text!, /no such date/);
    assert.match((await sc.ask(sc.founder, "/event date tomorrow")).text!, /could not read the date/);
    assert.match((await sc.ask(sc.founder, "/event date 24.05.2026 19:00")).text!, /📅 24\.05\.2026 19:00 \(Europe\/Moscow\)/);
    assert.match((await sc.ask(sc.founder, "/event place 1 Main Street, Moscow | https://maps.example.com/hall")).text!, /📍 1 Main Street, Moscow\n🗺 https:\/\/maps\.example\.com\/hall/);
    assert.match((await sc.ask(sc.founder, "/event заметка Dress code: black tie")).text!, /📝 Dress code: black tie/);
    assert.equal(sc.query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'event'")[0]!.n, 4, "every change audited");
    assert.match((await sc.ask(sc.user({ username: "nosy_guest" }), "/info")).text!, /registered participants/);

    anna = sc.user({ username: "anna_q", firstName: "Anna", lastName: "Quist" });
    const welcome = await registerOne(sc, anna);
    assert.match(welcome.text!, /^Welcome, Anna! You are registered for “Spring Gala”\.\n\n📅 24\.05\.2026 19:00 \(Europe\/Moscow\)\n📍 1 Main Street, Moscow\n🗺 https:\/\/maps\.example\.com\/hall\n\nWhat happens next: your ticket will arrive in this chat/);
  });

  it("/info shows the details with a valid .ics file (DTSTART in UTC)", async () => {
    const since = anna.messages.length;
    const info = await sc.ask(anna, "/info");
    assert.match(info.text!, /^About the event\n\n🎉 Spring Gala\n📅 24\.05\.2026 19:00 \(Europe\/Moscow\)/);
    const file = await anna.waitFor((m) => m.document !== undefined, { since });
    assert.equal(file.document!.file_name, "event.ics");
    const ics = anna.download(file).toString("utf8");
    assert.match(ics, /\r\nDTSTART:20260524T160000Z\r\n/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    assert.equal(event.summary, "Spring Gala");
    assert.equal(event.location, "1 Main Street, Moscow");
    assert.equal(event.startDate.toJSDate().toISOString(), "2026-05-24T16:00:00.000Z");
    assert.match(event.description, /Dress code: black tie/);
  });

  it("tickets name the event; whoever gets none is told they are on the waiting list, and is served first next time", async () => {
    boris = sc.user({ username: "boris_q", firstName: "Boris" });
    clara = sc.user({ username: "clara_q", firstName: "Clara" });
    await sc.register([boris, clara], 1);
    assert.match((await sc.ask(clara, "/ticket")).text!, /You have no ticket yet: the organisers have not started sending tickets/);
    await sc.ask(sc.founder, "/new_wave First");
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(2, "first")))).text!, /Loaded 2 tickets/);
    assert.match((await sc.ask(clara, "/ticket")).text!, /it has not been sent/);
    await sc.ask(sc.founder, "/confirm_wave");
    const claraMark = clara.messages.length;
    const summary = await sendAndWait(sc);
    assert.match(summary.text!, /✅ 2 messages sent/);
    assert.match(summary.text!, /No ticket left for 1 participant: they are on the waiting list\n {2}· 1 of them was told so/);
    const caption = anna.documents().find((m) => m.document!.file_name!.endsWith(".pdf"))!.caption!;
    assert.equal(caption, "🎟 Your ticket for “Spring Gala” · wave “First”\n📅 24.05.2026 19:00 (Europe/Moscow)\n📍 1 Main Street, Moscow\nShow this ticket at the entrance.");
    assert.equal(boris.documents()[0]!.caption, caption);
    await next(clara, claraMark, /The tickets have run out[\s\S]*You are on the waiting list/);
    assert.equal(clara.documents().length, 0);
    assert.match((await sc.ask(clara, "/ticket")).text!, /the tickets ran out and you are on the waiting list/);
    // /ticket with a ticket: the same caption.
    const again = await sc.ask(anna, "/ticket", { expect: (m) => m.document !== undefined });
    assert.equal(again.caption, caption);

    // A second run in the same wave with no ticket left does not tell her again.
    const quiet = clara.messages.length;
    assert.match((await sendAndWait(sc)).text!, /No ticket left for 1 participant: they are on the waiting list$/m);
    await sc.settled();
    assert.equal(clara.messages.length, quiet, "told once per wave");

    // The wave ends: she is told, and /ticket says so.
    const ask = await sc.ask(sc.founder, "/end_wave");
    const ended = await sc.press(sc.founder, "End the wave", ask.message_id);
    assert.match(ended.text!, /1 participant is on the waiting list: I will tell them/);
    await next(clara, quiet, /This wave of tickets has ended/);
    assert.match((await sc.ask(clara, "/ticket")).text!, /the wave has ended and there was none for you/);
    assert.equal(sc.founder.messages.filter((m) => /notices to the waiting list/.test(m.text ?? "")).length, 0, "the notices report to nobody");

    // A new wave with one ticket: Anna registered first, but Clara has been waiting — she gets it.
    await sc.ask(sc.founder, "/new_wave Second");
    const [only] = ticketPdfs(1, "second");
    assert.match((await uploadZip(sc, sc.founder, makeZip([only!]))).text!, /Loaded 1 ticket/);
    await sc.ask(sc.founder, "/confirm_wave");
    const annaMark = anna.messages.length;
    assert.match((await sendAndWait(sc)).text!, /✅ 1 message sent/);
    assert.equal(clara.documents().length, 1, "the waiting list is served first");
    assert.equal(anna.documents().filter((m) => /wave “Second”/.test(m.caption ?? "")).length, 0);
    await next(anna, annaMark, /You are on the waiting list/);
  });

  let card: BotMessage;

  it("a participant's question reaches every admin with who sent it; a reply goes back; every copy shows who answered", async () => {
    const founderMark = sc.founder.messages.length;
    const ivanMark = ivan.messages.length;
    const ack = await sc.ask(anna, "Is there parking near the hall?");
    assert.match(ack.text!, /I have passed your message on to the organisers/);
    card = await next(sc.founder, founderMark, /Question from the participant/);
    assert.equal(card.text, `❓ Question from the participant Anna Quist, @anna_q (${anna.id}):\n\nIs there parking near the hall?`);
    assert.deepEqual(card.reply_markup!.inline_keyboard.flat().map((b) => b.text), ["👤 Person card"]);
    // Ivan never told the bot his language (he was known by id only when made an admin): DEFAULT_LOCALE.
    const ivanCard = await next(ivan, ivanMark, /Вопрос от участника/);
    assert.equal(ivanCard.text, `❓ Вопрос от участника Anna Quist, @anna_q (${anna.id}):\n\nIs there parking near the hall?`);

    // The person card, from the button.
    const shown = await sc.press(sc.founder, "👤 Person card", card.message_id, { expect: /^👤 Anna Quist/ });
    assert.match(shown.text!, /@anna_q/);

    // The founder replies to the relayed question.
    const question = anna.messages.length;
    const confirmed = await (async () => {
      await sc.settled(sc.founder);
      const since = sc.founder.messages.length;
      sc.founder.send("Yes, behind the hall. *Free* after 18:00", { replyTo: card.message_id });
      return next(sc.founder, since, /Answer sent/);
    })();
    assert.equal(confirmed.text, `✉️ Answer sent to the participant @anna_q (${anna.id}).`);
    const answer = await next(anna, question, /organisers' answer/);
    assert.equal(answer.text, "💬 The organisers' answer:\n\nYes, behind the hall. *Free* after 18:00");
    assert.equal(answer.reply_to_message?.text, "Is there parking near the hall?", "quoted under her question");
    const answeredMark = /\n\n✅ Answered by @founder \(\d+\) at \d{2}:\d{2} \(Europe\/Moscow\)$/;
    await sc.founder.waitFor((m) => m.message_id === card.message_id && answeredMark.test(m.text ?? ""), { includeDeleted: false });
    await ivan.waitFor((m) => m.message_id === ivanCard.message_id && /\n\n✅ Отвечено: @founder \(\d+\), \d{2}:\d{2} \(Europe\/Moscow\)$/.test(m.text ?? ""));

    // A photo with a caption: the photo itself, and the card replying to it.
    const photoMark = sc.founder.messages.length;
    anna.sendPhoto(makePdf("entrance photo"), { caption: "Is this the entrance?" });
    const copy = await sc.founder.waitFor((m) => m.photo !== undefined, { since: photoMark });
    assert.equal(copy.caption, "Is this the entrance?");
    const photoCard = await next(sc.founder, photoMark, /Question from the participant/);
    assert.equal(photoCard.reply_to_message?.message_id, copy.message_id);
    assert.match(photoCard.text!, /\[photo\] Is this the entrance\?$/);

    // /chatlog shows both directions: her question in, the answer out.
    const since = sc.founder.messages.length;
    sc.founder.send("/chatlog @anna_q");
    const log = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    const text = sc.founder.download(log).toString("utf8");
    assert.match(text, /→ person: Is there parking near the hall\?/);
    assert.match(text, /← bot: {4}💬 The organisers' answer:/);
  });

  it("a reply to anything else, or by a participant, answers nobody", async () => {
    const before = anna.messages.length;
    assert.match((await sc.ask(sc.founder, "just a note", {})).text!, /only understand commands/);
    const welcome = sc.founder.messages.find((m) => /Spring Gala/.test(m.text ?? ""))!;
    await sc.settled(sc.founder);
    const mark = sc.founder.messages.length;
    sc.founder.send("a reply to my own message", { replyTo: welcome.message_id });
    await next(sc.founder, mark, /only understand commands/);
    await sc.settled();
    assert.equal(anna.messages.length, before);
  });

  it("/mydata: everything stored about the person, readable, times in the zone named", async () => {
    const since = anna.messages.length;
    anna.send("/mydata");
    const file = await anna.waitFor((m) => m.document !== undefined, { since });
    assert.match(file.document!.file_name!, /^my-data-.*\.txt$/);
    const text = anna.download(file).toString("utf8");
    const [person] = sc.query<{ agreement_version: string; invite_code: string }>("SELECT agreement_version, invite_code FROM users WHERE id = ?", anna.id);
    for (const expected of [
      `(times in ${ZONE})`,
      `Telegram id: ${anna.id}`,
      "Username: @anna_q",
      "First name: Anna",
      "Last name: Quist",
      `Agreement version: ${person!.agreement_version}`,
      `Invite code: ${person!.invite_code}`,
      "wave “First”: ticket-first-0001.pdf — sent",
      "on the waiting list since",
      "Is there parking near the hall? — answered",
      "[photo] Is this the entrance? — not answered yet",
      "→ you: Is there parking near the hall?",
      "← bot: 💬 The organisers' answer:",
      "/leave",
    ]) {
      assert.ok(text.includes(expected), `/mydata has "${expected}":\n${text}`);
    }
  });
});

describe("questions over the limit are batched, never lost, also across a restart", () => {
  const sc = useScenario();

  it(`a flood becomes three relays and one batch a minute later; one acknowledgement; the batch is answered like any question`, async () => {
    const boris = sc.user({ username: "boris_flood", firstName: "Boris" });
    await sc.register([boris]);
    const founderMark = sc.founder.messages.length;
    const borisMark = boris.messages.length;
    for (let i = 1; i <= 5; i++) boris.send(`message number ${i}`);
    boris.sendPhoto(makePdf("flood photo"), { caption: "message number 6" });
    await sc.settled(boris);
    const cards = () => sc.founder.messages.slice(founderMark).filter((m) => /Question from the participant|wrote \d+ more messages/.test(m.text ?? ""));
    await waitUntil(() => cards().length === 3, "three relays at once");
    assert.deepEqual(cards().map((m) => m.text!.split("\n\n")[1]), ["message number 1", "message number 2", "message number 3"]);
    assert.equal(boris.messages.slice(borisMark).length, 1, "one acknowledgement");

    // The rest wait in the database; the bot is stopped while they wait and started after their minute.
    const [batch] = sc.query<{ id: number; due_at: number; sent_at: number | null }>("SELECT id, due_at, sent_at FROM relays WHERE user_id = ? ORDER BY id DESC LIMIT 1", boris.id);
    assert.equal(batch!.sent_at, null);
    assert.equal(sc.query("SELECT * FROM questions WHERE relay_id = ?", batch!.id).length, 3);
    await sc.bot.stop();
    await waitUntil(() => Date.now() > batch!.due_at, "the batch's minute is over", { timeoutMs: 70_000, everyMs: 500 });
    await sc.startBot();
    await waitUntil(() => cards().length === 4, "the batch after the restart", { timeoutMs: 20_000 });
    const batchCard = cards()[3]!;
    assert.equal(batchCard.text!.split("\n")[0], `❓ The participant Boris, @boris_flood (${boris.id}) wrote 3 more messages within a minute:`);
    for (const i of [4, 5]) assert.match(batchCard.text!, new RegExp(`\\d{2}:\\d{2} message number ${i}`));
    assert.match(batchCard.text!, /\d{2}:\d{2} \[photo\] message number 6$/);

    // The batch's photo on request, not pushed into the chat.
    const shown = await sc.press(sc.founder, "📎 Show 1 attachment", batchCard.message_id, { expect: (m) => m.photo !== undefined });
    assert.equal(shown.caption, "message number 6");

    const since = boris.messages.length;
    sc.founder.send("Got all six, thanks", { replyTo: batchCard.message_id });
    const answer = await next(boris, since, /organisers' answer/);
    assert.equal(answer.reply_to_message?.caption, "message number 6", "quoted under the latest message of the batch");
  });
});

describe("questions through a support group (SUPPORT_CHAT_ID)", () => {
  const sc = useScenario({ env: { SUPPORT_CHAT_ID: String(GROUP) } });

  it("relays go to the group only; the group's chatter is ignored; only an admin's reply answers", async () => {
    const member = sc.user({ username: "group_member", firstName: "Gina" });
    const dana = sc.user({ username: "dana_q", firstName: "Dana" });
    await sc.register([dana]);
    sc.emu.sendGroupMessage(member, "hi all, the bot is here now");
    sc.emu.sendGroupMessage(member, "/help");
    await sc.settled();
    assert.equal(sc.emu.chatMessages(GROUP).length, 0, "nothing said in the group");

    const founderMark = sc.founder.messages.length;
    await sc.ask(dana, "Can I bring a friend?");
    // The group has no language of its own: DEFAULT_LOCALE (ru).
    const inGroup = () => sc.emu.chatMessages(GROUP).filter((m) => /Вопрос от участника/.test(m.text ?? ""));
    await waitUntil(() => inGroup().length === 1, "the question in the group");
    const card = inGroup()[0]!;
    assert.match(card.text!, /Can I bring a friend\?$/);
    await sc.settled();
    assert.equal(sc.founder.messages.slice(founderMark).filter((m) => /Question/.test(m.text ?? "")).length, 0, "not to the admins' private chats");

    // A group member who is no admin replies: nothing reaches Dana.
    const danaMark = dana.messages.length;
    sc.emu.sendGroupMessage(member, "sure, why not", "group", { replyTo: card.message_id });
    await sc.settled();
    assert.equal(dana.messages.length, danaMark);
    // The founder replies in the group: Dana gets it, the card shows who answered.
    sc.emu.sendGroupMessage(sc.founder, "Yes, one friend per ticket.", "group", { replyTo: card.message_id });
    const answer = await next(dana, danaMark, /organisers' answer/);
    assert.equal(answer.text, "💬 The organisers' answer:\n\nYes, one friend per ticket.");
    await waitUntil(() => /✅ Отвечено: @founder/.test(inGroup()[0]!.text ?? ""), "the card marked answered");
    assert.equal(sc.emu.chatMessages(GROUP).filter((m) => !/Вопрос от участника/.test(m.text ?? "")).length, 0, "no other message in the group");

    // Any other group is still told the bot works privately, and left.
    sc.emu.sendGroupMessage(member, "/start", "group", { chatId: -4000000999 });
    await waitUntil(() => sc.emu.chatMessages(-4000000999).length === 1, "the private-only notice");
    assert.match(sc.emu.chatMessages(-4000000999)[0]!.text!, /private chats only/);
  });
});

describe("/leave: the participant's own erasure", () => {
  const sc = useScenario();

  /** Everything the participant was and wrote: none of it may remain. */
  const LENA = { username: "lena_leaves_9", firstName: "Lenora", lastName: "Vandersloot-Akintola", said: ["My seat is row 7, seat 12 — qzx", "Photo of my ID card qzx"] };

  it("erases everything, as /delete_user does, while a delivery waits for her; she needs a new invite to come back", async () => {
    const lena = sc.user({ username: LENA.username, firstName: LENA.firstName, lastName: LENA.lastName });
    const mark = sc.user({ username: "mark_stays", firstName: "Mark" });
    await sc.register([lena, mark], 1);
    assert.match((await sc.ask(lena, LENA.said[0]!)).text!, /passed your message on/);
    lena.sendPhoto(makePdf("id card"), { caption: LENA.said[1]! });
    const card = await next(sc.founder, 0, new RegExp(LENA.said[0]!.slice(0, 20)));
    await sc.press(sc.founder, "👤 Person card", card.message_id, { expect: /^👤 Lenora/ });
    sc.founder.send("Row 7 it is", { replyTo: card.message_id });
    await next(lena, 0, /organisers' answer/);

    // A ticket wave whose delivery to her waits for a retry, and an announcement queued behind it.
    await sc.ask(sc.founder, "/new_wave Leave");
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(2, "leave")))).text!, /Loaded 2 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");
    sc.emu.faults.add({ method: "sendDocument", chatId: lena.id, kind: "5xx", status: 502, times: 2 });
    const since = sc.founder.messages.length;
    sc.founder.send("/send_tickets");
    const attempts = () => sc.query<{ attempts: number; status: string }>("SELECT d.attempts, d.status FROM deliveries d JOIN jobs j ON j.id = d.job_id WHERE j.kind = 'tickets' AND d.user_id = ?", lena.id)[0];
    await waitUntil(() => attempts()?.attempts === 2 && attempts()?.status === "retry", "her delivery failed twice and waits");
    const preview = await sc.ask(sc.founder, "/broadcast See you soon", { expect: /To: everyone — 2 participants\./ });
    sc.founder.press("✅ Send to 2 people", { messageId: preview.message_id });
    await sc.settled(sc.founder);

    // /leave: what will be erased, a confirmation, then the last message she gets.
    const question = await sc.ask(lena, "/leave");
    assert.match(question.text!, /Do you want to withdraw your consent and delete your data\?[\s\S]*new invite/);
    const founderMark = sc.founder.messages.length;
    const done = await sc.press(lena, "🗑 Delete my data", question.message_id);
    assert.match(done.text!, /^Done: your consent is withdrawn and your data deleted/);
    // Her last message is that "done"; every call after it is checked below.
    const lastToHer = sc.emu.calls.findLastIndex((c) => c.chatId === lena.id && c.method === "editMessageText" && /^Done:/.test(String(c.params.text)));
    assert.ok(lastToHer >= 0);
    const notice = await next(sc.founder, founderMark, /withdrew their consent/);
    assert.equal(notice.text, `👋 Participant #${lena.id} withdrew their consent and deleted their data (/leave).`);

    const ticketSummary = await waitForSummary(sc, since, 90_000);
    assert.match(ticketSummary.text!, /1 person was deleted during the delivery/);
    await sc.founder.waitFor((m) => /^Summary of delivery #\d+: announcement/.test(m.text ?? ""), { since, timeoutMs: 60_000 });
    const late = sc.emu.calls.slice(lastToHer + 1).filter((c) => c.chatId === lena.id && c.method !== "answerCallbackQuery");
    assert.deepEqual(late.map((c) => c.method), [], "nothing more was sent to her");
    assert.equal(mark.messages.filter((m) => m.text === "See you soon").length, 1);

    // Gone from every report, chat log and the database.
    const needles = [LENA.username, LENA.firstName, LENA.lastName, ...LENA.said];
    for (const command of ["/full_report", "/export_users", "/list_tickets", "/failed_report", "/chatlog @founder"]) {
      const reply = await sc.ask(sc.founder, command, { expect: (m) => m.document !== undefined, timeoutMs: 30_000 });
      const data = sc.founder.download(reply);
      const text = reply.document!.file_name!.endsWith(".xlsx") ? sheetText(data) : data.toString("utf8");
      assert.deepEqual(findIn([{ where: command, text }], needles), [], command);
    }
    assert.match((await sc.ask(sc.founder, `/chatlog ${lena.id}`)).text!, /was deleted on/);
    assert.deepEqual(sc.query<{ actor_id: number; args: string }>("SELECT actor_id, args FROM audit_log WHERE action = 'leave'"), [{ actor_id: lena.id, args: String(lena.id) }]);
    await sc.bot.stop();
    const raw = readdirSync(sc.dir)
      .filter((name) => name.startsWith("users.db"))
      .map((name) => ({ where: `raw ${name}`, text: readFileSync(join(sc.dir, name)).toString("utf8") }));
    assert.ok(raw.length > 0);
    assert.deepEqual(findIn(raw, needles), [], "the database file, free pages included");
    const db = new Database(sc.env.DATABASE_PATH!, { readonly: true });
    const founderLog = db.prepare("SELECT kind, detail, content FROM chat_log WHERE user_id = ? ORDER BY id").all(sc.founder.id) as Array<{ kind: string; detail: string | null; content: string }>;
    db.close();
    assert.ok(
      founderLog.some((l) => l.kind === "question_erased" && l.detail === `#${lena.id}` && l.content === ""),
      "the relayed question in the founder's chat log is reduced to #id",
    );
    await sc.startBot();

    // Back with a new invite: a participant again, from scratch.
    const welcome = await registerOne(sc, lena);
    assert.match(welcome.text!, /Welcome, Lenora! You are registered/);
    assert.match((await sc.ask(lena, "/ticket")).text!, /no ticket/);
  });
});
