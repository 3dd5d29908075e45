import { existsSync, readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { Api, GrammyError } from "grammy";
import type { Config } from "../config.js";

export type Download = { ok: true; data: Buffer } | { ok: false; reason: "too_big" | "failed"; detail?: string };

/**
 * Fetches a file a user sent: getFile, then the file URL on BOT_API_ROOT. A
 * self-hosted `telegram-bot-api --local` answers with an absolute path on its
 * disk instead, which is read directly. Uses its own bare Api object, so it
 * may run inside a conversation's `external` block.
 */
export async function downloadTelegramFile(
  config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "TELEGRAM_TIMEOUT_SECONDS">,
  fileId: string,
  maxBytes: number,
): Promise<Download> {
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS });
  let filePath: string | undefined;
  try {
    filePath = (await api.getFile(fileId)).file_path;
  } catch (error) {
    if (error instanceof GrammyError && /file is too big/i.test(error.description)) return { ok: false, reason: "too_big" };
    return { ok: false, reason: "failed", detail: error instanceof GrammyError ? error.description : "network error" };
  }
  if (!filePath) return { ok: false, reason: "failed", detail: "no file path" };
  if (isAbsolute(filePath) && existsSync(filePath)) return { ok: true, data: readFileSync(filePath) };
  const url = `${config.BOT_API_ROOT}/file/bot${config.BOT_TOKEN}/${filePath}`;
  try {
    // A large file may take a while, but a stalled download must not hold the admin's chat forever.
    const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(10, config.TELEGRAM_TIMEOUT_SECONDS) * 10_000) });
    if (!response.ok) return { ok: false, reason: "failed", detail: `HTTP ${response.status}` };
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) return { ok: false, reason: "too_big" };
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > maxBytes) return { ok: false, reason: "too_big" };
    return { ok: true, data };
  } catch {
    // The error text of fetch may carry the URL, which carries the token.
    return { ok: false, reason: "failed", detail: "network error" };
  }
}
