import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useScenario } from "../support/harness.js";

describe("participant registration (SPEC §5)", () => {
  const sc = useScenario();

  it("registers a person through the deep link, the agreement and Accept", async () => {
    const [code] = await sc.invites(1);
    const anna = sc.user({ username: "anna_k", firstName: "Anna", lastName: "K" });
    const consent = await sc.ask(anna, `/start ${code}`);
    assert.match(consent.text!, /Consent to the processing of personal data/);
    const buttons = consent.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    assert.deepEqual(buttons, ["✅ Accept", "❌ Decline"]);
    const welcome = await sc.press(anna, "✅ Accept");
    assert.equal(welcome.message_id, consent.message_id, "the agreement message turns into the welcome");
    assert.match(welcome.text!, /Welcome, Anna! You are registered/);
    assert.deepEqual(welcome.reply_markup?.inline_keyboard ?? [], []);

    const [row] = sc.query<Record<string, unknown>>("SELECT * FROM users WHERE id = ?", anna.id);
    assert.equal(row!.username, "anna_k");
    assert.equal(row!.last_name, "K");
    assert.equal(row!.invite_code, code);
    assert.equal(row!.language_code, "en");
    assert.match(String(row!.agreement_version), /^en-[0-9a-f]{12}$/);
    assert.ok(Number(row!.consent_at) > 0 && Number(row!.registered_at) >= Number(row!.consent_at));
    const [invite] = sc.query<{ used_by: number }>("SELECT used_by FROM invites WHERE code = ?", code);
    assert.equal(invite!.used_by, anna.id);

    const again = await sc.ask(anna, `/start ${code}`);
    assert.match(again.text!, /already registered/);
  });

  it("refuses /start without a code and unknown or used codes, and the code of someone else's registration", async () => {
    const stranger = sc.user({ username: "stranger" });
    assert.match((await sc.ask(stranger, "/start")).text!, /personal invitation only/);
    assert.match((await sc.ask(stranger, "/start notARealCode123")).text!, /no such invite/);
    assert.match((await sc.ask(stranger, "/start bad code with spaces")).text!, /no such invite/);

    const [code] = await sc.invites(1);
    const first = sc.user({ username: "first_one" });
    await sc.ask(first, `/start ${code}`);
    assert.match((await sc.ask(stranger, `/start ${code}`)).text!, /Someone else is registering/);
    await sc.press(first, "✅ Accept");
    assert.match((await sc.ask(stranger, `/start ${code}`)).text!, /already been used/);
  });

  it("stores nothing but the refusal on Decline, and frees the code", async () => {
    const [code] = await sc.invites(1);
    const bob = sc.user({ username: "bob_declines" });
    await sc.ask(bob, `/start ${code}`);
    const declined = await sc.press(bob, "❌ Decline");
    assert.match(declined.text!, /declined/);
    const [row] = sc.query<{ registered_at: number | null; consent_at: number | null }>("SELECT * FROM users WHERE id = ?", bob.id);
    assert.equal(row!.registered_at, null);
    assert.equal(row!.consent_at, null);
    assert.equal(sc.query("SELECT * FROM consent_refusals WHERE user_id = ?", bob.id).length, 1);
    assert.equal(sc.query("SELECT * FROM pending_registrations WHERE user_id = ?", bob.id).length, 0);
    const carol = sc.user({ username: "carol" });
    await sc.ask(carol, `/start ${code}`);
    assert.match((await sc.press(carol, "✅ Accept")).text!, /registered/);
  });

  it("asks for a username, keeps the code reserved, and registers after Check again", async () => {
    const [code] = await sc.invites(1);
    const noName = sc.user({ username: null, firstName: "Nameless" });
    await sc.ask(noName, `/start ${code}`);
    const needName = await sc.press(noName, "✅ Accept");
    assert.match(needName.text!, /Settings → Username/);
    assert.deepEqual(needName.reply_markup!.inline_keyboard.flat().map((b) => b.text), ["🔄 Check again"]);
    assert.equal(sc.query("SELECT * FROM users WHERE id = ? AND registered_at IS NOT NULL", noName.id).length, 0);

    const queryId = noName.press("🔄 Check again");
    const answer = await noName.waitForCallbackAnswer(queryId);
    assert.match(answer.text!, /Still no username/);

    const other = sc.user({ username: "code_thief" });
    assert.match((await sc.ask(other, `/start ${code}`)).text!, /Someone else is registering/, "reserved meanwhile");

    noName.setUsername("now_named");
    const welcome = await sc.press(noName, "🔄 Check again");
    assert.match(welcome.text!, /registered/);
    const [row] = sc.query<{ username: string }>("SELECT username FROM users WHERE id = ?", noName.id);
    assert.equal(row!.username, "now_named");
  });

  it("lets exactly one of two people racing for one code register", async () => {
    const [code] = await sc.invites(1);
    const racers = [sc.user({ username: "racer_a" }), sc.user({ username: "racer_b" })];
    const replies = await Promise.all(racers.map((r) => sc.ask(r, `/start ${code}`)));
    const withAgreement = racers.filter((_, i) => replies[i]!.reply_markup);
    assert.equal(withAgreement.length, 1, "only one gets the agreement");
    await sc.press(withAgreement[0]!, "✅ Accept");
    const registered = sc.query("SELECT id FROM users WHERE id IN (?, ?) AND registered_at IS NOT NULL", racers[0]!.id, racers[1]!.id);
    assert.equal(registered.length, 1);
  });

  it("ignores a user for 10 minutes after more than five bad codes, and records the lock-out", async () => {
    const guesser = sc.user({ username: "guesser" });
    for (let i = 0; i < 5; i++) assert.match((await sc.ask(guesser, `/start guess${i}`)).text!, /no such invite/);
    assert.match((await sc.ask(guesser, "/start guess5")).text!, /I will not accept any for the next 10 minutes/);
    const [code] = await sc.invites(1);
    const before = guesser.messages.length;
    guesser.send(`/start ${code}`);
    // Handled, and a handler's replies are out before it finishes: silence now is silence for good.
    await sc.settled(guesser);
    assert.equal(guesser.messages.length, before, "no answer during the lock-out, not even to a valid code");
    const events = sc.query<{ kind: string; user_id: number; username: string }>("SELECT * FROM security_log WHERE kind = 'lockout'");
    assert.equal(events.length, 1);
    assert.equal(events[0]!.user_id, guesser.id);
    assert.equal(events[0]!.username, "guesser");
  });

  it("refreshes usernames and names on every update", async () => {
    const [code] = await sc.invites(1);
    const dana = sc.user({ username: "dana_old", firstName: "Dana" });
    await sc.ask(dana, `/start ${code}`);
    await sc.press(dana, "✅ Accept");
    dana.setUsername("dana_new");
    await sc.ask(dana, "/help");
    const [row] = sc.query<{ username: string }>("SELECT username FROM users WHERE id = ?", dana.id);
    assert.equal(row!.username, "dana_new");
  });

  it("speaks Russian to Russian users", async () => {
    const [code] = await sc.invites(1);
    const ivan = sc.user({ username: "ivan", firstName: "Иван", languageCode: "ru" });
    const consent = await sc.ask(ivan, `/start ${code}`);
    assert.match(consent.text!, /Согласие на обработку персональных данных/);
    const welcome = await sc.press(ivan, "✅ Принимаю");
    assert.match(welcome.text!, /Добро пожаловать, Иван!/);
    const [row] = sc.query<{ agreement_version: string }>("SELECT agreement_version FROM users WHERE id = ?", ivan.id);
    assert.match(row!.agreement_version, /^ru-/);
  });
});
