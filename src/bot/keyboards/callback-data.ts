import { z } from "zod";

const MAX_CALLBACK_BYTES = 64;

/**
 * Callback data is "prefix:action[:arg...]". The prefix decides who may press
 * the button (bot/commands.ts); the action and arguments are validated here,
 * so a forged or outdated payload is recognised instead of trusted.
 */
export function encodeCallback(prefix: string, action: string, ...args: Array<string | number>): string {
  const data = [prefix, action, ...args.map(String)].join(":");
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new RangeError(`callback data over 64 bytes: ${data}`);
  return data;
}

export interface DecodedCallback {
  prefix: string;
  action: string;
  args: string[];
}

export function decodeCallback(data: string): DecodedCallback {
  const [prefix = "", action = "", ...args] = data.split(":");
  return { prefix, action, args };
}

const idArg = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The numeric id argument at `index`, or undefined when it is missing or not a positive integer. */
export function idArgAt(decoded: DecodedCallback, index = 0): number | undefined {
  const parsed = idArg.safeParse(decoded.args[index]);
  return parsed.success ? parsed.data : undefined;
}
