import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n.js";
import { buttonFamily, tokenArg } from "../../telegram/buttons.js";

/**
 * The registration buttons. Accept carries the version of the agreement text
 * it was shown under: that is what the person accepts (an old button without
 * one parses with version undefined).
 */
export const regButtons = buttonFamily("reg", { accept: [tokenArg.optional()], decline: [], check: [] });

export const consentKeyboard = (t: Translate, version: string) =>
  new InlineKeyboard().text(t("reg-button-accept"), regButtons.data("accept", version)).text(t("reg-button-decline"), regButtons.data("decline"));

export const checkUsernameKeyboard = (t: Translate) => new InlineKeyboard().text(t("reg-button-check"), regButtons.data("check"));
