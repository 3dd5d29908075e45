import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Api, InputFile } from "grammy";
import { clampText, MAX_TEXT } from "../telegram/limits.js";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { WaveRow } from "../db/repos/waves.js";
import { localeFor, type Translate } from "../i18n.js";
import { scrubSecrets, type Logger } from "../logger.js";
import { chatLogTransformer } from "../telegram/outbound.js";
import { importTickets, type ImportOutcome } from "./importer.js";
import { folderEntries, zipEntries } from "./sources.js";
import { auditResult, describeUpload, type ImportAnswer } from "./upload.js";

/**
 * `npm run import -- <file.zip|folder> [--add]`: the operator loads tickets on
 * the server, beyond the Bot API's 20 MB download limit, through the same
 * importTickets as /upload_zip. The audit log and ticket_imports name actor 0:
 * the server, not a Telegram user.
 */
export const SERVER_ACTOR = 0;

export interface ServerImportArgs {
  path: string;
  /** replace: like /upload_zip (the wave's unassigned tickets are archived first); add: like /upload_zip_add. */
  mode: "replace" | "add";
}

export type ServerImportResult =
  /** importTickets ran: its outcome, imported or refused. */
  | { kind: "done"; wave: WaveRow; fileName: string; outcome: ImportOutcome }
  | { kind: "no_wave" }
  | { kind: "sending"; wave: WaveRow }
  | { kind: "not_found"; path: string };

export type ParsedArgs = { ok: true; args: ServerImportArgs } | { ok: false };

/** "<file.zip|folder> [--add]", in any order; anything else is a usage error. */
export function parseImportArgs(argv: readonly string[]): ParsedArgs {
  const flags = argv.filter((a) => a.startsWith("--"));
  const paths = argv.filter((a) => !a.startsWith("--"));
  if (paths.length !== 1 || flags.some((f) => f !== "--add")) return { ok: false };
  return { ok: true, args: { path: paths[0]!, mode: flags.includes("--add") ? "add" : "replace" } };
}

export async function importFromServer(
  deps: { config: Config; repos: Repos; logger: Logger },
  args: ServerImportArgs,
): Promise<ServerImportResult> {
  const { config, repos } = deps;
  const path = resolve(args.path);
  let isFolder: boolean;
  let size: number;
  try {
    const stat = statSync(path);
    isFolder = stat.isDirectory();
    size = stat.size;
  } catch {
    return { kind: "not_found", path };
  }
  const wave = repos.waves.active();
  if (!wave) return { kind: "no_wave" };
  if (wave.status === "sending") return { kind: "sending", wave };

  const fileName = basename(path);
  const maxBytes = config.ZIP_MAX_TOTAL_MB * 1024 * 1024;
  let outcome: ImportOutcome;
  if (!isFolder && size > maxBytes) {
    // adm-zip holds the whole archive in memory: an archive bigger than what
    // it may unpack to is refused before it is read.
    outcome = { ok: false, refusal: { kind: "too_large", bytes: size, max: maxBytes } };
  } else {
    outcome = await importTickets(deps, {
      waveId: wave.id,
      mode: args.mode,
      by: SERVER_ACTOR,
      source: "server",
      fileName,
      entries: isFolder ? folderEntries(path) : zipEntries(readFileSync(path)),
    });
  }
  repos.records.audit({
    actorId: SERVER_ACTOR,
    action: args.mode === "replace" ? "server_import" : "server_import_add",
    args: path,
    result: auditResult(outcome),
  });
  return { kind: "done", wave, fileName, outcome };
}

/** The same words as /upload_zip answers in Telegram. */
export function describeServerImport(result: ServerImportResult, t: Translate): ImportAnswer {
  switch (result.kind) {
    case "done":
      return describeUpload(result.outcome, result.wave, t);
    case "no_wave":
      return { text: t("wave-none") };
    case "sending":
      return { text: t("wave-busy-sending", { wave: result.wave.name }) };
    case "not_found":
      return { text: t("import-not-found", { path: result.path }) };
  }
}

export const succeeded = (result: ServerImportResult): boolean => result.kind === "done" && result.outcome.ok;

/**
 * Tells every founder in Telegram what the import did, each in their own
 * language. Returns the founders who could not be told, with the reason; a
 * failed notice never undoes the import.
 */
export async function notifyFounders(
  deps: { config: Config; repos: Repos; translate(locale: string): Translate },
  result: Extract<ServerImportResult, { kind: "done" }>,
  timeoutSeconds = 15,
): Promise<Array<{ founderId: number; reason: string }>> {
  const { config, repos } = deps;
  // A bare Api: no auto-retry, so an unreachable Bot API fails within the
  // timeout instead of holding the operator's terminal. The chat log still
  // records what the founders were sent.
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds });
  api.config.use(
    chatLogTransformer(
      (entry) => repos.chatLog.record({ ...entry, direction: "out" }),
      (chatId, messageId) => repos.chatLog.incoming(chatId, messageId)?.content,
    ),
  );
  const failures: Array<{ founderId: number; reason: string }> = [];
  for (const founderId of config.FOUNDER_IDS) {
    const t = deps.translate(localeFor(repos.users.findById(founderId)?.language_code, config.DEFAULT_LOCALE));
    const header = t(result.outcome.ok ? "import-founder-done" : "import-founder-refused", { file: result.fileName });
    try {
      const answer = describeUpload(result.outcome, result.wave, t);
      await api.sendMessage(founderId, clampText(`${header}\n\n${answer.text}`, MAX_TEXT));
      if (answer.fullList) {
        const file = new InputFile(Buffer.from(`${answer.fullList.join("\n")}\n`), "import.txt");
        await api.sendDocument(founderId, file, { caption: t("full-list-caption", { count: answer.fullList.length }) });
      }
    } catch (error) {
      const reason = error instanceof Error && "description" in error ? String(error.description) : error instanceof Error ? error.message : String(error);
      failures.push({ founderId, reason: scrubSecrets(reason, config.BOT_TOKEN) });
    }
  }
  return failures;
}
