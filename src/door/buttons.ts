import { buttonFamily, idArg } from "../telegram/buttons.js";

/** "🎫 Entry pass" on a ticket document: the participant gets the pass of that ticket as a QR image. */
export const passButtons = buttonFamily("pass", { show: [idArg] });
