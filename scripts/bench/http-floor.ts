/**
 * A measured bound for the bot's CPU per delivery (issue 17): what one Bot
 * API call costs a Node process that does nothing else — node:http over a
 * kept-alive connection, one request written at once, the answer read and
 * parsed — on the same machine, in the same run. A client in a process of
 * its own sends `calls` requests, `window` at a time, to a server here that
 * answers after a Telegram-like round trip with a Telegram-sized Message; its
 * own CPU per call is the floor no delivery can go below.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { TELEGRAM_LATENCY } from "./world.js";

/** The answer to a sendDocument as Telegram writes it (about 700 bytes). */
const ANSWER = JSON.stringify({
  ok: true,
  result: {
    message_id: 4242,
    from: { id: 7000000001, is_bot: true, first_name: "Ticket Bot", username: "test_ticket_bot" },
    chat: { id: 1000001, first_name: "Guest1", username: "guest_1", type: "private" },
    date: 1764500000,
    document: {
      file_name: "ticket-scale-00001.pdf",
      mime_type: "application/pdf",
      file_id: "BQACAgIAAxkBAAIQZWdhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk",
      file_unique_id: "AgADQWJjZGVmZ2hp",
      file_size: 712,
    },
    caption: "Your ticket — Benchmark",
    reply_markup: { inline_keyboard: [[{ text: "🎫 Entry pass", callback_data: "pass:show:1" }]] },
  },
});

/** The client: its CPU per call, measured by itself. */
const CLIENT = `
const http = require("node:http");
const [url, calls, window] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true });
const body = Buffer.from(JSON.stringify({ chat_id: 1000001, caption: "Your ticket — Benchmark", allow_paid_broadcast: true, document: "x".repeat(700) }));
const one = () => new Promise((resolve, reject) => {
  const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": body.length } });
  req.once("error", reject);
  req.once("response", (res) => { const chunks = []; res.on("data", (c) => chunks.push(c)); res.once("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")))); });
  req.end(body);
});
(async () => {
  const before = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: window }, async () => { while (next < calls) { next++; await one(); } }));
  const used = process.cpuUsage(before);
  process.stdout.write(JSON.stringify({ user: used.user / 1e6, system: used.system / 1e6 }));
  process.exit(0);
})();
`;

export async function httpFloor(calls: number, window: number): Promise<{ user: number; system: number; calls: number }> {
  const server = createServer((req, res) => {
    req.resume();
    req.once("end", () => setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(ANSWER), TELEGRAM_LATENCY.baseMs));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot1:x/sendDocument`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", CLIENT, url, String(calls), String(window)], { timeout: 300_000 });
    return { ...(JSON.parse(stdout) as { user: number; system: number }), calls };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
