// Copy this file to config.ts (git-ignored) and fill in your values.
// Every key can also be set as an environment variable of the same name,
// which wins over this file. Relative paths resolve against the project root.
const config = {
  // Token from @BotFather. Required.
  BOT_TOKEN: "123456:paste-the-token-from-at-botfather-here",
  // Bot username without @, used in invite links. Optional: read from getMe.
  // BOT_USERNAME: "my_ticket_bot",
  // Telegram user ids with full rights (find yours with /myid). Required.
  FOUNDER_IDS: [123456789],
  // Where imported PDF tickets live, and where available ones go when a wave ends.
  DEFAULT_TICKET_FOLDER: "tickets",
  ARCHIVE_FOLDER: "archive",
  // Log files (bot.log, bot_errors.log), rotated by size.
  LOG_FOLDER: "logs",
  LOG_LEVEL: "info",
  LOG_MAX_SIZE_MB: 10,
  LOG_MAX_FILES: 5,
  // SQLite database, created on first start.
  DATABASE_PATH: "users.db",
  // Another Bot API server: a self-hosted telegram-bot-api (2 GB files) or a test emulator.
  BOT_API_ROOT: "https://api.telegram.org",
  // Language for users whose Telegram language is neither ru nor en.
  DEFAULT_LOCALE: "ru",
  // The organisers' time zone: every time in messages, reports and the statistics picture is
  // this zone's clock, and reports name it in their headers. Set it where the event happens.
  TIME_ZONE: "Europe/Moscow",
  // Delivery speed: messages per second (Telegram allows about 30), and sends in flight:
  // "auto" sizes the window from the measured round trip so that the rate is reached,
  // a number (1–1000) fixes it (it must then cover rate × round trip).
  SEND_RATE_PER_SECOND: 25,
  SEND_CONCURRENCY: "auto",
  // Telegram's flood limits as the bot respects them: new messages per second across
  // all chats (replies and delivery together), and per chat with the burst it tolerates.
  TELEGRAM_GLOBAL_RATE: 30,
  TELEGRAM_CHAT_RATE: 1,
  TELEGRAM_CHAT_BURST: 3,
  // Longest wait for one Bot API request before it counts as a network error and is retried.
  TELEGRAM_TIMEOUT_SECONDS: 60,
  // ZIP import limits.
  ZIP_MAX_ENTRIES: 10000,
  ZIP_MAX_TOTAL_MB: 2048,
  ZIP_MAX_RATIO: 100,
  // Send tickets with protect_content (no forwarding or saving out of Telegram).
  PROTECT_TICKETS: false,
  // Paid broadcasts (allow_paid_broadcast, 0.1 Star per message above 30/s): up to 1000 messages/s.
  PAID_BROADCAST: false,
  PAID_RATE_PER_SECOND: 1000,
  // Tell the owners in Telegram about unauthorized attempts and lock-outs (at most one message a minute).
  FOUNDER_ALERTS: true,
  // Folder with the personal-data agreement texts, one file per language (ru.txt, en.txt).
  AGREEMENT_FOLDER: "agreement",
  // Entry passes of a wave stop working when the wave ends (off: sent tickets keep admitting their people).
  PASSES_END_WITH_WAVE: false,
  // Participants' questions go to this group chat: add the bot to the group first, then put its id
  // here (negative, e.g. -1001234567890). Left undefined, they go to every owner's and admin's
  // private chat. Either way admins answer by replying to the relayed question.
  SUPPORT_CHAT_ID: undefined,
};

export default config;
