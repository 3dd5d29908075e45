/**
 * Local Telegram Bot API emulator for end-to-end tests, benchmarks and the
 * offline demo. Start it, point the bot at `apiRoot` (BOT_API_ROOT), and play
 * users:
 *
 *   const emu = await startEmulator({ token });
 *   const alice = emu.user({ firstName: "Alice" });
 *   alice.send("/start");
 *   await alice.waitForText("Welcome");
 */
export { startEmulator } from "./emulator.js";
export { parseHtml, fixText, findBotCommands, EntityParseError } from "./entities.js";
export type {
  ApiCall,
  BotCommandRecord,
  BotMessage,
  CallbackAnswer,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  FaultKind,
  FaultRule,
  Faults,
  MediaOptions,
  Message,
  MessageEntity,
  ReplyKeyboard,
  SentDocument,
  SimUser,
  SimUserInit,
  WaitOptions,
} from "./types.js";
