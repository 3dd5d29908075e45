import { buttonFamily, idArg } from "../telegram/buttons.js";

/** The ⏹ Stop button on a job's progress message: built by the engine, pressed by an admin. */
export const jobButtons = buttonFamily("job", { stop: [idArg] });
