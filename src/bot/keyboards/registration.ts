import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n.js";
import { encodeCallback } from "./callback-data.js";

export const REG = {
  accept: encodeCallback("reg", "accept"),
  decline: encodeCallback("reg", "decline"),
  check: encodeCallback("reg", "check"),
} as const;

export const consentKeyboard = (t: Translate) =>
  new InlineKeyboard().text(t("reg-button-accept"), REG.accept).text(t("reg-button-decline"), REG.decline);

export const checkUsernameKeyboard = (t: Translate) => new InlineKeyboard().text(t("reg-button-check"), REG.check);
