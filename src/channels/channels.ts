import type { Logger } from 'pino';
import { PostgresStorage } from '../bot/bot-state.repository';
import { createBot } from '../bot/tiepdan.bot';
import { TurnLock } from '../bot/turn-lock.repository';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import type { AnswerService } from '../ports';
import type { ServerFeature } from '../server';
import type { TicketsModule } from '../tickets/tickets.module';
import { createWebChatFeature, type WebChatFeature } from './directline/directline.feature';
import { createZaloFeature, type ZaloFeature } from './zalo/zalo.feature';
import type { Timer } from '../reference/clock';

/** What the channels need: the answer service and the tickets area, plus test hooks for Zalo. */
export interface ChannelDeps {
  config: Config;
  db: Database;
  logger: Logger;
  tickets: TicketsModule;
  answers: AnswerService;
  zalo?: { clock?: Timer; fetch?: typeof fetch; startWorker?: boolean };
}

/** The channel features, built once for main.ts and for tests alike. */
export interface Channels {
  webchat: WebChatFeature;
  zalo: ZaloFeature | undefined;
  features: ServerFeature[];
}

/**
 * One bot for every channel (its turn queue and lease serialise each conversation whatever adapter runs it); each
 * channel registers itself with the outbox so agencies' answers go back where the citizen wrote from.
 */
export async function createChannels(deps: ChannelDeps): Promise<Channels> {
  const { config, db, logger, tickets } = deps;
  const services = { answers: deps.answers, triage: tickets.triage, tickets: tickets.tickets };
  const bot = createBot({ storage: new PostgresStorage(db), services, logger, turnLock: new TurnLock(db) });
  const webchat = await createWebChatFeature({ config, db, logger, bot });
  tickets.channels.register(webchat.adapter);
  const zalo = config.zalo
    ? createZaloFeature({ config: config.zalo, db, logger, bot, ...deps.zalo })
    : undefined;
  if (zalo) tickets.channels.register(zalo.channel.outbound);
  return { webchat, zalo, features: zalo ? [webchat, zalo] : [webchat] };
}
