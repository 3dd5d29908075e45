import type { Repos } from "../db/repos/index.js";
import type { EngineControl } from "./engine.js";

/** What admins do to a running delivery themselves. */
export function createDeliveryOperations(deps: { repos: Repos; engine: EngineControl }) {
  return {
    /** ⏹ Stop: the sends in flight finish, nothing more is sent (see the engine for what happens to the rest). */
    stop(args: { jobId: number; by: number }): boolean {
      const stopped = deps.engine.requestStop(args.jobId);
      if (stopped) deps.repos.audit.record({ actorId: args.by, action: "stop_delivery", args: String(args.jobId) });
      return stopped;
    },
  };
}

export type DeliveryOperations = ReturnType<typeof createDeliveryOperations>;
