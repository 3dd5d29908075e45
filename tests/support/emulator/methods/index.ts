/** All implemented Bot API methods, looked up case-insensitively like Telegram does. */
import type { Handler } from "./context.js";
import { coreMethods } from "./core.js";
import { mediaMethods } from "./media.js";
import { messageMethods } from "./messages.js";

export type { CallContext, Handler } from "./context.js";

const ALL: Record<string, Handler> = { ...coreMethods, ...messageMethods, ...mediaMethods };

const BY_LOWER = new Map<string, { name: string; handler: Handler }>(
  Object.entries(ALL).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);

/** Canonical name and handler for a method name as sent, or undefined when unknown. */
export function findMethod(name: string): { name: string; handler: Handler } | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export const METHOD_NAMES: readonly string[] = Object.keys(ALL);
