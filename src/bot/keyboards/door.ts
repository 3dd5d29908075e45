import { buttonFamily, idArg } from "../../telegram/buttons.js";

/** Under /door: the door list as a file. */
export const doorButtons = buttonFamily("door", { list: [] });

/** Under a person card (admins): their ticket again, their chat log, a reissue. */
export const cardButtons = buttonFamily("card", { resend: [idArg], chatlog: [idArg], reissue: [idArg] });

/** The /reissue confirmation: each button for its own prompt. */
export const reissueButtons = buttonFamily("reissue", { confirm: [idArg], keep: [idArg] });
