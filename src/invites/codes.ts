import { randomBytes } from "node:crypto";

/**
 * 128 random bits as URL-safe base64: 22 characters of [A-Za-z0-9_-], valid
 * as a Telegram deep-link payload and far beyond guessing (SPEC §5 asks ≥ 64).
 */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
}

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${code}`;
}

export const MAX_INVITES_PER_COMMAND = 10_000;
export const MAX_EXPIRY_DAYS = 365;

export type InviteArgs = { ok: true; count: number; days: number | null } | { ok: false };

/** "/gen_invites N [days]": N in 1..10 000, days in 1..365; anything else is refused whole. */
export function parseInviteArgs(text: string): InviteArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 2) return { ok: false };
  const count = wholeNumber(words[0]!, 1, MAX_INVITES_PER_COMMAND);
  const days = words[1] === undefined ? null : wholeNumber(words[1], 1, MAX_EXPIRY_DAYS);
  if (count === undefined || days === undefined) return { ok: false };
  return { ok: true, count, days };
}

function wholeNumber(word: string, min: number, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(word)) return undefined;
  const n = Number(word);
  return n >= min && n <= max ? n : undefined;
}
