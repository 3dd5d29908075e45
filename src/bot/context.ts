import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Api, Context } from "grammy";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import type { Locale } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Agreement } from "../registration/agreement.js";
import type { OutboundGate, OutboundTransformers } from "../telegram/outbound.js";
import type { Role } from "./commands.js";
import type { FounderAlerts } from "./alerts.js";
import type { Services } from "./services.js";

/** What every handler may use; attached to the context by the first middleware. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  repos: Repos;
  i18n: I18n<BaseContext>;
  agreement: Agreement;
  gate: OutboundGate;
  /** The transformers every Api object of the process carries (see telegram/outbound.ts). */
  outbound: OutboundTransformers;
  alerts: FounderAlerts;
  /** The bot's username for invite links: BOT_USERNAME or getMe's. */
  botUsername(): string;
  /** The bot's own Api (for work outside an update, e.g. notifying founders). */
  api(): Api;
  /** Feature services that outlive a single update (delivery engine, imports). */
  services: Services;
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
