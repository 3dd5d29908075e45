import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES, type Locale } from "../i18n.js";

export interface AgreementText {
  text: string;
  /** Stored with every consent: the locale and a hash of the exact text the person accepted. */
  version: string;
}

export type Agreement = Record<Locale, AgreementText>;

/** Telegram's text limit leaves no room for a longer agreement in one message with buttons. */
export const MAX_AGREEMENT_LENGTH = 3500;

/** Reads the operator-editable agreement texts (agreement/ru.txt, agreement/en.txt). */
export function loadAgreement(folder: string): Agreement {
  const entries = LOCALES.map((locale) => {
    const path = join(folder, `${locale}.txt`);
    let text: string;
    try {
      text = readFileSync(path, "utf8").trim();
    } catch {
      throw new Error(`the agreement text ${path} is missing`);
    }
    if (text.length === 0) throw new Error(`the agreement text ${path} is empty`);
    if (text.length > MAX_AGREEMENT_LENGTH) {
      throw new Error(`the agreement text ${path} has ${text.length} characters; at most ${MAX_AGREEMENT_LENGTH} fit in one message`);
    }
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
    return [locale, { text, version: `${locale}-${hash}` }] as const;
  });
  return Object.fromEntries(entries) as Agreement;
}
