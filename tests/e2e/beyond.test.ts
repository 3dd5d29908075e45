import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { SimUser } from "../support/emulator/index.js";
import { makeZip } from "../support/fixtures.js";
import { acceptButton, type Cell, readSheets, useScenario } from "../support/harness.js";
import { received, sendAndWait, sha256, ticketPdfs, uploadZip } from "../support/waves.js";

describe("protected and paid ticket delivery: PROTECT_TICKETS, PAID_BROADCAST (issue 7.2, 7.6)", () => {
  const sc = useScenario({ env: { PROTECT_TICKETS: "true", PAID_BROADCAST: "true" } });
  let people: SimUser[];
  const pdfs = ticketPdfs(3, "protected");
  before(async () => {
    people = Array.from({ length: 3 }, (_, i) => sc.user({ username: `protected_${i}` }));
    await sc.register(people);
    await sc.ask(sc.founder, "/new_wave Protected");
    await uploadZip(sc, sc.founder, makeZip(pdfs));
    await sc.ask(sc.founder, "/confirm_wave");
    assert.match((await sendAndWait(sc)).text!, /✅ 3 messages sent/);
  });

  const ticketDocuments = () => {
    const hashes = new Set(pdfs.map((p) => sha256(p.data)));
    return sc.emu.sentDocuments().filter((d) => hashes.has(d.sha256));
  };

  it("sends every ticket with protect_content, and only tickets", async () => {
    const sent = ticketDocuments();
    assert.equal(sent.length, 3);
    assert.ok(sent.every((d) => d.protectContent), "each ticket is protected from forwarding and saving");
    const got = received(people);
    assert.equal(new Set([...got.values()].flat()).size, 3);
    for (const person of people) assert.equal(person.documents()[0]!.has_protected_content, true);
    // The founder's own files (the invites workbook) are not tickets and stay forwardable.
    const workbooks = sc.emu.sentDocuments().filter((d) => d.chatId === sc.founder.id);
    assert.ok(workbooks.length > 0 && workbooks.every((d) => !d.protectContent));
  });

  it("/ticket sends the ticket again, still protected", async () => {
    const before = ticketDocuments().length;
    const again = await sc.ask(people[1]!, "/ticket");
    assert.equal(again.document!.file_unique_id, people[1]!.documents()[0]!.document!.file_unique_id);
    assert.equal(again.has_protected_content, true);
    const resent = ticketDocuments().slice(before);
    assert.equal(resent.length, 1);
    assert.equal(resent[0]!.protectContent, true);
  });

  it("marks ticket sends as paid broadcasts, and nothing else", () => {
    const toPeople = new Set(people.map((p) => p.id));
    const ticketSends = sc.emu.calls.filter((c) => c.method === "sendDocument" && c.ok && toPeople.has(c.chatId!) && c.params.caption === "🎟 Your ticket · wave “Protected”\nShow this ticket at the entrance.");
    // Three from the delivery, one from /ticket.
    assert.equal(ticketSends.length, 4);
    const delivered = ticketSends.filter((c) => c.params.allow_paid_broadcast === true);
    assert.equal(delivered.length, 3, "every send of the delivery carries allow_paid_broadcast");
    const replies = sc.emu.calls.filter((c) => c.method === "sendMessage" && c.params.allow_paid_broadcast !== undefined);
    assert.deepEqual(replies, [], "interactive replies are never paid");
  });
});

/** Every row of a sheet as { header → cell }. */
function records(rows: Cell[][]): Array<Record<string, Cell>> {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries(header!.map((name, i) => [String(name), row[i] ?? null])));
}

describe("invite lifecycle: expiry and revocation (issue 7.3)", () => {
  const sc = useScenario();
  let expiring: string[];
  let plain: string[];
  let used: SimUser;
  before(async () => {
    const since = sc.founder.messages.length;
    sc.founder.send("/gen_invites 2 1");
    const reply = await sc.founder.waitFor((m) => m.document !== undefined, { since });
    assert.match(reply.caption!, /2 invite links, valid for 1 day\./);
    expiring = (await readSheets(sc.founder.download(reply))).get("Invites")!.slice(1).map((r) => String(r[0]));
    plain = await sc.invites(4);
  });

  it("stores the expiry of /gen_invites N days", () => {
    const rows = sc.query<{ code: string; expires_at: number | null; created_at: number }>("SELECT code, expires_at, created_at FROM invites");
    for (const row of rows) {
      if (expiring.includes(row.code)) assert.equal(row.expires_at! - row.created_at, 86_400_000);
      else assert.equal(row.expires_at, null);
    }
  });

  it("refuses an expired code at /start with its own message", async () => {
    const db = new Database(sc.env.DATABASE_PATH!);
    try {
      db.prepare("UPDATE invites SET expires_at = ? WHERE code = ?").run(Date.now() - 60_000, expiring[0]);
    } finally {
      db.close();
    }
    const visitor = sc.user({ username: "late_visitor" });
    assert.match((await sc.ask(visitor, `/start ${expiring[0]}`)).text!, /^This invite has expired\. Please ask the organisers for a new one\.$/);
    // The other code of the batch is still good.
    const consent = await sc.ask(visitor, `/start ${expiring[1]}`);
    assert.ok(consent.reply_markup, consent.text);
    await sc.press(visitor, { data: "reg:decline" }, consent.message_id);
  });

  it("/revoke_invite CODE withdraws one link, which /start then refuses", async () => {
    assert.match((await sc.ask(sc.founder, `/revoke_invite ${plain[0]}`)).text!, /The invite is revoked; its link no longer works/);
    const visitor = sc.user({ username: "revoked_visitor" });
    assert.match((await sc.ask(visitor, `/start ${plain[0]}`)).text!, /^The organisers have withdrawn this invite/);
    assert.match((await sc.ask(sc.founder, `/revoke_invite ${plain[0]}`)).text!, /cannot be revoked: it is revoked/);
    assert.match((await sc.ask(sc.founder, `/revoke_invite ${expiring[0]}`)).text!, /cannot be revoked: it is expired/);
  });

  it("a used code cannot be revoked", async () => {
    used = sc.user({ username: "used_code" });
    const consent = await sc.ask(used, `/start ${plain[1]}`);
    await sc.press(used, acceptButton(consent), consent.message_id);
    assert.match((await sc.ask(sc.founder, `/revoke_invite ${plain[1]}`)).text!, /^This invite cannot be revoked: it is used\.$/);
    assert.match((await sc.ask(used, "/start")).text!, /already registered/);
  });

  it("explains the arguments of both revoke commands", async () => {
    for (const args of ["", " two words", " bad!code"]) {
      assert.match((await sc.ask(sc.founder, `/revoke_invite${args}`)).text!, /^How to: \/revoke_invite CODE/, args);
    }
    assert.match((await sc.ask(sc.founder, "/revoke_invite NoSuchCode123")).text!, /There is no invite with this code/);
    for (const args of ["", " all", " unused now"]) {
      assert.match((await sc.ask(sc.founder, `/revoke_invites${args}`)).text!, /^To revoke every unused invite: \/revoke_invites unused/, args);
    }
  });

  it("/revoke_invites unused revokes only the unused ones and answers the count", async () => {
    // Unused and still valid: expiring[1], plain[2], plain[3]. Not: the expired, the revoked and the used one.
    assert.match((await sc.ask(sc.founder, "/revoke_invites unused")).text!, /^Revoked 3 unused invites\.$/);
    const visitor = sc.user({ username: "after_revoke" });
    for (const code of [expiring[1], plain[2], plain[3]]) {
      assert.match((await sc.ask(visitor, `/start ${code}`)).text!, /The organisers have withdrawn this invite/);
    }
    assert.match((await sc.ask(sc.founder, "/revoke_invites unused")).text!, /^Revoked 0 unused invites\.$/);
    const status = new Map(
      sc.query<{ code: string; used_by: number | null; revoked_at: number | null }>("SELECT code, used_by, revoked_at FROM invites").map((r) => [r.code, r]),
    );
    assert.equal(status.get(plain[1]!)!.used_by, used.id);
    assert.equal(status.get(plain[1]!)!.revoked_at, null, "the used code is untouched");
    assert.equal(status.get(expiring[0]!)!.revoked_at, null, "the expired code stays expired");
  });

  it("/full_report shows each code's status in its Invites sheet", async () => {
    const [fresh] = await sc.invites(1);
    const reply = await sc.ask(sc.founder, "/full_report", { timeoutMs: 30_000 });
    assert.ok(reply.document, reply.text);
    const sheet = (await readSheets(sc.founder.download(reply))).get("Invites");
    assert.ok(sheet, "the report has an Invites sheet");
    const rows = new Map(records(sheet).map((r) => [String(r["Code"]), r]));
    assert.equal(rows.size, 7);
    assert.equal(rows.get(fresh!)!["Status"], "unused");
    assert.equal(rows.get(expiring[0]!)!["Status"], "expired");
    assert.equal(rows.get(plain[0]!)!["Status"], "revoked");
    assert.ok(rows.get(plain[0]!)!["Revoked (UTC)"] instanceof Date);
    for (const code of [expiring[1]!, plain[2]!, plain[3]!]) assert.equal(rows.get(code)!["Status"], "revoked");
    const usedRow = rows.get(plain[1]!)!;
    assert.equal(usedRow["Status"], "used");
    assert.match(String(usedRow["Used by"]), new RegExp(`${used.id}|@used_code`));
    assert.ok(usedRow["Used (UTC)"] instanceof Date);
  });
});
