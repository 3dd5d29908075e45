import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { BotMessage, SimUser } from "./emulator/index.js";
import { makePdf, makeZip } from "./fixtures.js";
import type { Scenario } from "./harness.js";

export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** N distinct ticket PDFs named ticket-<prefix>-<i>.pdf. */
export function ticketPdfs(count: number, prefix = "t"): Array<{ name: string; data: Buffer }> {
  return Array.from({ length: count }, (_, i) => ({ name: `ticket-${prefix}-${String(i + 1).padStart(4, "0")}.pdf`, data: makePdf(`${prefix}-${i}`) }));
}

/** Sends a ZIP with `command` as its caption and waits for the bot's answer about it. */
export async function uploadZip(sc: Scenario, who: SimUser, zip: Buffer, command = "/upload_zip", fileName = "tickets.zip"): Promise<BotMessage> {
  const since = who.messages.length;
  who.sendDocument(zip, fileName, { caption: command, mimeType: "application/zip" });
  return who.waitFor((m) => /Loaded|Nothing was loaded|cannot be read as a ZIP|not a ZIP|MB|no open wave|being delivered/i.test(m.text ?? ""), { since, timeoutMs: 60_000 });
}

/** /new_wave, upload, /confirm_wave, /send_tickets, then waits for the summary. */
export async function runWave(sc: Scenario, tickets: Array<{ name: string; data: Buffer }>, options: { name?: string; timeoutMs?: number } = {}): Promise<BotMessage> {
  await sc.ask(sc.founder, `/new_wave ${options.name ?? "Main"}`);
  await uploadZip(sc, sc.founder, makeZip(tickets));
  await sc.ask(sc.founder, "/confirm_wave");
  return sendAndWait(sc, options.timeoutMs);
}

export async function sendAndWait(sc: Scenario, timeoutMs = 60_000): Promise<BotMessage> {
  const since = sc.founder.messages.length;
  sc.founder.send("/send_tickets");
  return waitForSummary(sc, since, timeoutMs);
}

export function waitForSummary(sc: Scenario, since: number, timeoutMs = 60_000): Promise<BotMessage> {
  return sc.founder.waitFor((m) => /^(Summary of delivery #\d+|Delivery #\d+ was stopped by an admin):/.test(m.text ?? ""), { since, timeoutMs });
}

/** Every document each user received, by the content's hash. */
export function received(users: readonly SimUser[]): Map<number, string[]> {
  return new Map(users.map((u) => [u.id, u.documents().map((m) => sha256(u.download(m)))]));
}

/**
 * The exactly-once properties of SPEC §8: every participant ends with exactly
 * one distinct ticket of the wave, no ticket reaches two people, and the only
 * repeats are documents resent to the same person.
 */
export function assertExactlyOnce(people: readonly SimUser[], tickets: ReadonlyArray<{ data: Buffer }>, maxRepeats: number): void {
  const valid = new Set(tickets.map((t) => sha256(t.data)));
  const owner = new Map<string, number>();
  let repeats = 0;
  for (const [userId, hashes] of received(people)) {
    const distinct = new Set(hashes);
    assert.equal(distinct.size, 1, `user ${userId} holds ${distinct.size} distinct tickets`);
    repeats += hashes.length - 1;
    const [hash] = distinct;
    assert.ok(valid.has(hash!), "a ticket from the ZIP");
    assert.equal(owner.get(hash!), undefined, `ticket sent to ${owner.get(hash!)} and ${userId}`);
    owner.set(hash!, userId);
  }
  assert.ok(repeats <= maxRepeats, `${repeats} repeated documents (at most ${maxRepeats} allowed)`);
}

/** Registers `participants` people, opens wave `name`, imports one ticket each and confirms it. */
export async function prepareWave(sc: Scenario, participants: number, name: string): Promise<{ people: SimUser[]; tickets: Array<{ name: string; data: Buffer }> }> {
  const people = Array.from({ length: participants }, (_, i) => sc.user({ username: `${name.toLowerCase()}_${i}` }));
  await sc.register(people, 40);
  const tickets = ticketPdfs(participants, name);
  await sc.ask(sc.founder, `/new_wave ${name}`);
  assert.match((await uploadZip(sc, sc.founder, makeZip(tickets))).text!, new RegExp(`Loaded ${participants} tickets?`));
  assert.match((await sc.ask(sc.founder, "/confirm_wave")).text!, /The wave is confirmed/);
  return { people, tickets };
}
