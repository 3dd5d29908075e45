import { buttonFamily, idArg } from "../../telegram/buttons.js";

/** The control message under a broadcast preview: send, admins too, cancel — each for its own draft. */
export const bcButtons = buttonFamily("bc", { send: [idArg], admins: [idArg], cancel: [idArg] });
