import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LOCALES, type Locale } from "../i18n.js";
import type { Logger } from "../logger.js";
import { COMMANDS, commandsFor, type Role } from "./commands.js";

/** A text of the locales in a given language (setMyCommands is per language, outside any update). */
type LocalizedText = (locale: Locale, key: string) => string;

function listFor(role: Role, locale: Locale, t: LocalizedText): BotCommand[] {
  const listed = role === "visitor" ? COMMANDS.filter((c) => c.audience === "anyone" || c.audience === "participant") : commandsFor(role);
  return listed.filter((c) => c.listed).map((c) => ({ command: c.name, description: t(locale, `cmd-${c.name}`).slice(0, 256) }));
}

/**
 * Telegram's command menu (SPEC §6): the participants' list for everyone, in
 * each language and without one for other languages; the admin list in each
 * admin's own chat.
 */
export async function publishDefaultCommands(api: Api, t: LocalizedText, defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(listFor("participant", defaultLocale, t));
  for (const locale of LOCALES) await api.setMyCommands(listFor("participant", locale, t), { language_code: locale });
}

export async function publishAdminCommands(api: Api, chatId: number, role: "admin" | "founder", t: LocalizedText, defaultLocale: Locale): Promise<void> {
  const scope = { type: "chat", chat_id: chatId } as const;
  await api.setMyCommands(listFor(role, defaultLocale, t), { scope });
  for (const locale of LOCALES) await api.setMyCommands(listFor(role, locale, t), { scope, language_code: locale });
}

/** After /remove_admin: the chat falls back to the default (participants') list. */
export async function withdrawAdminCommands(api: Api, chatId: number): Promise<void> {
  const scope = { type: "chat", chat_id: chatId } as const;
  await api.deleteMyCommands({ scope });
  for (const locale of LOCALES) await api.deleteMyCommands({ scope, language_code: locale });
}

/** Start-up: every list, without blocking the bot; a chat that cannot be reached is only logged. */
export async function publishAllCommands(
  api: Api,
  admins: ReadonlyArray<{ id: number; role: "admin" | "founder" }>,
  t: LocalizedText,
  defaultLocale: Locale,
  logger: Logger,
): Promise<void> {
  try {
    await publishDefaultCommands(api, t, defaultLocale);
  } catch (error) {
    logger.warn({ err: error }, "could not publish the command list");
  }
  for (const admin of admins) {
    try {
      await publishAdminCommands(api, admin.id, admin.role, t, defaultLocale);
    } catch (error) {
      // "chat not found" until the admin has written to the bot: expected.
      logger.info({ err: error, admin: admin.id }, "admin command list not published");
    }
  }
}
