import { GrammyError, HttpError } from "grammy";

/**
 * What went wrong with one send, in the engine's terms:
 * permanent — retrying cannot help (blocked, deactivated, chat not found,
 *   a file that is gone); the item goes back to the pool at once;
 * transient — the network or Telegram failed; the outcome is uncertain (the
 *   message may have arrived), so the retry pass resends the same item to the
 *   same person, and only then gives up.
 */
export interface Failure {
  kind: FailureKind;
  permanent: boolean;
  description: string;
}

export const FAILURE_KINDS = [
  "blocked",
  "deactivated",
  "not_started",
  "chat_not_found",
  "forbidden",
  "bad_request",
  "missing_file",
  "flood",
  "server_error",
  "network",
  "internal",
] as const;

export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Thrown by a producer when the file to send is not on disk. */
export class MissingFileError extends Error {
  constructor(readonly path: string) {
    super(`file missing on disk: ${path}`);
    this.name = "MissingFileError";
  }
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof MissingFileError) return { kind: "missing_file", permanent: true, description: error.message };
  if (error instanceof GrammyError) {
    const description = error.description;
    if (error.error_code === 403) {
      if (/blocked/i.test(description)) return { kind: "blocked", permanent: true, description };
      if (/deactivated/i.test(description)) return { kind: "deactivated", permanent: true, description };
      if (/initiate/i.test(description)) return { kind: "not_started", permanent: true, description };
      return { kind: "forbidden", permanent: true, description };
    }
    if (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
      return { kind: "chat_not_found", permanent: true, description };
    }
    if (error.error_code === 429) return { kind: "flood", permanent: false, description };
    if (error.error_code >= 500) return { kind: "server_error", permanent: false, description };
    return { kind: "bad_request", permanent: true, description };
  }
  if (error instanceof HttpError) return { kind: "network", permanent: false, description: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return { kind: "missing_file", permanent: true, description: String((error as Error).message) };
  return { kind: "internal", permanent: false, description: error instanceof Error ? error.message : String(error) };
}
