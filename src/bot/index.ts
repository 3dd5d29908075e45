import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createBroadcastProducer } from "../broadcast/producer.js";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import { DeliveryEngine } from "../delivery/engine.js";
import { Ledger } from "../delivery/ledger.js";
import { RateLimiter } from "../delivery/rate-limiter.js";
import { createI18n, localeFor, translator } from "../i18n.js";
import { scrubSecrets, type Logger } from "../logger.js";
import { createOperations } from "../operations.js";
import { createPeopleOperations, type PeopleOperations } from "../people/operations.js";
import type { Agreement } from "../registration/agreement.js";
import { chatLogTransformer, createApi, installOutbound, limitsTransformer, OutboundGate, type OutboundTransformers } from "../telegram/outbound.js";
import { RelayService } from "../questions/relay.js";
import { AnnouncementScheduler } from "../broadcast/scheduler.js";
import { createTicketProducer } from "../tickets/producer.js";
import { FounderAlerts, renderAlerts } from "./alerts.js";
import type { AppDeps, BaseContext, BotContext } from "./context.js";
import { adminsFeature } from "./features/admins.js";
import { broadcastFeature, scheduleConversation } from "./features/broadcast.js";
import { deliveryFeature } from "./features/delivery.js";
import { doorFeature } from "./features/door.js";
import { eventFeature } from "./features/event.js";
import { fallbackFeature } from "./features/fallback.js";
import { findFeature } from "./features/find.js";
import { helpFeature } from "./features/help.js";
import { invitesFeature } from "./features/invites.js";
import { menuFeature } from "./features/menu.js";
import { participantFeature } from "./features/participant.js";
import { passesFeature } from "./features/passes.js";
import { peopleFeature } from "./features/people.js";
import { questionsFeature, supportChatFeature } from "./features/questions.js";
import { registrationFeature } from "./features/registration.js";
import { reissueFeature } from "./features/reissue.js";
import { reportsFeature } from "./features/reports.js";
import { sendTicketsFeature } from "./features/send-tickets.js";
import { staffFeature } from "./features/staff.js";
import { statsFeature } from "./features/stats.js";
import { ticketsFeature } from "./features/tickets.js";
import { uploadsFeature, zipUploadConversation } from "./features/uploads.js";
import { wavesFeature } from "./features/waves.js";
import { authorize } from "./middlewares/authorization.js";
import { recordIncoming } from "./middlewares/chat-log.js";
import { attachContext } from "./middlewares/context.js";
import { handleBotError } from "./middlewares/errors.js";
import { privateChatsOnly } from "./middlewares/private-only.js";

export interface CreateBotOptions {
  config: Config;
  logger: Logger;
  repos: Repos;
  agreement: Agreement;
  /** Given by tests so that the bot never calls getMe. */
  botInfo?: UserFromGetMe;
}

/**
 * Builds the bot: the use-case layer and the delivery engine, then plugins →
 * context → guards → features → fallback. Starting and stopping belong to
 * main.ts; tests build the bot without starting it.
 */
export function createBot(options: CreateBotOptions): {
  bot: Bot<BotContext>;
  deps: AppDeps;
  engine: DeliveryEngine;
  relay: RelayService;
  scheduler: AnnouncementScheduler;
} {
  const { config, logger, repos, agreement } = options;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    // Also applies to the Api objects conversations build for themselves.
    client: { apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const i18n = createI18n<BaseContext>(config.DEFAULT_LOCALE);
  const translate = (locale: string) => translator(i18n, locale);
  const people = createPeopleOperations({
    config,
    repos,
    notices: {
      // /delete_user: the participant hears it once, before the erasure (nothing is sent after it).
      removed: async (userId) => {
        const locale = localeFor(repos.users.findById(userId)?.language_code, config.DEFAULT_LOCALE);
        await bot.api.sendMessage(userId, i18n.t(locale, "removed-notice")).catch((error: unknown) => logger.info({ err: error, user_id: userId }, "the removal notice did not arrive"));
      },
    },
  });
  const outbound: OutboundTransformers = {
    gate: new OutboundGate(config).transformer(),
    chatLog: chatLogTransformer(people),
    limits: limitsTransformer((method, field, length) => logger.error({ method, field, length }, "a message over Telegram's limit was cut")),
  };
  installOutbound(bot.api, outbound, "interactive");

  const engine = createEngine({ config, repos, logger, people, outbound, translate });
  const botUsername = () => config.BOT_USERNAME ?? bot.botInfo.username;
  const relay = new RelayService({ config, repos, api: bot.api, translate, adminIds: people.adminIds, logger: logger.child({ component: "questions" }) });
  const ops = createOperations({ config, repos, logger, agreement, people, engine, relay, botUsername });
  const alerts = new FounderAlerts({
    founders: config.FOUNDER_IDS,
    securityEnabled: config.FOUNDER_ALERTS,
    intervalMs: 60_000,
    logger,
    send: async (founderId, events, evicted) => {
      const locale = localeFor(people.byId(founderId)?.language_code, config.DEFAULT_LOCALE);
      // Someone erased by /delete_user meanwhile is shown by id only.
      const current = events.map((e) => (e.userId !== null && people.byId(e.userId)?.deleted_at ? { ...e, username: null } : e));
      await bot.api.sendMessage(founderId, renderAlerts(current, evicted, (key, vars) => i18n.t(locale, key, vars), config.TIME_ZONE));
    },
  });
  const deps: AppDeps = { config, logger, i18n, agreement, ops, outbound, alerts, botUsername, api: () => bot.api };

  // Updates of one chat are handled in order; different chats concurrently.
  bot.use(sequentialize<Context>((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(attachContext(deps));
  bot.use(i18n);
  // The support group (SUPPORT_CHAT_ID): admins' replies to relayed questions, nothing else; every other group is left.
  bot.filter((ctx) => config.SUPPORT_CHAT_ID !== undefined && ctx.chat?.id === config.SUPPORT_CHAT_ID, supportChatFeature);
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
  bot.use(scheduleConversation);
  bot.use(authorize);
  bot.use(
    // The door first: /start with a pass is a scan, not a registration.
    doorFeature,
    registrationFeature,
    helpFeature,
    menuFeature,
    adminsFeature,
    staffFeature,
    peopleFeature,
    findFeature,
    invitesFeature,
    wavesFeature,
    uploadsFeature,
    sendTicketsFeature,
    deliveryFeature,
    ticketsFeature,
    passesFeature,
    reissueFeature,
    broadcastFeature,
    reportsFeature,
    statsFeature,
    eventFeature,
    participantFeature,
    // Last before the fallback: a participant's message that is no command is a question; an admin's reply answers one.
    questionsFeature,
  );
  bot.use(fallbackFeature);
  bot.catch(handleBotError);
  const scheduler = new AnnouncementScheduler({ config, broadcasts: ops.broadcasts, api: bot.api, translate, logger: logger.child({ component: "scheduler" }) });
  return { bot, deps, engine, relay, scheduler };
}

/**
 * The delivery engine and its two producers (SPEC §8): one background job at
 * a time, through an Api object of its own that leaves 5xx and network
 * errors to the engine.
 */
function createEngine(deps: {
  config: Config;
  repos: Repos;
  logger: Logger;
  people: PeopleOperations;
  outbound: OutboundTransformers;
  translate: (locale: string) => ReturnType<typeof translator>;
}): DeliveryEngine {
  const { config, repos, people } = deps;
  const logger = deps.logger.child({ component: "delivery" });
  const ledger = new Ledger({ transaction: (fn) => repos.transaction(fn), onError: (error) => logger.error({ err: error }, "delivery bookkeeping could not be committed") });
  // What the engine sends goes into the chat log in the ledger's next group,
  // with the outcome of its send: one commit for both instead of one each.
  const chatLog = chatLogTransformer({
    recordChatLine: (line) => {
      const at = Date.now();
      ledger.defer(() => people.recordChatLine(line, at));
    },
    receivedMessage: (userId, messageId) => people.receivedMessage(userId, messageId),
  });
  return new DeliveryEngine({
    jobs: repos.jobs,
    transaction: (fn) => repos.transaction(fn),
    ledger,
    api: createApi(config, { ...deps.outbound, chatLog }, "delivery"),
    producers: {
      tickets: createTicketProducer({ config, repos, translate: deps.translate, isOrganiser: people.isOrganiser }),
      broadcast: createBroadcastProducer({ config, repos, isOrganiser: people.isOrganiser }),
    },
    limiter: deliveryLimiter(config.PAID_BROADCAST ? config.PAID_RATE_PER_SECOND : config.SEND_RATE_PER_SECOND),
    concurrency: config.SEND_CONCURRENCY,
    translate: deps.translate,
    logger,
  });
}

/**
 * The engine's pace. At hundreds of sends a second a slot is a millisecond or
 * less, and a timer that fires late (a busy event loop, a loaded machine)
 * would lose its slot for good: a burst of 20 ms worth of slots lets the
 * engine catch up. Below 50/s (the free tier) the burst is one send, as
 * before; Telegram's own ceiling is held by the outbound gate either way.
 */
function deliveryLimiter(ratePerSecond: number): RateLimiter {
  return new RateLimiter(ratePerSecond, Math.max(1, Math.floor(ratePerSecond / 50)));
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
