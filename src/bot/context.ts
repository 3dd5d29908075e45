import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Api, Context } from "grammy";
import type { ChatTypeContext } from "grammy";
import type { Config } from "../config.js";
import type { Locale } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Operations } from "../operations.js";
import type { Role } from "../people/operations.js";
import type { Agreement } from "../registration/agreement.js";
import type { OutboundTransformers } from "../telegram/outbound.js";
import type { FounderAlerts } from "./alerts.js";

/**
 * What every handler may use; attached to the context by the first
 * middleware. No repositories: handlers reach the data through the
 * operations of the use-case layer only.
 */
export interface AppDeps {
  config: Config;
  logger: Logger;
  i18n: I18n<BaseContext>;
  agreement: Agreement;
  /** The use-case layer (src/operations.ts). */
  ops: Operations;
  /** The transformers every Api object of the process carries (see telegram/outbound.ts). */
  outbound: OutboundTransformers;
  alerts: FounderAlerts;
  /** The bot's username for invite links: BOT_USERNAME or getMe's. */
  botUsername(): string;
  /** The bot's own Api (for work outside an update, e.g. notifying founders). */
  api(): Api;
}

export interface AppFlavor {
  deps: AppDeps;
  /** pino child logger carrying the update id. */
  log: Logger;
  /** The sender's role at the moment this update is handled. */
  role: Role;
  /** The sender's locale (ru/en). */
  locale: Locale;
}

/** The context inside conversations: the same, without the conversation controls. */
export type BaseContext = Context & I18nFlavor & AppFlavor;
/** The one context type of the bot. */
export type BotContext = ConversationFlavor<BaseContext>;
/**
 * A private chat with a known sender: every feature handles only these (the
 * bot works in private chats only), so `ctx.from` and `ctx.chat` are there.
 */
export type PrivateContext = ChatTypeContext<BotContext, "private">;
