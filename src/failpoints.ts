/**
 * Failpoints for the crash tests: `failpoint(name)` marks a moment where a
 * crash would hurt most (files written but not recorded, a change committed
 * but its files not moved, a message sent but not recorded). When the
 * environment variable BOT_FAILPOINT names it, the process dies right there
 * with SIGKILL — no shutdown handler, no flush, exactly like `kill -9` or a
 * power cut — so a test can crash the bot at a chosen line instead of at a
 * moment picked by timing.
 *
 * `BOT_FAILPOINT=name` fires at the first pass, `BOT_FAILPOINT=name@N` at the
 * N-th (e.g. after N successful sends). Unset, it costs one comparison: the
 * variable is read once, at start-up (reading the environment is a call
 * into the runtime, and failpoints sit on the delivery's hot path).
 */
const hits = new Map<string, number>();
const wanted = process.env.BOT_FAILPOINT;

export function failpoint(name: string): void {
  if (wanted === undefined || !wanted.startsWith(name)) return;
  const rest = wanted.slice(name.length);
  if (rest !== "" && !/^@\d+$/.test(rest)) return;
  const at = rest === "" ? 1 : Number(rest.slice(1));
  const count = (hits.get(name) ?? 0) + 1;
  hits.set(name, count);
  if (count >= at) process.kill(process.pid, "SIGKILL");
}
