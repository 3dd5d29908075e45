import type { Config } from "./config.js";
import type { Repos } from "./db/repos/index.js";
import type { EngineControl } from "./delivery/engine.js";
import { createBroadcastOperations } from "./broadcast/operations.js";
import { createDeliveryOperations } from "./delivery/operations.js";
import { createDoorOperations } from "./door/operations.js";
import { createEventOperations } from "./event/operations.js";
import { createInvitesOperations } from "./invites/operations.js";
import { createPromptOperations } from "./prompts.js";
import type { Logger } from "./logger.js";
import type { PeopleOperations } from "./people/operations.js";
import { createQuestionsOperations } from "./questions/operations.js";
import type { RelayControl } from "./questions/relay.js";
import type { Agreement } from "./registration/agreement.js";
import { createRegistrationOperations } from "./registration/operations.js";
import { createReportsOperations } from "./reports/operations.js";
import { createTicketsOperations } from "./tickets/operations.js";
import { createReissueOperations } from "./tickets/reissue.js";
import { createWavesOperations } from "./waves/operations.js";

export interface OperationDeps {
  config: Config;
  repos: Repos;
  logger: Logger;
  agreement: Agreement;
  people: PeopleOperations;
  engine: EngineControl;
  /** Carries questions to the organisers and answers back (src/questions/relay.ts). */
  relay: RelayControl;
  botUsername(): string;
}

/**
 * The use-case layer, one module per domain. Each operation owns its rule
 * and its transaction and returns a typed result; handlers parse input, call
 * one operation and render what it returns. Repositories (src/db/repos) are
 * the only SQL, and only these modules use them.
 */
export function createOperations(deps: OperationDeps) {
  const { config, repos, logger, people, engine } = deps;
  const waves = createWavesOperations({ config, repos, people, engine });
  return {
    people,
    prompts: createPromptOperations({ repos }),
    registration: createRegistrationOperations({ repos, agreement: deps.agreement }),
    invites: createInvitesOperations({ repos }),
    waves,
    tickets: createTicketsOperations({ config, repos, logger, waves }),
    reissue: createReissueOperations({ repos, engine }),
    door: createDoorOperations({ config, repos, people }),
    broadcasts: createBroadcastOperations({ repos, people, engine }),
    delivery: createDeliveryOperations({ repos, engine }),
    reports: createReportsOperations({
      repos,
      people,
      engine,
      botUsername: deps.botUsername,
      waveProgress: waves.progress,
      timeZone: config.TIME_ZONE,
      passesEndWithWave: config.PASSES_END_WITH_WAVE,
    }),
    event: createEventOperations({ config, repos }),
    questions: createQuestionsOperations({ repos, relay: deps.relay, roleOf: people.roleOf }),
  };
}

export type Operations = ReturnType<typeof createOperations>;
