import request from 'supertest';
import { ZALO_INBOUND_JOB } from '../../src/channels/zalo/zalo.inbound.job';
import type { RunningServer } from '../../src/server';
import type { System } from '../../src/system';
import { TICKET_JOBS } from '../../src/tickets/tickets.module';
import { startTestServer } from './system';
import { FakeZalo, signWebhook } from './fake-zalo';
import type { ManualClock } from './zalo';
import * as fx from '../fixtures/zalo-events';

/** The OA secret the Zalo server under test verifies webhooks with. */
export const ZALO_OA_SECRET = 'oa-secret-key-654321';

/** The whole server (real bot and dialogs) with Zalo pointed at a fake OA, and a citizen who writes to it. */
export interface ZaloServerUnderTest {
  fake: FakeZalo;
  running: RunningServer;
  system: System;
  /** Posts a signed event, runs the inbound worker and the outbox; returns the texts Zalo accepted meanwhile. */
  post(event: object & { timestamp: string }): Promise<string[]>;
  /** The citizen writes `text` (as user `user`, default the fixtures' user). */
  say(text: string, user?: string): Promise<string[]>;
  /** Runs the outbox job once more (after the clock moved past a backoff). */
  deliver(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts the server on a fresh database with Zalo configured against a fake OA on loopback. */
export async function startZaloServer(
  clock: ManualClock,
  env: Record<string, string> = {},
): Promise<ZaloServerUnderTest> {
  const fake = new FakeZalo();
  const base = await fake.start();
  const running = await startTestServer({
    env: {
      ZALO_APP_ID: fx.ZALO_IDS.appId,
      ZALO_APP_SECRET: fake.appSecret,
      ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
      ZALO_API_BASE_URL: base,
      ZALO_OAUTH_BASE_URL: base,
      ZALO_ACCESS_TOKEN: fake.accessToken,
      ZALO_REFRESH_TOKEN: fake.refreshToken,
      ...env,
    },
    clock,
  });
  const system = running.system;
  const since = async (before: number, run: () => Promise<unknown>) => {
    await run();
    return fake.sent.slice(before).map((m) => m.text ?? '');
  };
  const deliver = () => since(fake.sent.length, () => system.jobs.kick(TICKET_JOBS.outbox));
  const post = (event: object & { timestamp: string }) =>
    since(fake.sent.length, async () => {
      const raw = JSON.stringify(event);
      await request(running.server)
        .post('/channels/zalo/webhook')
        .set('Content-Type', 'application/json')
        .set('X-ZEvent-Signature', signWebhook(raw, fx.ZALO_IDS.appId, event.timestamp, ZALO_OA_SECRET))
        .send(raw)
        .expect(200);
      await system.jobs.kick(ZALO_INBOUND_JOB);
      await system.jobs.kick(TICKET_JOBS.outbox);
    });
  const say = (text: string, user?: string) => {
    const event = fx.textEvent(text, clock.now().getTime());
    const from = user ? { sender: { id: user } } : {};
    return post({ ...event, ...from });
  };
  return {
    fake,
    running,
    system,
    post,
    say,
    deliver,
    async stop() {
      await running.stop();
      await fake.stop();
    },
  };
}
