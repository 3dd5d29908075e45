import type { Translate } from "../i18n.js";

/** About this many characters name an announcement in progress messages and reports. */
const TITLE_CHARS = 40;

/**
 * An announcement named by its first words, on one line ("Двери открываются
 * в 18:00, вход…"), or "without text" for a photo with no caption: the
 * organiser recognises it without opening anything.
 */
export function announcementTitle(summary: string, t: Translate): string {
  const words = summary.replace(/\s+/g, " ").trim();
  if (words === "") return t("broadcast-untitled");
  if ([...words].length <= TITLE_CHARS) return words;
  const cut = [...words].slice(0, TITLE_CHARS).join("");
  const atWord = cut.slice(0, cut.lastIndexOf(" ") > TITLE_CHARS / 2 ? cut.lastIndexOf(" ") : cut.length);
  return `${atWord.replace(/[\s,.;:!?—-]+$/, "")}…`;
}
