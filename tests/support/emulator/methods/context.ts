/** What every API method handler receives. */
import type { Params } from "../body.js";
import type { World } from "../world.js";

export interface CallContext {
  w: World;
  p: Params;
  /** Aborted when the client closes the connection (used by long polling). */
  signal: AbortSignal;
}

export type Handler = (ctx: CallContext) => unknown;

/** Canonical method name -> handler. */
export type HandlerTable = Record<string, Handler>;
