/**
 * `npm run demo`: a whole event, offline and without a token. Starts the
 * project's Bot API emulator and the real bot process against it with a
 * temporary data folder, plays an event as real people would, prints a
 * transcript, and copies what the organiser received into demo-output/.
 * Exits non-zero if any step did not go as it should (CI runs it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { BotProcess } from "../tests/support/bot-process.js";
import { makePdf, makeZip } from "../tests/support/fixtures.js";
import { decodeQr } from "../tests/support/qr.js";
import { startEmulator, type BotMessage, type Emulator, type SimUser } from "../tests/support/emulator/index.js";
import { projectRoot } from "../src/paths.js";

const TOKEN = "700001:DEMO-token-for-the-offline-demo-only";
/** `npm run demo -- --lang en` plays the event in English; Russian is the default, as for most organisers. */
const LANG: "ru" | "en" = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en" ? "en" : "ru";
/** What the people of the demo press and what the demo checks for, in the language it plays in. */
const WORDS = {
  ru: {
    accept: "✅ Принимаю",
    checkAgain: "🔄 Проверить ещё раз",
    usernameStep: /имя пользователя/,
    registered: /зарегистрированы/,
    loaded: /загружено|загружен|Ничего не загружено/,
    loaded20: /загружено 20 билетов/,
    summary: /^Итоги рассылки №/,
    sent19: /Отправлено 19 сообщений/,
    failed1: /Не доставлено 1 сообщение/,
    admitted: /^✅ Проходите/,
    confirmButton: "✔️ Подтвердить волну",
    sendQuestion: /Разослать 20 билетов 20 участникам\?/,
    sendButton: "📤 Разослать",
    statsCaption: /^📊 /,
    alreadyInside: /^⛔ Уже внутри/,
    announcement: "Двери открываются в 19:00. Не забудьте билет!",
  },
  en: {
    accept: "✅ Accept",
    checkAgain: "🔄 Check again",
    usernameStep: /username/,
    registered: /registered/,
    loaded: /Loaded|Nothing was loaded/,
    loaded20: /Loaded 20 tickets/,
    summary: /^Summary of delivery #/,
    sent19: /19 messages sent/,
    failed1: /1 message not delivered/,
    admitted: /^✅ Come in/,
    confirmButton: "✔️ Confirm the wave",
    sendQuestion: /Send 20 tickets to 20 participants\?/,
    sendButton: "📤 Send",
    statsCaption: /^📊 /,
    alreadyInside: /^⛔ Already inside/,
    announcement: "Doors open at 19:00. Bring your ticket!",
  },
}[LANG];
const OUTPUT = join(projectRoot, "demo-output");
const started = Date.now();
const names = new Map<number, string>();
const color = process.stdout.isTTY ? (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m` : (_: number, text: string) => text;

function clock(): string {
  return `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
}

function show(text: string | undefined): string {
  const flat = (text ?? "").replace(/\s*\n\s*/g, " ⏎ ");
  return flat.length > 150 ? `${flat.slice(0, 147)}…` : flat;
}

function describeBotMessage(message: BotMessage): string {
  if (message.document) return `📄 ${message.document.file_name}${message.caption ? ` — ${show(message.caption)}` : ""}`;
  if (message.photo) return `🖼 photo${message.caption ? ` — ${show(message.caption)}` : ""}`;
  const buttons = message.reply_markup?.inline_keyboard.flat().map((b) => `[${b.text}]`).join(" ");
  return `${show(message.text)}${buttons ? `  ${buttons}` : ""}`;
}

function say(who: SimUser, text: string): void {
  console.log(`${clock()}  ${color(36, `👤 ${names.get(who.id)}`)}: ${show(text)}`);
}

class Step extends Error {}
function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Step(what);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ticket-bot-demo-"));
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const emu = await startEmulator({ token: TOKEN, latency: { baseMs: 15, jitterMs: 10 }, seed: 42 });
  const person = (username: string | null, firstName: string, languageCode: string = LANG) => {
    const user = emu.user({ username, firstName, languageCode });
    names.set(user.id, username ? `@${username}` : firstName);
    return user;
  };
  const organiser = person("olga_org", "Olga");
  // Edits are shown as they happen (the agreement turning into the welcome, the progress of a delivery).
  emu.on("botMessage", (chatId, message) => {
    const how = message.edited ? "✏️ " : "";
    console.log(`${clock()}  ${color(33, `🤖 ${how}→ ${names.get(chatId) ?? chatId}`)}: ${describeBotMessage(message)}`);
  });

  const bot = new BotProcess({
    env: {
      BOT_TOKEN: TOKEN,
      BOT_API_ROOT: emu.apiRoot,
      FOUNDER_IDS: String(organiser.id),
      DATABASE_PATH: join(dir, "users.db"),
      DEFAULT_TICKET_FOLDER: join(dir, "tickets"),
      ARCHIVE_FOLDER: join(dir, "archive"),
      LOG_FOLDER: join(dir, "logs"),
      DEFAULT_LOCALE: LANG,
      TIME_ZONE: "Europe/Moscow",
      FOUNDER_ALERTS: "false",
    },
  });
  const outcome: string[] = [];
  try {
    await Promise.race([
      emu.waitForPolling(30_000),
      bot.waitForExit(30_000).then(() => {
        throw new Step(`the bot exited before it was ready:\n${bot.stderr.join("")}`);
      }),
    ]);
    console.log(`${clock()}  the bot is up, polling the emulator at ${emu.apiRoot}\n`);
    await play(emu, organiser, person, outcome);
  } finally {
    await bot.stop();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${color(1, "What happened")}: ${outcome.join(" ")}`);
  console.log(`\nFiles the organiser received are in ${OUTPUT}.`);
}

/** Sends `text` and waits for the bot's next message in that chat. */
async function ask(user: SimUser, text: string, match?: RegExp, timeoutMs = 20_000): Promise<BotMessage> {
  const since = user.messages.length;
  say(user, text);
  user.send(text);
  return user.waitFor((m) => (match ? match.test(m.text ?? m.caption ?? "") || (m.document !== undefined && match.test(m.document.file_name ?? "")) : true), {
    since,
    timeoutMs,
  });
}

/** Presses a button and waits for the bot's reaction (with `match`: the first message or edit that matches). */
async function press(user: SimUser, label: string, messageId?: number, match?: RegExp): Promise<BotMessage> {
  const since = user.messages.length;
  console.log(`${clock()}  ${color(36, `👤 ${names.get(user.id)}`)} presses [${label}]`);
  user.press(label, messageId !== undefined ? { messageId } : {});
  return user.waitFor((m) => (match ? match.test(m.text ?? "") : true), { since });
}

async function save(user: SimUser, message: BotMessage, name = message.document?.file_name ?? "file"): Promise<Buffer> {
  const data = user.download(message);
  writeFileSync(join(OUTPUT, name), data);
  return data;
}

async function play(
  emu: Emulator,
  organiser: SimUser,
  person: (username: string | null, firstName: string, languageCode?: string) => SimUser,
  outcome: string[],
): Promise<void> {
  console.log(color(1, "1. The organiser creates personal invite links"));
  await ask(organiser, "/start");
  const invitesFile = await ask(organiser, "/gen_invites 20", /\.xlsx$/);
  check(invitesFile.document, "invites file");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await save(organiser, invitesFile, "invites.xlsx")) as unknown as ArrayBuffer);
  const codes: string[] = [];
  workbook.worksheets[0]!.eachRow((row, index) => {
    if (index > 1) codes.push(String(row.getCell(1).value));
  });
  check(codes.length === 20, "20 invite codes");

  console.log(color(1, "\n2. Twenty people open their links and accept the agreement"));
  const first =
    LANG === "ru"
      ? ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зоя", "Иван", "Катя", "Лев", "Марина", "Никита", "Ольга", "Пётр", "Рита", "Семён", "Таня"]
      : ["Anna", "Boris", "Chen", "Dana", "Emil", "Fatima", "Georg", "Hana", "Ivan", "Julia", "Kemal", "Lena", "Marco", "Nina", "Oleg", "Pia", "Quentin", "Rosa"];
  const logins =
    LANG === "ru"
      ? ["anna", "boris", "vera", "gleb", "dasha", "egor", "zhanna", "zoya", "ivan", "katya", "lev", "marina", "nikita", "olga_k", "petr", "rita", "semyon", "tanya"]
      : first.map((name) => name.toLowerCase());
  const people = first.map((name, i) => person(logins[i]!, name));
  const noUsername = person(null, LANG === "ru" ? "Саша" : "Sam");
  const blocker = person("tom_blocks", LANG === "ru" ? "Тимур" : "Tom");
  const everyone = [...people, noUsername, blocker];
  for (const [i, user] of everyone.entries()) {
    const agreement = await ask(user, `/start ${codes[i]}`);
    check(agreement.reply_markup, `agreement for ${names.get(user.id)}`);
    const after = await press(user, WORDS.accept, agreement.message_id);
    if (user === noUsername) {
      check(WORDS.usernameStep.test(after.text ?? ""), "the username step");
      console.log(`${clock()}  (${names.get(user.id)} sets a username in Telegram settings)`);
      user.setUsername("sasha_now");
      names.set(user.id, "@sasha_now");
      const welcome = await press(user, WORDS.checkAgain, agreement.message_id);
      check(WORDS.registered.test(welcome.text ?? ""), "registered after setting a username");
    } else {
      check(WORDS.registered.test(after.text ?? ""), `${names.get(user.id)} registered`);
    }
  }
  const guesser = person("mallory", "Mallory");
  console.log(color(1, "\n   Someone without an invite tries to guess codes"));
  for (let i = 0; i < 6; i++) await ask(guesser, `/start guess${i}xyz`);
  const ignored = guesser.messages.length;
  say(guesser, "/start yetAnotherGuess");
  guesser.send("/start yetAnotherGuess");
  await sleep(800);
  check(guesser.messages.length === ignored, "the guesser is ignored during the lock-out");
  console.log(`${clock()}  (no answer: the guesser is locked out for 10 minutes and it is in the security log)`);
  console.log(`${clock()}  (${names.get(blocker.id)} blocks the bot before the tickets go out)`);
  blocker.block();

  console.log(color(1, "\n3. A wave of 20 PDF tickets: new wave, upload, confirm, send"));
  const waveName = LANG === "ru" ? "Премьера" : "Opening night";
  await ask(organiser, `/new_wave ${waveName}`);
  const tickets = Array.from({ length: 20 }, (_, i) => ({ name: `ticket-${String(i + 1).padStart(3, "0")}.pdf`, data: makePdf(`${waveName} — seat ${i + 1}`) }));
  const zipSince = organiser.messages.length;
  say(organiser, "[sends tickets.zip with the caption /upload_zip]");
  organiser.sendDocument(makeZip(tickets), "tickets.zip", { caption: "/upload_zip", mimeType: "application/zip" });
  const imported = await organiser.waitFor((m) => WORDS.loaded.test(m.text ?? ""), { since: zipSince, timeoutMs: 20_000 });
  check(WORDS.loaded20.test(imported.text ?? ""), "20 tickets loaded");
  // Two presses: ✔️ on the import's answer, then 📤 on the question it ends with.
  const confirmed = await press(organiser, WORDS.confirmButton, imported.message_id, WORDS.sendQuestion);
  const sendSince = organiser.messages.length;
  await press(organiser, WORDS.sendButton, confirmed.message_id);
  const summary = await organiser.waitFor((m) => WORDS.summary.test(m.text ?? ""), { since: sendSince, timeoutMs: 30_000 });
  check(WORDS.sent19.test(summary.text ?? ""), "19 tickets sent");
  check(WORDS.failed1.test(summary.text ?? ""), "one not delivered (the bot was blocked)");
  const holders = everyone.filter((u) => u.documents().length === 1);
  check(holders.length === 19, "19 participants hold exactly one ticket");
  check(new Set(holders.map((u) => u.documents()[0]!.document!.file_unique_id)).size === 19, "19 distinct tickets");
  for (const user of holders.slice(0, 3)) await save(user, user.documents()[0]!, `ticket-of-${names.get(user.id)!.replace("@", "")}.pdf`);

  console.log(color(1, "\n4. A participant lost the ticket and asks again"));
  const again = await ask(people[1]!, "/ticket");
  check(again.document, "/ticket resends the ticket");

  console.log(color(1, "\n5. One announcement to everyone"));
  const bcSince = organiser.messages.length;
  say(organiser, `/broadcast ${WORDS.announcement}`);
  organiser.send(`/broadcast ${WORDS.announcement}`);
  const panel = await organiser.waitFor((m) => m.reply_markup?.inline_keyboard.flat().some((b) => b.text.startsWith("✅")) ?? false, { since: bcSince });
  await press(organiser, panel.reply_markup!.inline_keyboard[0]![0]!.text, panel.message_id);
  const bcSummary = await organiser.waitFor((m) => WORDS.summary.test(m.text ?? "") && m.index > summary.index, { since: bcSince, timeoutMs: 30_000 });
  check(WORDS.sent19.test(bcSummary.text ?? ""), "the announcement reached 19 people");

  console.log(color(1, "\n6. At the door: a steward scans personal passes"));
  const steward = person("door_fedor", LANG === "ru" ? "Фёдор" : "Felix");
  await ask(steward, "/myid");
  await ask(organiser, `/add_staff ${steward.id}`);
  const guest = people[0]!;
  const pass = await ask(guest, "/pass");
  check(pass.photo, "/pass sends a QR image");
  const link = decodeQr(guest.download(pass));
  const code = /start=(pass_[0-9a-f]{32})$/.exec(link ?? "")?.[1];
  check(code, `the QR code holds the pass link (${link})`);
  console.log(`${clock()}  (${names.get(steward.id)} scans ${names.get(guest.id)}'s QR code: the phone opens ${link})`);
  const admitted = await ask(steward, `/start ${code}`);
  check(WORDS.admitted.test(admitted.text ?? ""), "the first scan admits");
  console.log(`${clock()}  (someone shows a screenshot of the same pass a minute later)`);
  const refused = await ask(steward, `/start ${code}`);
  check(WORDS.alreadyInside.test(refused.text ?? ""), "the second scan of the same pass is refused");
  await ask(organiser, "/door");

  console.log(color(1, "\n7. The organiser asks for the reports"));
  const reports: Array<[string, RegExp]> = [
    ["/full_report", /\.xlsx$/],
    ["/failed_report", /\.xlsx$/],
    ["/list_tickets", /\.xlsx$/],
    ["/export_users", /\.xlsx$/],
    ["/chatlog @anna", /\.txt$/],
  ];
  const saved: string[] = [];
  for (const [command, file] of reports) {
    const reply = await ask(organiser, command, file, 30_000);
    check(reply.document, `${command} sends a file`);
    await save(organiser, reply);
    saved.push(reply.document.file_name!);
  }
  await ask(organiser, "/security_log");
  const stats = await ask(organiser, "/stats", WORDS.statsCaption, 30_000);
  check(stats.photo, "/stats sends the overview picture");
  await save(organiser, stats, "stats.png");
  saved.push("stats.png");

  const calls = emu.stats();
  outcome.push(
    `The organiser created 20 invite links; 20 people registered (${names.get(noUsername.id)} only after setting a username), and @mallory, guessing codes, was locked out after six tries.`,
    `A wave of 20 PDF tickets was loaded, confirmed and sent: 19 people got exactly one distinct ticket, and the one for ${names.get(blocker.id)}, who had blocked the bot, became available again and shows in the not-delivered report.`,
    `An announcement reached the same 19 people; ${names.get(people[1]!.id)} got the lost ticket again with /ticket.`,
    `At the door, ${names.get(guest.id)}'s pass let them in once; the same pass shown again was refused.`,
    `The bot made ${Object.values(calls.byMethod).reduce((a, b) => a + b, 0)} Bot API calls in ${((Date.now() - started) / 1000).toFixed(1)} s, and the organiser received ${saved.length + 1} files (${["invites.xlsx", ...saved].join(", ")}), copied to demo-output/ with three of the tickets.`,
  );
}

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${error instanceof Step ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
