import type { Router } from 'express';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import type { Database } from '../../db/database';
import type { Jobs } from '../../jobs/job-runner';
import { ChannelAlertRepository } from '../../tickets/notify/channel-alerts.repository';
import { ZaloClient } from './zalo.client';
import { ZALO_INBOUND_JOB, zaloInboundJob, type ZaloConversationHandler } from './zalo.inbound.job';
import { ZaloOutboundChannel } from './zalo.outbound';
import { ZaloRepository } from './zalo.repository';
import { zaloWebhookRoutes } from './zalo.routes';
import { systemTimer, type Timer } from '../../reference/clock';
import { ZaloTokenStore } from './zalo.token-store';
import { ZaloTurnRepository } from './zalo.turn.repository';
import type { LinkAllowList } from '../../http/link-allow-list';

/** Everything the Zalo channel needs from the outside. */
export interface ZaloChannelDeps<H extends ZaloConversationHandler = ZaloConversationHandler> {
  db: Database;
  config: ZaloConfig;
  logger: Logger;
  /** The runner the inbound job is registered with; the webhook kicks it after each acknowledged event. */
  jobs: Jobs;
  /**
   * Builds what acts on a citizen's events (the bot adapter), given the outbound channel it replies through:
   * the channel is built in dependency order, so nothing is bound late.
   */
  handler: (outbound: ZaloOutboundChannel) => H;
  clock?: Timer;
  fetch?: typeof fetch;
  /** Our public origin (PUBLIC_BASE_URL), for the tracking page's address. */
  publicBaseUrl?: string;
  /** Sends a user's queued replies right after their turn committed (the tickets area's outbox). */
  onReplies?: (userId: string) => Promise<void>;
  /** Which links messages to citizens may carry. */
  links?: LinkAllowList;
}

/** The assembled Zalo channel: webhook router, OA client, outbound channel and the handler of inbound events. */
export interface ZaloChannel<H extends ZaloConversationHandler = ZaloConversationHandler> {
  router: Router;
  client: ZaloClient;
  outbound: ZaloOutboundChannel;
  tokens: ZaloTokenStore;
  repo: ZaloRepository;
  handler: H;
}

/** Builds the Zalo channel: OA client → outbound → handler → inbound job → webhook route. */
export function createZaloChannel<H extends ZaloConversationHandler>(
  deps: ZaloChannelDeps<H>,
): ZaloChannel<H> {
  const clock = deps.clock ?? systemTimer;
  const logger = deps.logger.child({ component: 'zalo' });
  const repo = new ZaloRepository(deps.db);
  const tokens = new ZaloTokenStore({ db: deps.db, config: deps.config, logger, clock, fetch: deps.fetch });
  const client = new ZaloClient({ config: deps.config, tokens, logger, fetch: deps.fetch });
  const alerts = new ChannelAlertRepository(deps.db);
  const template = deps.config.template;
  const trackingUrl = deps.publicBaseUrl ? `${deps.publicBaseUrl.replace(/\/+$/, '')}/tra-cuu` : undefined;
  const outbound = new ZaloOutboundChannel({
    client,
    repo,
    logger,
    clock,
    alerts,
    template,
    trackingUrl,
    links: deps.links,
  });
  const handler = deps.handler(outbound);
  deps.jobs.add(
    zaloInboundJob({
      repo,
      turns: new ZaloTurnRepository(deps.db),
      handler,
      clock,
      logger,
      leaseMs: deps.config.eventLeaseMs,
      concurrency: deps.config.inboundConcurrency,
      onReplies: deps.onReplies,
    }),
  );
  const router = zaloWebhookRoutes({
    config: deps.config,
    repo,
    clock,
    logger,
    onAccepted: () => void deps.jobs.kick(ZALO_INBOUND_JOB),
  });
  return { router, client, outbound, tokens, repo, handler };
}
