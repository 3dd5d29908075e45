import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { projectRoot } from "./paths.js";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A Telegram language code mapped to a supported locale ("en-GB" → en). */
export function localeFor(languageCode: string | null | undefined, fallback: Locale): Locale {
  const base = languageCode?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : fallback;
}

/** Fluent texts from locales/<locale>/*.ftl (one file per feature); every user-facing string lives there. */
export function createI18n<C extends Context>(defaultLocale: Locale): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => localeFor(ctx.from?.language_code, defaultLocale),
  });
  i18n.loadLocalesDirSync(join(projectRoot, "locales"));
  return i18n;
}

/** A translate function bound to one locale, for work outside an update (delivery, alerts). */
export type Translate = (key: string, variables?: Record<string, string | number | Date>) => string;

export function translator(i18n: I18n<never> | I18n<Context>, locale: string): Translate {
  return (key, variables) => (i18n as I18n<Context>).t(locale, key, variables);
}
