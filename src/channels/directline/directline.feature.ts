import type { Server } from 'node:http';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Bot } from '../../bot/tiepdan.bot';
import type { Config } from '../../config/config';
import { ensureSecret } from '../../db/app-secret.repository';
import type { Database } from '../../db/database';
import type { LinkAllowList } from '../../http/link-allow-list';
import { rateCountersFor } from '../../http/rate-counter';
import { webchatRoutes } from '../../web/webchat.routes';
import { PinSealer } from '../pin-seal';
import { DirectLineAdapter } from './directline.adapter';
import { DirectLineHub } from './directline.hub';
import { DirectLineRepository } from './directline.repository';
import { directLineRoutes } from './directline.routes';
import { DirectLineService } from './directline.service';
import { attachDirectLineStream } from './directline.stream';
import { DirectLineTokens, tokenSigningKey } from './directline.token';
import { UploadLinks } from './upload-link';

/** How much slower streams re-read the database when LISTEN/NOTIFY wakes them. */
export const FALLBACK_POLL_FACTOR = 10;

/** The web chat as a server feature: routes, the WebSocket stream, and the adapter (the `directline` channel). */
export interface WebChatFeature {
  routers: Router[];
  adapter: DirectLineAdapter;
  attach(server: Server): void;
  close(): Promise<void>;
}

/** What the web chat needs: config, the migrated database, a logger, and the bot (shared with other channels). */
export interface WebChatDeps {
  config: Config;
  db: Database;
  logger: Logger;
  bot: Bot;
  /** Which links messages to citizens may carry. */
  links: LinkAllowList;
}

/**
 * Builds the Direct Line channel around the bot. The token signing key is DIRECT_LINE_SECRET when configured, else
 * one generated once and kept in the database so every replica verifies every other replica's tokens.
 */
export async function createWebChatFeature(deps: WebChatDeps): Promise<WebChatFeature> {
  const logger = deps.logger.child({ component: 'directline' });
  const key =
    deps.config.directLine.secret ??
    (await ensureSecret(deps.db, 'directline.token-key', DirectLineTokens.generateKey));
  const repo = new DirectLineRepository(deps.db, new PinSealer(key));
  const tokens = new DirectLineTokens(tokenSigningKey(key), deps.config.directLine.tokenTtlSeconds);
  const bot = deps.bot;
  const hub = new DirectLineHub(deps.db.notifications, logger);
  await hub.start();
  const adapter = new DirectLineAdapter(repo, hub, bot.handleTurn, logger, deps.links);
  adapter.onTurnError = bot.onTurnError;
  const links = new UploadLinks(key, deps.config.directLine.tokenTtlSeconds);
  const service = new DirectLineService(repo, tokens, adapter, hub, logger, links);
  let stream: { close(): void } | undefined;
  return {
    routers: [
      directLineRoutes({
        config: deps.config,
        service,
        repo,
        tokens,
        links,
        rateCounters: rateCountersFor(deps.db),
      }),
      webchatRoutes(),
    ],
    adapter,
    attach(server) {
      stream = attachDirectLineStream(server, {
        service,
        tokens,
        hub,
        logger,
        // Woken by LISTEN/NOTIFY on a server, the stream's own re-read is only a slow fallback there.
        pollMs: deps.config.directLine.streamPollMs * (hub.crossReplica ? FALLBACK_POLL_FACTOR : 1),
      });
    },
    async close() {
      stream?.close();
      await hub.stop();
    },
  };
}
