import type { Express } from 'express';
import request from 'supertest';
import type { ZaloConfig } from '../../src/config/config';
import { signWebhook } from './fake-zalo';
import type { Timer } from '../../src/reference/clock';

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
