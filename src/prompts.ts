import type { Repos } from "./db/repos/index.js";
import type { PromptRow } from "./db/repos/prompts.js";

/**
 * Confirmations the bot asked for. The operation that asks stores its
 * arguments in a prompt and the button carries only the prompt's id; the
 * operation that acts answers the prompt in its own transaction, so each
 * prompt is acted on once.
 */
export function createPromptOperations(deps: { repos: Repos }) {
  return {
    byId(id: number): PromptRow | undefined {
      return deps.repos.prompts.byId(id);
    },
    /** "Cancel": nothing changes, and the prompt cannot be used any more; false when it was answered already. */
    keep(prompt: PromptRow): boolean {
      return deps.repos.prompts.resolve(prompt.id, "kept");
    },
  };
}
