import type { Translate } from "../i18n.js";
import { formatDate } from "../time.js";

/** Kinds shown with a marker before their text; text and commands are shown as they are. */
const MARKED = new Set(["document", "photo", "video", "animation", "audio", "voice", "video_note", "sticker", "contact", "location", "poll", "other", "button", "question_erased"]);
/** Kinds whose marker names their detail ("[document: plan.pdf]") and has a form without it. */
const NAMED = new Set(["document", "video", "audio", "sticker"]);

/**
 * A chat-log line in the reader's language: the stored kind and detail
 * become "[изменено] [документ: plan.pdf]" or "[edited] [document: plan.pdf]"
 * before the person's own text. The database holds no words of any language
 * for these (src/telegram/describe.ts), so a Russian admin reads Russian
 * markers in a log written while the bot spoke English, and the other way round.
 */
export function chatLogText(entry: { kind: string; detail: string | null; content: string }, t: Translate): string {
  const parts: string[] = [];
  let kind = entry.kind;
  if (kind === "edit") {
    parts.push(t("marker-edited"));
    kind = "text";
  }
  const prefix = /^(edited|edit|copy|forward)_/.exec(kind);
  if (prefix) {
    kind = kind.slice(prefix[0].length);
    if (prefix[1] === "edited" || prefix[1] === "edit") parts.push(t("marker-edited"));
    if (prefix[1] === "forward") parts.push(t("marker-forward"));
  }
  if (MARKED.has(kind)) {
    if (entry.detail !== null) parts.push(t(`marker-${kind}`, { name: entry.detail }));
    else parts.push(t(NAMED.has(kind) ? `marker-${kind}-unnamed` : `marker-${kind}`, { name: "?" }));
  }
  if (entry.content !== "") parts.push(entry.content);
  return parts.join(" ");
}

/**
 * What an entry of the security log says someone tried, in the reader's
 * language. Stored as "/command", "button <label>", "pass scan" or "message".
 */
export function securityActionText(action: string, t: Translate): string {
  if (action.startsWith("button ")) return t("security-action-button", { data: action.slice("button ".length) });
  if (action === "pass scan") return t("security-action-pass");
  if (action === "message") return t("security-action-message");
  return action;
}

/** The details of a security log entry: the lock-out's rule (older entries' English notes are not shown). */
export function securityDetailsText(kind: string, t: Translate): string | null {
  return kind === "lockout" ? t("security-details-lockout") : null;
}

/** "ru-3f2a… от 2026-11-12": an agreement version with the day it first appeared (the bare version when that is unknown). */
export function agreementVersionText(version: string | null, since: number | undefined, t: Translate, timeZone: string): string | null {
  if (version === null) return null;
  return since === undefined ? version : t("agreement-version", { version, date: formatDate(since, timeZone) });
}
