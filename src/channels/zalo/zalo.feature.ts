import type { Logger } from 'pino';
import type { Bot } from '../../bot/tiepdan.bot';
import type { ZaloConfig } from '../../config/config';
import type { Database } from '../../db/database';
import type { ServerFeature } from '../../server';
import { ZaloAdapter, zaloTurnErrorHandler } from './zalo.adapter';
import { createZaloChannel, type ZaloChannel } from './zalo.channel';
import { ZaloConversationRepository } from './zalo.repository';
import { systemTimer, type Timer } from '../../reference/clock';

/** The Zalo channel as a server feature: webhook route, inbound worker, and the `zalo` outbound channel. */
export interface ZaloFeature extends ServerFeature {
  channel: ZaloChannel;
  adapter: ZaloAdapter;
}

/** What the Zalo feature needs; fetch and clock are for tests (a fake OA server, a manual clock). */
export interface ZaloFeatureDeps {
  config: ZaloConfig;
  db: Database;
  logger: Logger;
  bot: Bot;
  clock?: Timer;
  fetch?: typeof fetch;
  /** Called when a citizen writes (messages held back by Zalo's closed window can go now). */
  onUserActive?: (userId: string) => Promise<unknown>;
  /** Start the inbound worker's timer (off in tests, which drive it with kick()). */
  startWorker?: boolean;
}

/** Wires the Zalo channel to the bot: webhook events run bot turns, replies go out through the OA API. */
export function createZaloFeature(deps: ZaloFeatureDeps): ZaloFeature {
  const clock = deps.clock ?? systemTimer;
  const holder: { adapter?: ZaloAdapter } = {};
  const channel = createZaloChannel({
    db: deps.db,
    config: deps.config,
    logger: deps.logger,
    clock,
    fetch: deps.fetch,
    handler: { handle: (inbound) => holder.adapter!.handle(inbound) },
  });
  const adapter = new ZaloAdapter({
    outbound: channel.outbound,
    conversations: new ZaloConversationRepository(deps.db),
    logic: deps.bot.handleTurn,
    clock,
    logger: deps.logger.child({ component: 'zalo' }),
    onUserActive: deps.onUserActive,
  });
  adapter.onTurnError = zaloTurnErrorHandler(deps.bot.onTurnError);
  holder.adapter = adapter;
  if (deps.startWorker ?? true) channel.worker.start();
  return {
    channel,
    adapter,
    routers: [channel.router],
    close: () => channel.worker.stop(),
  };
}
