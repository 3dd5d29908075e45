/**
 * Waiting for a condition instead of sleeping for a guessed time: on a busy
 * machine every guess is too short some day, and on an idle one it is time
 * wasted. The bound is only there to fail with a message instead of hanging.
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  { timeoutMs = 30_000, everyMs = 10 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
