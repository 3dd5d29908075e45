import { z } from "zod";
import { AUDIENCES } from "../../db/repos/broadcasts.js";
import { buttonFamily, idArg } from "../../telegram/buttons.js";

/**
 * The control message under an announcement's preview — send, later, who
 * receives it, organisers too, cancel — each for its own draft; and the
 * cancel button of each announcement on /scheduled.
 */
export const bcButtons = buttonFamily("bc", {
  send: [idArg],
  later: [idArg],
  admins: [idArg],
  audience: [idArg, z.enum(AUDIENCES)],
  cancel: [idArg],
  unschedule: [idArg],
});
