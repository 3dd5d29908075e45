import { buttonFamily, idArg } from "../telegram/buttons.js";

/** Under a relayed question (admins): the participant's person card; a batch's files copied into the chat. */
export const relayButtons = buttonFamily("relay", { card: [idArg], files: [idArg] });
