import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import { createI18n, localeFor, translator } from "../i18n.js";
import { scrubSecrets, type Logger } from "../logger.js";
import type { Agreement } from "../registration/agreement.js";
import { chatLogTransformer, installOutbound, limitsTransformer, OutboundGate, type OutboundTransformers } from "../telegram/outbound.js";
import { roleOf } from "./filters/roles.js";
import { FounderAlerts, renderAlerts } from "./alerts.js";
import type { AppDeps, BaseContext, BotContext } from "./context.js";
import { adminsFeature } from "./features/admins.js";
import { broadcastFeature } from "./features/broadcast.js";
import { fallbackFeature } from "./features/fallback.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { menuFeature } from "./features/menu.js";
import { registrationFeature } from "./features/registration.js";
import { reportsFeature } from "./features/reports.js";
import { ticketsFeature } from "./features/tickets.js";
import { usersFeature } from "./features/users.js";
import { wavesFeature, zipUploadConversation } from "./features/waves.js";
import { authorize } from "./middlewares/authorization.js";
import { attachContext } from "./middlewares/context.js";
import { handleBotError } from "./middlewares/errors.js";
import { privateChatsOnly } from "./middlewares/private-only.js";
import { recordIncoming } from "./middlewares/records.js";
import { createServices, type Services } from "./services.js";

export interface CreateBotOptions {
  config: Config;
  logger: Logger;
  repos: Repos;
  agreement: Agreement;
  /** Given by tests so that the bot never calls getMe. */
  botInfo?: UserFromGetMe;
}

/**
 * Builds the bot: plugins → context → guards → features → fallback. Starting
 * and stopping belong to main.ts; tests build the bot without starting it.
 */
export function createBot(options: CreateBotOptions): { bot: Bot<BotContext>; deps: AppDeps } {
  const { config, logger, repos, agreement } = options;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    // Also applies to the Api objects conversations build for themselves.
    client: { apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const i18n = createI18n<BaseContext>(config.DEFAULT_LOCALE);
  const gate = new OutboundGate(config);
  const outbound: OutboundTransformers = {
    gate: gate.transformer(),
    chatLog: chatLogTransformer(
      // Only participants' and organisers' conversations are kept (SPEC §11).
      (entry) => {
        if (roleOf(entry.userId, config, repos) !== "visitor") repos.chatLog.record({ ...entry, direction: "out" });
      },
      (chatId, messageId) => repos.chatLog.incoming(chatId, messageId)?.content,
    ),
    limits: limitsTransformer((method, field, length) => logger.error({ method, field, length }, "a message over Telegram's limit was cut")),
  };
  installOutbound(bot.api, outbound, "interactive");

  const alerts = new FounderAlerts({
    founders: config.FOUNDER_IDS,
    securityEnabled: config.FOUNDER_ALERTS,
    intervalMs: 60_000,
    logger,
    send: async (founderId, events, evicted) => {
      const locale = localeFor(repos.users.findById(founderId)?.language_code, config.DEFAULT_LOCALE);
      // Someone erased by /delete_user meanwhile is shown by id only.
      const current = events.map((e) => (e.userId !== null && repos.users.findById(e.userId)?.deleted_at ? { ...e, username: null } : e));
      await bot.api.sendMessage(founderId, renderAlerts(current, evicted, (key, vars) => i18n.t(locale, key, vars), config.TIME_ZONE));
    },
  });

  const services: Services = createServices({
    config,
    repos,
    logger,
    outbound,
    translate: (locale) => translator(i18n, locale),
  });
  const deps: AppDeps = {
    config,
    logger,
    repos,
    i18n,
    agreement,
    gate,
    outbound,
    alerts,
    services,
    botUsername: () => config.BOT_USERNAME ?? bot.botInfo.username,
    api: () => bot.api,
  };

  // Updates of one chat are handled in order; different chats concurrently.
  bot.use(sequentialize<Context>((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(attachContext(deps));
  bot.use(i18n);
  bot.use(privateChatsOnly);
  bot.use(recordIncoming);
  bot.use(
    conversations<BotContext, BaseContext>({
      storage: {
        type: "key",
        version: 1,
        prefix: "conversation:",
        adapter: {
          read: (key) => {
            const raw = repos.system.kvGet(key);
            return raw === undefined ? undefined : JSON.parse(raw);
          },
          // Conversations keep thrown errors in their state; never the token.
          write: (key, state) => repos.system.kvSet(key, scrubSecrets(JSON.stringify(state), config.BOT_TOKEN)),
          delete: (key) => repos.system.kvDelete(key),
        },
      },
      plugins: [conversationContext(deps)],
    }),
  );
  bot.use(zipUploadConversation);
  bot.use(authorize);
  bot.use(registrationFeature, helpFeature, menuFeature, adminsFeature, invitesFeature, usersFeature, wavesFeature, ticketsFeature, broadcastFeature, reportsFeature);
  bot.use(fallbackFeature);
  bot.catch(handleBotError);
  return { bot, deps };
}

/**
 * Conversations build their own context and Api object: give them the same
 * dependencies, translations and outbound transformers as the bot's.
 */
function conversationContext(deps: AppDeps): MiddlewareFn<BaseContext> {
  const i18nMiddleware = deps.i18n.middleware();
  return async (ctx, next) => {
    installOutbound(ctx.api, deps.outbound, "interactive");
    await (attachContext(deps) as unknown as MiddlewareFn<BaseContext>)(ctx, async () => {
      await i18nMiddleware(ctx, next);
    });
  };
}
