import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { PNG } from "pngjs";
import { PICTURE } from "../../src/stats/render.js";
import type { BotMessage, SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { useScenario } from "../support/harness.js";
import { sendAndWait, ticketPdfs, uploadZip } from "../support/waves.js";

/**
 * /stats against the real process: one picture of the renderer's size, and
 * a caption whose numbers are the database's, in the reader's language.
 */
describe("/stats: the state of the event in one picture", () => {
  const sc = useScenario({ env: { TIME_ZONE: "Europe/Moscow" } });
  let people: SimUser[];
  let russian: SimUser;

  const isPicture = (m: BotMessage) => m.photo !== undefined;
  const count = (sql: string, ...params: unknown[]) => sc.query<{ n: number }>(sql, ...params)[0]!.n;

  before(async () => {
    people = Array.from({ length: 5 }, (_, i) => sc.user({ username: `stats_${i}` }));
    await sc.register(people);
    const [revoked] = await sc.invites(3);
    assert.match((await sc.ask(sc.founder, `/revoke_invite ${revoked}`)).text!, /is revoked/);
    assert.match((await sc.ask(sc.founder, "/event name Осенний бал «Код и люди»")).text!, /^Saved/);
    // One participant blocks the bot: the delivery to them is not delivered.
    people[4]!.block();
    await sc.ask(sc.founder, "/new_wave Main");
    assert.match((await uploadZip(sc, sc.founder, makeZip(ticketPdfs(5, "stats")))).text!, /Loaded 5 tickets/);
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 4 messages sent/);
    for (const who of people.slice(0, 2)) assert.match((await sc.ask(sc.founder, `/checkin @${who.username}`)).text!, /^✅/);
    russian = sc.user({ username: "stats_admin", firstName: "Ольга", languageCode: "ru" });
    await sc.ask(russian, "/myid");
    await sc.ask(sc.founder, `/add_admin ${russian.id}`);
  });

  it("one PNG of the renderer's size, whose caption's numbers are the database's", async () => {
    const photo = await sc.ask(sc.founder, "/stats", { expect: isPicture, timeoutMs: 30_000 });
    const png = PNG.sync.read(sc.founder.download(photo));
    assert.deepEqual([png.width, png.height], [PICTURE.width, PICTURE.height]);

    const caption = photo.caption!;
    const numbers = (pattern: RegExp): number[] => {
      const match = pattern.exec(caption);
      assert.ok(match, `${pattern} in:\n${caption}`);
      return match.slice(1).map(Number);
    };
    assert.match(caption, /^📊 Overview: Осенний бал «Код и люди»\nAs of \d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/Moscow\)/);

    const [registered] = numbers(/👥 (\d+) participants? registered/);
    assert.equal(registered, count("SELECT COUNT(*) AS n FROM users WHERE registered_at IS NOT NULL"));
    assert.equal(registered, 5);

    const [used, total, unused, expired, revokedInvites] = numbers(/✉️ Invites: (\d+) of (\d+) used, (\d+) unused, (\d+) expired, (\d+) revoked/);
    assert.deepEqual(
      { used, total, unused, expired, revoked: revokedInvites },
      {
        used: count("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NOT NULL"),
        total: count("SELECT COUNT(*) AS n FROM invites"),
        unused: count("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", Date.now()),
        expired: count("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NULL AND revoked_at IS NULL AND expires_at <= ?", Date.now()),
        revoked: count("SELECT COUNT(*) AS n FROM invites WHERE used_by IS NULL AND revoked_at IS NOT NULL"),
      },
    );
    assert.deepEqual([used, unused, revokedInvites], [5, 2, 1]);

    const [sent, tickets, assigned, available] = numbers(/🎟 Wave “Main”: (\d+) of (\d+) tickets? sent, (\d+) assigned, (\d+) available/);
    const ofWave = (status: string) => count("SELECT COUNT(*) AS n FROM tickets t JOIN waves w ON w.id = t.wave_id WHERE w.status <> 'ended' AND t.status = ?", status);
    assert.deepEqual(
      { sent, tickets, assigned, available },
      {
        sent: ofWave("sent"),
        tickets: count("SELECT COUNT(*) AS n FROM tickets t JOIN waves w ON w.id = t.wave_id WHERE w.status <> 'ended'"),
        assigned: ofWave("assigned"),
        available: ofWave("available"),
      },
    );
    assert.deepEqual([sent, available], [4, 1]);

    const [delivered, notDelivered] = numbers(/📤 Deliveries: (\d+) sent, (\d+) not delivered/);
    assert.equal(delivered, count("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent' AND notice IS NULL"));
    assert.equal(
      notDelivered,
      count("SELECT COUNT(*) AS n FROM deliveries WHERE notice IS NULL AND (status = 'failed' OR (status = 'skipped' AND error_kind = 'erased'))"),
    );
    assert.deepEqual([delivered, notDelivered], [4, 1]);

    const [inside, holders] = numbers(/✅ Check-ins: (\d+) of (\d+) participants? with a ticket/);
    assert.equal(inside, count("SELECT COUNT(*) AS n FROM checkins WHERE undone_at IS NULL"));
    assert.equal(holders, count("SELECT COUNT(DISTINCT user_id) AS n FROM tickets WHERE status = 'sent'"));
    assert.deepEqual([inside, holders], [2, 4]);
  });

  it("in Russian for a Russian-speaking admin, with the same numbers", async () => {
    const photo = await sc.ask(russian, "/stats", { expect: isPicture, timeoutMs: 30_000 });
    const png = PNG.sync.read(russian.download(photo));
    assert.deepEqual([png.width, png.height], [PICTURE.width, PICTURE.height]);
    assert.match(photo.caption!, /^📊 Сводка: Осенний бал «Код и люди»\nДанные на .* \(Europe\/Moscow\)/);
    assert.match(photo.caption!, /👥 Зарегистрировано 5 участников/);
    assert.match(photo.caption!, /🎟 Волна «Main»: отправлено 4 из 5 билетов, назначено 0, свободно 1/);
    assert.match(photo.caption!, /✅ Вход отмечен у 2 из 4 участников с билетом/);
  });

  it("the admin menu's 📈 button sends the same picture; participants are refused", async () => {
    const menu = await sc.ask(sc.founder, "/menu");
    const photo = await sc.press(sc.founder, "📈 Overview", menu.message_id, { expect: isPicture, timeoutMs: 30_000 });
    assert.match(photo.caption!, /👥 5 participants registered/);
    const refused = await sc.ask(people[0]!, "/stats");
    assert.equal(refused.photo, undefined);
    assert.match(refused.text!, /not available to you/);
  });
});
