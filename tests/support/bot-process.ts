// The bot-process runner lives beside the emulator so that tests, benchmarks and the demo share it.
export * from "../../src/emulator/bot-process.js";
