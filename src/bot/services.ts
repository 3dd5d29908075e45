import { Api } from "grammy";
import type { Config } from "../config.js";
import type { Repos } from "../db/repos/index.js";
import { DeliveryEngine } from "../delivery/engine.js";
import { RateLimiter } from "../delivery/rate-limiter.js";
import type { JobProducer } from "../delivery/types.js";
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { installOutbound, type OutboundTransformers, type RetryMode } from "../telegram/outbound.js";
import { createTicketProducer } from "../tickets/delivery.js";
import { createBroadcastProducer } from "../broadcast/producer.js";
import type { JobKind } from "../db/repos/jobs.js";

/**
 * Long-lived services that outlive a single update. Features reach them
 * through the context (ctx.deps.services) instead of importing singletons.
 */
export interface Services {
  engine: DeliveryEngine;
  /** Founders and admins: they receive no tickets, and broadcasts only when chosen. */
  isStaff(userId: number): boolean;
  /** The ids of every founder and admin, now. */
  staff(): number[];
  /** Registered participants who are not staff: the people tickets and broadcasts go to. */
  recipientCount(): number;
}

export interface ServiceDeps {
  config: Config;
  repos: Repos;
  logger: Logger;
  outbound: OutboundTransformers;
  translate(locale: string): Translate;
}

/** An Api object of its own with the process's shared transformers. */
export function createApi(config: Pick<Config, "BOT_TOKEN" | "BOT_API_ROOT" | "TELEGRAM_TIMEOUT_SECONDS">, outbound: ServiceDeps["outbound"], mode: RetryMode): Api {
  // Per request, so a connection that never answers costs one delivery slot
  // this long (then it is a network error, retried) instead of grammY's 500 s.
  const api = new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS });
  installOutbound(api, outbound, mode);
  return api;
}

export function createServices(deps: ServiceDeps): Services {
  const { config, repos } = deps;
  const isStaff = (userId: number) => config.FOUNDER_IDS.includes(userId) || repos.admins.isAdmin(userId);
  const producers: Record<JobKind, JobProducer> = {
    tickets: createTicketProducer({ config, repos, translate: deps.translate, isStaff }),
    broadcast: createBroadcastProducer({ config, repos, isStaff }),
  };
  const engine = new DeliveryEngine({
    jobs: repos.jobs,
    transaction: (fn) => repos.transaction(fn),
    api: createApi(config, deps.outbound, "delivery"),
    producers,
    limiter: new RateLimiter(config.PAID_BROADCAST ? config.PAID_RATE_PER_SECOND : config.SEND_RATE_PER_SECOND, 1),
    concurrency: config.SEND_CONCURRENCY,
    translate: deps.translate,
    logger: deps.logger.child({ component: "delivery" }),
  });
  const staff = () => [...new Set([...config.FOUNDER_IDS, ...repos.admins.list().map((a) => a.user_id)])];
  const recipientCount = () => repos.users.countParticipants() - staff().filter((id) => repos.users.isParticipant(id)).length;
  return { engine, isStaff, staff, recipientCount };
}
