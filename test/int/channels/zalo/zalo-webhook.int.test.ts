import type { Express } from 'express';
import request from 'supertest';
import type { ZaloChannel } from '../../../../src/channels/zalo/zalo.channel';
import type { Database } from '../../../../src/db/database';
import type { ZaloConversationHandler } from '../../../../src/channels/zalo/zalo.inbound.job';
import { testSystem } from '../../../helpers/system';
import { signWebhook } from '../../../helpers/fake-zalo';
import { ManualClock, postZaloWebhook, zaloChannelUnderTest, zaloTestConfig } from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

describe('Zalo webhook', () => {
  let db: Database;
  let app: Express;
  let channel: ZaloChannel;
  let zalo: Awaited<ReturnType<typeof zaloChannelUnderTest>>;
  const clock = new ManualClock(new Date('2026-11-20T03:00:00Z'));
  const zcfg = zaloTestConfig('http://127.0.0.1:9');
  const handled: unknown[] = [];
  let failNext = 0;
  const handler: ZaloConversationHandler = {
    async handle(inbound) {
      if (failNext > 0) {
        failNext--;
        throw new Error('bot unavailable');
      }
      handled.push(inbound);
    },
  };

  beforeAll(async () => {
    zalo = await zaloChannelUnderTest({ config: zcfg, handler: () => handler, clock });
    ({ channel, app, db } = zalo);
  });
  afterAll(async () => {
    await zalo.stop();
  });

  const post = (event: object, sign: { secret?: string; raw?: string; header?: string | null } = {}) =>
    postZaloWebhook(app, zcfg, event, sign);

  it('when a signed text event arrives, then it is acknowledged 200, stored and handed to the bot once', async () => {
    const event = fx.textEvent('Cầu tràn ở xã Thiệu Chính bị sạt', clock.now().getTime(), 'w-1');
    const res = await post(event).expect(200);
    expect(res.body).toEqual({ ok: true, duplicate: false });
    await zalo.processEvents();
    expect(handled).toContainEqual(
      expect.objectContaining({ kind: 'text', messageId: 'w-1', text: 'Cầu tràn ở xã Thiệu Chính bị sạt' }),
    );
  });

  it('when Zalo redelivers the same message, then it is acknowledged but handled only once', async () => {
    const event = fx.textEvent('lặp lại', clock.now().getTime(), 'w-dup');
    await post(event).expect(200);
    const again = await post(event).expect(200);
    expect(again.body.duplicate).toBe(true);
    await zalo.processEvents();
    expect(handled.filter((h) => (h as { messageId?: string }).messageId === 'w-dup')).toHaveLength(1);
  });

  it('when the signature is invalid, missing, made with the app secret, or the body was altered, then 401', async () => {
    const event = fx.textEvent('x', clock.now().getTime());
    expect((await post(event, { header: 'mac=00ff' }).expect(401)).body.error.code).toBe('invalid_signature');
    await post(event, { header: null }).expect(401);
    await post(event, { secret: zcfg.appSecret }).expect(401);
    const signedFor = JSON.stringify(event);
    const tampered = signedFor.replace('"x"', '"y"');
    const header = signWebhook(signedFor, zcfg.appId, String(event.timestamp), zcfg.oaSecretKey);
    await post(event, { raw: tampered, header }).expect(401);
  });

  it('when the body names another app, then 401', async () => {
    const event = { ...fx.textEvent('x', clock.now().getTime()), app_id: '999' };
    await post(event).expect(401);
  });

  const rejected = async (reason: string) =>
    (
      await db.query<{ event_name: string; reject_reason: string }>(
        `SELECT event_name, reject_reason FROM zalo_inbound_events WHERE status = 'rejected' AND reject_reason LIKE $1`,
        [`${reason}%`],
      )
    ).rows;

  it('when a signed event is older than the allowed window or from the future, then 200 and it is kept as rejected', async () => {
    const before = handled.length;
    const old = fx.textEvent('cũ', clock.now().getTime() - 25 * 3600_000);
    expect((await post(old).expect(200)).body).toEqual({ ok: true, rejected: 'stale_event' });
    await post(fx.textEvent('tương lai', clock.now().getTime() + 3600_000)).expect(200);
    // Zalo redelivering the same stale event adds nothing.
    await post(old).expect(200);
    await zalo.processEvents();
    expect(handled.length).toBe(before);
    expect(await rejected('stale_event')).toHaveLength(2);
  });

  it('when the body is not JSON, then 400 (nothing to verify) and nothing is stored', async () => {
    const before = await channel.repo.countByStatus();
    await request(app)
      .post('/channels/zalo/webhook')
      .set('Content-Type', 'application/json')
      .send('{oops')
      .expect(400);
    expect(await channel.repo.countByStatus()).toEqual(before);
  });

  it('when a signed body is not an event we know, or a field is too long, then 200 and rejected with the reason', async () => {
    const notEvent = { app_id: zcfg.appId, timestamp: String(clock.now().getTime()) };
    expect((await post(notEvent).expect(200)).body.rejected).toBe('unknown_shape:event_name');
    const long = fx.textEvent('x'.repeat(20_001), clock.now().getTime(), 'w-long');
    expect((await post(long).expect(200)).body.rejected).toBe('too_long:message.text');
    expect(await rejected('too_long')).toEqual([
      { event_name: 'user_send_text', reject_reason: 'too_long:message.text' },
    ]);
  });

  it('when a signed event has a bad signature after all, then still 401', async () => {
    const stale = fx.textEvent('cũ mà sai chữ ký', clock.now().getTime() - 25 * 3600_000);
    expect((await post(stale, { header: 'mac=00' }).expect(401)).body.error.code).toBe('invalid_signature');
  });

  it('when a signed event holds lone surrogates or control characters, then it is stored cleaned and handled', async () => {
    const event = fx.textEvent('placeholder', clock.now().getTime(), 'w-surrogate');
    const raw = JSON.stringify(event).replace('placeholder', 'ổ gà \\ud800 ở\\u0007 đây');
    await post(event, { raw }).expect(200);
    await zalo.processEvents();
    expect(handled).toContainEqual(
      expect.objectContaining({ messageId: 'w-surrogate', text: 'ổ gà \uFFFD ở đây' }),
    );
  });

  it('when a signed event is nested absurdly deep, then 200 and it is kept as rejected input_too_deep', async () => {
    const event = fx.textEvent('sâu', clock.now().getTime(), 'w-deep');
    const raw = JSON.stringify(event).replace(/}$/, `,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect((await post(event, { raw }).expect(200)).body.rejected).toBe('input_too_deep');
    await zalo.processEvents();
    expect(handled).not.toContainEqual(expect.objectContaining({ messageId: 'w-deep' }));
    expect(await rejected('input_too_deep')).toHaveLength(1);
  });

  it('when each documented event type arrives, then receipts are recorded and the rest reach the bot', async () => {
    const now = clock.now().getTime();
    await channel.repo.recordSent(['oa-msg-1'], fx.ZALO_IDS.user, 'outbox-1#0', clock.now());
    for (const e of [
      fx.imageEvent(now),
      fx.fileEvent(now),
      fx.locationEvent(now),
      fx.stickerEvent(now),
      fx.followEvent(now),
      fx.followEvent(now + 1, 'unfollow'),
      fx.submitInfoEvent(now),
      fx.receiptEvent(now, 'received', ['oa-msg-1']),
      fx.receiptEvent(now + 1, 'seen', ['oa-msg-1']),
      fx.unknownEvent(now),
    ]) {
      await post(e).expect(200);
    }
    await zalo.processEvents();
    const kinds = handled.map((h) => (h as { kind: string }).kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['image', 'file', 'location', 'sticker', 'follow', 'unfollow', 'contact']),
    );
    expect(kinds).not.toContain('receipt');
    const receipt = await db.query<{ received_at: Date | null; seen_at: Date | null }>(
      `SELECT received_at, seen_at FROM zalo_sent_messages WHERE message_id = 'oa-msg-1'`,
    );
    expect(receipt.rows[0]?.received_at).toBeInstanceOf(Date);
    expect(receipt.rows[0]?.seen_at).toBeInstanceOf(Date);
    expect((await channel.repo.countByStatus()).failed ?? 0).toBe(0);
  });

  it('when the bot fails on an event, then it is retried later and handled after recovery, never lost', async () => {
    failNext = 1;
    await post(fx.textEvent('thử lại', clock.now().getTime(), 'w-retry')).expect(200);
    await zalo.processEvents();
    expect(handled.some((h) => (h as { messageId?: string }).messageId === 'w-retry')).toBe(false);
    clock.advance(5_000);
    await zalo.processEvents();
    expect(handled.filter((h) => (h as { messageId?: string }).messageId === 'w-retry')).toHaveLength(1);
  });
});

describe('Zalo webhook when the channel is off', () => {
  it('when ZALO_APP_ID is unset, then the webhook answers 404', async () => {
    const system = await testSystem();
    const res = await request(system.app).post('/channels/zalo/webhook').send({}).expect(404);
    expect(res.body.error.code).toBe('not_found');
    await system.close();
  });
});
