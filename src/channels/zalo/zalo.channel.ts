import type { Router } from 'express';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import type { Database } from '../../db/database';
import { ZaloClient } from './zalo.client';
import { ZaloInboundWorker, type ZaloConversationHandler } from './zalo.inbound-worker';
import { ZaloOutboundChannel } from './zalo.outbound';
import { ZaloRepository } from './zalo.repository';
import { zaloWebhookRoutes } from './zalo.routes';
import { systemTimer, type Timer } from '../../reference/clock';
import { ZaloTokenStore } from './zalo.token-store';

/** Everything the Zalo channel needs from the outside. */
export interface ZaloChannelDeps {
  db: Database;
  config: ZaloConfig;
  logger: Logger;
  handler: ZaloConversationHandler;
  clock?: Timer;
  fetch?: typeof fetch;
}

/** The assembled Zalo channel: webhook router, OA client, outbound channel and the inbound worker. */
export interface ZaloChannel {
  router: Router;
  client: ZaloClient;
  outbound: ZaloOutboundChannel;
  tokens: ZaloTokenStore;
  worker: ZaloInboundWorker;
  repo: ZaloRepository;
}

/** Builds the Zalo channel; call worker.start() to process events and worker.stop() on shutdown. */
export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const clock = deps.clock ?? systemTimer;
  const logger = deps.logger.child({ component: 'zalo' });
  const repo = new ZaloRepository(deps.db);
  const tokens = new ZaloTokenStore({ db: deps.db, config: deps.config, logger, clock, fetch: deps.fetch });
  const client = new ZaloClient({ config: deps.config, tokens, logger, fetch: deps.fetch });
  const outbound = new ZaloOutboundChannel({ client, repo, logger, clock });
  const worker = new ZaloInboundWorker({
    repo,
    handler: deps.handler,
    clock,
    logger,
    leaseMs: deps.config.eventLeaseMs,
  });
  const router = zaloWebhookRoutes({
    config: deps.config,
    repo,
    clock,
    logger,
    onAccepted: () => void worker.kick(),
  });
  return { router, client, outbound, tokens, worker, repo };
}
