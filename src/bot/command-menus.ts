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

/** A chat with a command list of its own: organisers see what they may use. */
export type OrganiserRole = "founder" | "admin" | "staff";

/**
 * Telegram's command menu (SPEC §6): the participants' list for everyone, in
 * each language and without one for other languages; each organiser's list
 * (owner, admin, door staff) in their own chat.
 */
export async function publishDefaultCommands(api: Api, t: LocalizedText, defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(listFor("participant", defaultLocale, t));
  for (const locale of LOCALES) await api.setMyCommands(listFor("participant", locale, t), { language_code: locale });
}

export async function publishChatCommands(api: Api, chatId: number, role: OrganiserRole, t: LocalizedText, defaultLocale: Locale): Promise<void> {
  const scope = { type: "chat", chat_id: chatId } as const;
  await api.setMyCommands(listFor(role, defaultLocale, t), { scope });
  for (const locale of LOCALES) await api.setMyCommands(listFor(role, locale, t), { scope, language_code: locale });
}

/** After /remove_admin or /remove_staff: the chat falls back to the default (participants') list. */
export async function withdrawChatCommands(api: Api, chatId: number): Promise<void> {
  const scope = { type: "chat", chat_id: chatId } as const;
  await api.deleteMyCommands({ scope });
  for (const locale of LOCALES) await api.deleteMyCommands({ scope, language_code: locale });
}

/** Start-up: every list, without blocking the bot; a chat that cannot be reached is only logged. */
export async function publishAllCommands(
  api: Api,
  organisers: ReadonlyArray<{ id: number; role: OrganiserRole }>,
  t: LocalizedText,
  defaultLocale: Locale,
  logger: Logger,
): Promise<void> {
  try {
    await publishDefaultCommands(api, t, defaultLocale);
  } catch (error) {
    logger.warn({ err: error }, "could not publish the command list");
  }
  for (const organiser of organisers) {
    try {
      await publishChatCommands(api, organiser.id, organiser.role, t, defaultLocale);
    } catch (error) {
      // "chat not found" until the person has written to the bot: expected.
      logger.info({ err: error, chat_id: organiser.id }, "an organiser's command list was not published");
    }
  }
}
