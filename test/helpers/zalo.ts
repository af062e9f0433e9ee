import type { Express } from 'express';
import type { Logger } from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createZaloChannel, type ZaloChannel } from '../../src/channels/zalo/zalo.channel';
import { ZALO_INBOUND_JOB, type ZaloConversationHandler } from '../../src/channels/zalo/zalo.inbound.job';
import type { ZaloOutboundChannel } from '../../src/channels/zalo/zalo.outbound';
import type { ZaloConfig } from '../../src/config/config';
import type { Database } from '../../src/db/database';
import { JobRunner } from '../../src/jobs/job-runner';
import { OutboundChannelRegistry, performOutbox } from '../../src/tickets/notify/outbox.worker';
import { memoryLogger, testConfig } from './app';
import { createTestDb } from './db';
import { signWebhook } from './fake-zalo';
import type { Timer } from '../../src/reference/clock';

const OUTBOX_JOB = 'outbox';

/** A clock tests move by hand; sleep() advances it instead of waiting. */
export class ManualClock implements Timer {
  constructor(private current = new Date('2026-11-20T03:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  async sleep(ms: number): Promise<void> {
    this.current = new Date(this.current.getTime() + ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A Zalo channel configuration pointing at a fake server. */
export function zaloTestConfig(baseUrl: string, over: Partial<ZaloConfig> = {}): ZaloConfig {
  return {
    appId: '3608465249409',
    appSecret: 'app-secret-123456',
    oaSecretKey: 'oa-secret-key-654321',
    signatureSecret: 'oa_secret_key',
    apiBaseUrl: baseUrl,
    oauthBaseUrl: baseUrl,
    initialAccessToken: undefined,
    initialRefreshToken: undefined,
    webhookMaxAgeMs: 24 * 3600_000,
    httpTimeoutMs: 2_000,
    ...over,
  };
}

/**
 * Posts a webhook event as Zalo does: signed with the config's OA secret unless `sign` overrides the secret, the
 * raw body or the header (null: no signature header at all).
 */
export function postZaloWebhook(
  app: Express,
  zcfg: ZaloConfig,
  event: object,
  sign: { secret?: string; raw?: string; header?: string | null } = {},
) {
  const raw = sign.raw ?? JSON.stringify(event);
  const ts = String((event as { timestamp: string }).timestamp);
  const header =
    sign.header === undefined
      ? signWebhook(raw, zcfg.appId, ts, sign.secret ?? zcfg.oaSecretKey)
      : sign.header;
  const req = request(app).post('/channels/zalo/webhook').set('Content-Type', 'application/json');
  if (header !== null) req.set('X-ZEvent-Signature', header);
  return req.send(raw);
}

/** The Zalo channel alone behind an app, its inbound job on a runner of its own that the test drives. */
export interface ZaloChannelUnderTest<H extends ZaloConversationHandler> {
  channel: ZaloChannel<H>;
  app: Express;
  db: Database;
  /** One inbound pass (and more while events are due), as after an acknowledged webhook, then the outbox. */
  processEvents(): Promise<void>;
  /** Stops the runner and closes the database if this helper opened it. */
  stop(): Promise<void>;
}

/** Builds the Zalo channel with a stand-in for the bot (`handler`), for tests of the channel itself. */
export async function zaloChannelUnderTest<H extends ZaloConversationHandler>(deps: {
  config: ZaloConfig;
  clock: Timer;
  handler: (outbound: ZaloOutboundChannel) => H;
  db?: Database;
  logger?: Logger;
}): Promise<ZaloChannelUnderTest<H>> {
  const db = deps.db ?? (await createTestDb());
  const logger = deps.logger ?? memoryLogger('silent').logger;
  const jobs = new JobRunner({ logger, clock: () => deps.clock.now() });
  const channel = createZaloChannel({ ...deps, db, logger, jobs });
  // The outbox the channel's replies wait in, delivered as the tickets area does in the server.
  const channels = new OutboundChannelRegistry();
  channels.register(channel.outbound);
  const outbox = { db, channels, logger, maxAttempts: 8, leaseMs: 60_000, backoffBaseMs: 5_000 };
  jobs.add({
    name: OUTBOX_JOB,
    perform: async (now) => {
      const pass = await performOutbox({ now }, outbox);
      return { more: pass.sent + pass.failed > 0 };
    },
  });
  const app = createApp({ config: testConfig(), db, logger, routers: [channel.router] });
  return {
    channel,
    app,
    db,
    async processEvents() {
      await jobs.kick(ZALO_INBOUND_JOB);
      await jobs.kick(OUTBOX_JOB);
    },
    async stop() {
      await jobs.stop();
      if (!deps.db) await db.close();
    },
  };
}
