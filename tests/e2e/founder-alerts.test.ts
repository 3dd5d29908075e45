import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { SimUser } from "../support/emulator/index.js";
import { Scenario, useScenario } from "../support/harness.js";

/**
 * How long a message that is not supposed to come is waited for. Alerts go
 * out within milliseconds; the next batch is due only a minute after the
 * first, so a few seconds of silence separate the two cases clearly. Nothing
 * the bot does in order can prove that a timer has not fired early, so this
 * is the one bounded wait here; the batching itself is unit-tested with mock
 * timers (tests/unit/alerts.test.ts).
 */
const QUIET_MS = 3_000;

const isAlert = (text: string | undefined) => /^Security and errors: \d+ events?\n/.test(text ?? "");
const alertsOf = (who: SimUser) => who.messages.filter((m) => isAlert(m.text));

/** Six bad invite codes in a row: the sixth starts a lock-out. */
async function lockOut(sc: Scenario, who: SimUser): Promise<void> {
  for (let i = 1; i <= 5; i++) assert.match((await sc.ask(who, `/start NotACode${i}`)).text!, /no such invite/);
  assert.match((await sc.ask(who, "/start NotACode6")).text!, /Too many invalid invites in a short time/);
}

describe("founder alerts: unauthorized attempts and lock-outs, batched (issue 7.5)", () => {
  const sc = useScenario({ noStart: true, env: { FOUNDER_ALERTS: "true" } });
  let cofounder: SimUser;
  let intruder: SimUser;
  before(async () => {
    cofounder = sc.user({ username: "cofounder" });
    intruder = sc.user({ username: "intruder" });
    await sc.startBot({ FOUNDER_IDS: `${sc.founder.id},${cofounder.id}` });
    // Both founders have written to the bot, so it may write to them.
    await sc.ask(sc.founder, "/myid");
    await sc.ask(cofounder, "/myid");
  });

  it("tells every founder of the first attempt at once", async () => {
    const since = [sc.founder, cofounder].map((f) => f.messages.length);
    assert.match((await sc.ask(intruder, "/export_users")).text!, /not available to you/);
    for (const [i, founder] of [sc.founder, cofounder].entries()) {
      const alert = await founder.waitFor((m) => isAlert(m.text), { since: since[i]! });
      assert.match(alert.text!, /^Security and errors: 1 event\n\n\d{4}-\d{2}-\d{2} \d{2}:\d{2} · @intruder \(\d+\) without the right: \/export_users$/);
    }
  });

  it("batches a burst of attempts and a lock-out within the minute into the next message, not one each", async () => {
    assert.match((await sc.ask(intruder, "/gen_invites 5")).text!, /not available to you/);
    assert.match((await sc.ask(intruder, "/delete_user 1")).text!, /not available to you/);
    assert.match((await sc.ask(intruder, "/list_tickets")).text!, /not available to you/);
    await lockOut(sc, sc.user({ username: "code_guesser" }));
    // Every attempt has been handled (and so queued for the founders); then silence for a while.
    await sc.settled();
    await sleep(QUIET_MS);
    assert.equal(alertsOf(sc.founder).length, 1, "no second message within the minute");
    assert.equal(alertsOf(cofounder).length, 1);

    // Stopping the bot sends what is waiting rather than dropping it: the
    // whole burst arrives as one message.
    await sc.bot.stop();
    for (const founder of [sc.founder, cofounder]) {
      const alerts = alertsOf(founder);
      assert.equal(alerts.length, 2);
      const text = alerts[1]!.text!;
      assert.match(text, /^Security and errors: 4 events\n/);
      assert.match(text, /@intruder \(\d+\) without the right: \/gen_invites/);
      assert.match(text, /@intruder \(\d+\) without the right: \/delete_user/);
      assert.match(text, /@intruder \(\d+\) without the right: \/list_tickets/);
      assert.match(text, /@code_guesser \(\d+\) was locked out: more than 5 invalid invites within 10 minutes/);
    }
  });
});

describe("founder alerts switched off: FOUNDER_ALERTS=false", () => {
  const sc = useScenario({ env: { FOUNDER_ALERTS: "false" } });
  before(async () => {
    await sc.ask(sc.founder, "/myid");
  });

  it("sends no alert, yet keeps the security log", async () => {
    const intruder = sc.user({ username: "quiet_intruder" });
    assert.match((await sc.ask(intruder, "/export_users")).text!, /not available to you/);
    await lockOut(sc, sc.user({ username: "quiet_guesser" }));
    // Every attempt has been handled, and stopping sends whatever alert is
    // still queued (see above): after both, no alert can come any more.
    await sc.settled();
    await sc.bot.stop();
    assert.deepEqual(alertsOf(sc.founder), []);
    const kinds = sc.query<{ kind: string }>("SELECT kind FROM security_log ORDER BY id").map((r) => r.kind);
    assert.deepEqual(kinds, ["unauthorized", "lockout"]);
  });
});
