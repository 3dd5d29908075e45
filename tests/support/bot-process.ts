import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";

export interface BotProcessOptions {
  env: Record<string, string>;
  /** Echo the bot's output to this process's stderr (debugging). */
  echo?: boolean;
  /** Options for node itself, before the entry point (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
  nodeArgs?: readonly string[];
}

/**
 * The options `npm start` gives node (package.json's start script, e.g. the
 * heap size): the bot under test runs with them too.
 */
export function startNodeArgs(): string[] {
  const scripts = (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const match = /^node\s+(.*?)\s*dist\/src\/main\.js$/.exec(scripts.start ?? "");
  if (!match) throw new Error(`package.json's start script is not "node [options] dist/src/main.js": ${scripts.start}`);
  return match[1]!.split(/\s+/).filter(Boolean);
}

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/**
 * The real bot, started the way an operator starts it (node with the options
 * and on the compiled entry point that `npm start` runs), with its output
 * captured.
 */
export class BotProcess {
  readonly child: ChildProcess;
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private buffered = "";
  private listeners: Array<() => void> = [];

  constructor(options: BotProcessOptions) {
    this.child = spawn(process.execPath, [...startNodeArgs(), ...(options.nodeArgs ?? []), join(projectRoot, "dist", "src", "main.js")], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      this.buffered += chunk;
      const lines = this.buffered.split("\n");
      this.buffered = lines.pop() ?? "";
      for (const line of lines) {
        this.stdout.push(line);
        if (options.echo) process.stderr.write(`[bot] ${line}\n`);
      }
      for (const listener of this.listeners) listener();
    });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr.push(chunk);
      if (options.echo) process.stderr.write(`[bot:err] ${chunk}`);
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** Parsed JSON log lines written to stdout so far. */
  logs(): LogLine[] {
    const out: LogLine[] = [];
    for (const line of this.stdout) {
      try {
        out.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
    return out;
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs().find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`log line not seen within ${timeoutMs} ms; last lines:\n${this.stdout.slice(-10).join("\n")}\n${this.stderr.join("")}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.listeners = [];
    }
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(signal: NodeJS.Signals = "SIGTERM"): void {
    if (this.running) this.child.kill(signal);
  }

  waitForExit(timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return Promise.race([
      this.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`bot did not exit within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.kill("SIGTERM");
    try {
      await this.waitForExit(12_000);
    } catch {
      this.kill("SIGKILL");
      await this.exited;
    }
  }
}
