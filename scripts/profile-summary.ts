/**
 * Where a delivery's CPU goes, from a `.cpuprofile` of the bot (take one with
 * BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof", see
 * BENCHMARKS.md):
 *
 *   node dist/scripts/profile-summary.js <file.cpuprofile> [deliveries] [marker]
 *
 * Only the samples between the first and the last one with `marker` (default
 * "attempt", the engine's per-delivery function) on the stack count: the
 * delivery, not the start-up or the import before it. Each sample's time goes
 * to the first part of the bot, in the order of PARTS (the database, files,
 * the HTTP client, grammY …), that has a frame on the sample's stack; with
 * `deliveries` the table also says how much is spent per delivery. The profiler slows the
 * process down: the parts' shares are the finding, not the absolute times.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The parts, in the order a stack is matched against them (the first that matches a frame wins). */
const PARTS: Array<{ part: string; frame: (f: ProfileNode["callFrame"]) => boolean }> = [
  { part: "database: SQLite and the repositories", frame: (f) => /better-sqlite3|\/src\/db\//.test(f.url) },
  { part: "files: reading tickets, stat", frame: (f) => (f.url === "" && /^(open|read|close|fstat|stat|existsSync)$/.test(f.functionName)) || /readFileSync|existsSync/.test(f.functionName) },
  {
    part: "HTTP client: node:http, sockets, streams, request bodies",
    frame: (f) => (f.url === "" && /^(writev|writeBuffer|writeUtf8String|writeLatin1String|onStreamRead)$/.test(f.functionName)) || /node:_http|node:net|node:internal\/streams|stream_base|node-fetch|\/core\/payload\.js|direct-call\.js/.test(f.url),
  },
  { part: "grammY and the outbound transformers", frame: (f) => /node_modules\/(grammy|@grammyjs)\/|\/src\/telegram\//.test(f.url) },
  { part: "engine and producers", frame: (f) => /\/src\/(delivery|tickets|broadcast|people|door)\//.test(f.url) },
];

function summarize(path: string, deliveries: number | undefined, marker: string): string {
  const profile = JSON.parse(readFileSync(path, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const stacks = new Map<number, ProfileNode[]>();
  const stackOf = (id: number): ProfileNode[] => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
      stacks.set(id, stack);
    }
    return stack;
  };
  let first = -1;
  let last = -1;
  profile.samples.forEach((id, i) => {
    if (stackOf(id).some((n) => n.callFrame.functionName === marker)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  if (first < 0) return `no sample has ${marker} on its stack`;
  const parts = new Map<string, number>();
  let busy = 0;
  for (let i = first; i <= last; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack = stackOf(profile.samples[i]!);
    const top = stack[0]!.callFrame.functionName;
    if (top === "(idle)") continue;
    busy += ms;
    const part =
      top === "(garbage collector)" ? "garbage collection" : (PARTS.find((p) => stack.some((n) => p.frame(n.callFrame)))?.part ?? "other (timers, promises, the runtime)");
    parts.set(part, (parts.get(part) ?? 0) + ms);
  }
  const lines = [`| part | share | ${deliveries ? "µs per delivery (profiled) |" : "ms |"}`, `| --- | ---: | ---: |`];
  for (const [part, ms] of [...parts].sort((a, b) => b[1] - a[1])) {
    lines.push(`| ${part} | ${((100 * ms) / busy).toFixed(0)} % | ${deliveries ? ((ms * 1000) / deliveries).toFixed(0) : ms.toFixed(0)} |`);
  }
  lines.push(`| **all** | 100 % | ${deliveries ? ((busy * 1000) / deliveries).toFixed(0) : busy.toFixed(0)} |`);
  return lines.join("\n");
}

const [file, deliveries, marker] = process.argv.slice(2);
if (!file) {
  console.error("usage: node dist/scripts/profile-summary.js <file.cpuprofile> [deliveries] [marker]");
  process.exitCode = 1;
} else {
  console.log(summarize(file, deliveries ? Number(deliveries) : undefined, marker ?? "attempt"));
}
