// The fixtures live beside the emulator so that tests, benchmarks and the demo share them.
export * from "../../src/emulator/fixtures.js";
