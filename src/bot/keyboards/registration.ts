import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n.js";
import { encodeCallback } from "./callback-data.js";

export const REG = {
  decline: encodeCallback("reg", "decline"),
  check: encodeCallback("reg", "check"),
} as const;

/** Accept carries the version of the agreement text it was shown under: that is what the person accepts. */
export const acceptData = (version: string): string => encodeCallback("reg", "accept", version);
export const ACCEPT_PATTERN = /^reg:accept(?::(.*))?$/;

export const consentKeyboard = (t: Translate, version: string) =>
  new InlineKeyboard().text(t("reg-button-accept"), acceptData(version)).text(t("reg-button-decline"), REG.decline);

export const checkUsernameKeyboard = (t: Translate) => new InlineKeyboard().text(t("reg-button-check"), REG.check);
