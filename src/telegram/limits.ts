import { graphemes } from "../tickets/names.js";

/**
 * Telegram's hard limits (Bot API): a text of at most 4 096 characters, a
 * caption of at most 1 024, callback data of at most 64 bytes. A message over
 * a limit is refused outright, so every message that carries a list or
 * someone's text is built to fit: as many lines as fit, then "… and N more",
 * with the full list sent as a file.
 */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
export const MAX_CALLBACK_BYTES = 64;

/** Length as Telegram counts it: UTF-16 code units. */
export const telegramLength = (text: string): number => text.length;

/** At most `limit` UTF-16 units, cut on a whole character, ending in "…" when cut. */
export function clampText(text: string, limit: number): string {
  if (telegramLength(text) <= limit) return text;
  let out = "";
  for (const char of graphemes(text)) {
    if (out.length + char.length + 1 > limit) break;
    out += char;
  }
  return `${out}…`;
}

/** A message whose list may not fit: the text to send, and the whole list when part of it was left out. */
export interface FittedList {
  text: string;
  /** Lines left out of the text (0: the text holds everything). */
  omitted: number;
  /** Every line, for a file, when some were left out. */
  all?: readonly string[];
}

/**
 * head, then as many of `lines` as fit, then `more(n)` for the rest, then
 * tail — never over `limit`. Lines are cut to the room left when a single
 * one is too long on its own. `total`: how many lines the whole list has,
 * when only its first ones were rendered (those that can fit).
 */
export function fitList(
  parts: { head?: string; lines: readonly string[]; total?: number; tail?: string; more(count: number): string },
  limit = MAX_TEXT,
): FittedList {
  const head = parts.head ?? "";
  const tail = parts.tail ?? "";
  const total = Math.max(parts.total ?? 0, parts.lines.length);
  const join = (body: readonly string[]) => [head, body.join("\n"), tail].filter((part) => part !== "").join("\n\n");
  if (total === parts.lines.length) {
    const whole = join(parts.lines);
    if (telegramLength(whole) <= limit) return { text: whole, omitted: 0 };
  }
  // Room for the lines: the limit minus head, tail, separators and the "more" line.
  const reserve = telegramLength(join([parts.more(total)])) + 1;
  const room = Math.max(0, limit - reserve);
  const shown: string[] = [];
  let used = 0;
  for (const line of parts.lines) {
    const fitted = clampText(line, Math.max(1, room - used - (shown.length > 0 ? 1 : 0)));
    const cost = telegramLength(fitted) + (shown.length > 0 ? 1 : 0);
    if (used + cost > room || fitted !== line) {
      if (shown.length === 0 && room > 40) shown.push(fitted);
      break;
    }
    shown.push(line);
    used += cost;
  }
  const omitted = total - shown.length;
  const text = join([...shown, parts.more(omitted)]);
  return { text: clampText(text, limit), omitted, all: parts.lines };
}
