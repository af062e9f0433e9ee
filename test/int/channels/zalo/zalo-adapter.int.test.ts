import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Express } from 'express';
import request from 'supertest';
import { ZaloAdapter } from '../../../../src/channels/zalo/zalo.adapter';
import { ZaloConversationRepository } from '../../../../src/channels/zalo/zalo.repository';
import { memoryLogger } from '../../../helpers/app';
import { createTestDb } from '../../../helpers/db';
import { FakeZalo, signWebhook } from '../../../helpers/fake-zalo';
import {
  ManualClock,
  zaloChannelUnderTest,
  zaloTestConfig,
  type ZaloChannelUnderTest,
} from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

// The turn logic stands in for the bot here; the full bot over Zalo is covered once both are wired in the server.
describe('Zalo adapter: webhook → bot turn → OA reply', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fake: FakeZalo;
  let app: Express;
  let zalo: ZaloChannelUnderTest<ZaloAdapter>;
  const clock = new ManualClock(new Date('2026-11-20T03:00:00Z'));
  const seen: Activity[] = [];
  const errors: string[] = [];
  const { logger } = memoryLogger('silent');

  async function logic(ctx: TurnContext): Promise<void> {
    seen.push(ctx.activity);
    if (ctx.activity.type === 'conversationUpdate') {
      await ctx.sendActivity('Chào mừng bạn đến với Tiếp dân.');
      return;
    }
    if (ctx.activity.text === 'menu') {
      await ctx.sendActivity(
        Activity.fromObject({
          type: 'message',
          text: 'Bạn muốn làm gì?',
          suggestedActions: {
            to: [],
            actions: ['Hỏi chính sách', 'Gửi phản ánh'].map((t) => ({ type: 'imBack', title: t, value: t })),
          },
        }),
      );
      return;
    }
    await ctx.sendActivity(`Đã nhận: ${ctx.activity.text ?? ''}`);
    await ctx.sendActivity('Cảm ơn bạn.');
  }

  beforeAll(async () => {
    db = await createTestDb();
    fake = new FakeZalo();
    const baseUrl = await fake.start();
    const zcfg = zaloTestConfig(baseUrl, {
      initialAccessToken: fake.accessToken,
      initialRefreshToken: fake.refreshToken,
    });
    zalo = await zaloChannelUnderTest({
      db,
      config: zcfg,
      logger,
      clock,
      handler: (outbound) => {
        const adapter = new ZaloAdapter({
          outbound,
          conversations: new ZaloConversationRepository(db),
          logic,
          clock,
          logger,
        });
        adapter.onTurnError = async (_ctx: TurnContext, err: Error) => {
          errors.push(err.message);
        };
        return adapter;
      },
    });
    app = zalo.app;
    postEvent = async (event: object) => {
      const raw = JSON.stringify(event);
      const ts = String((event as { timestamp: string }).timestamp);
      await request(app)
        .post('/channels/zalo/webhook')
        .set('Content-Type', 'application/json')
        .set('X-ZEvent-Signature', signWebhook(raw, zcfg.appId, ts, zcfg.oaSecretKey))
        .send(raw)
        .expect(200);
      await zalo.processEvents();
    };
  });
  afterAll(async () => {
    await zalo.stop();
    await fake.stop();
    await db.close();
  });
  let postEvent: (event: object) => Promise<void>;

  it('when a citizen writes, then the bot gets a Vietnamese message activity and its replies reach Zalo in order', async () => {
    await postEvent(fx.textEvent('Cầu tràn bị sạt', clock.now().getTime(), 'a-1'));
    const activity = seen.at(-1)!;
    expect(activity).toMatchObject({
      type: 'message',
      text: 'Cầu tràn bị sạt',
      channelId: 'zalo',
      locale: 'vi-VN',
      id: 'a-1',
    });
    expect(activity.from?.id).toBe(fx.ZALO_IDS.user);
    expect(fake.sent.map((m) => [m.userId, m.text])).toEqual([
      [fx.ZALO_IDS.user, 'Đã nhận: Cầu tràn bị sạt'],
      [fx.ZALO_IDS.user, 'Cảm ơn bạn.'],
    ]);
  });

  it('when the bot offers choices, then they go out numbered and a reply of "2" selects the second', async () => {
    await postEvent(fx.textEvent('menu', clock.now().getTime(), 'a-2'));
    expect(fake.sent.at(-1)?.text).toBe('Bạn muốn làm gì?\n\n1. Hỏi chính sách\n2. Gửi phản ánh');
    await postEvent(fx.textEvent(' 2 ', clock.now().getTime(), 'a-3'));
    expect(seen.at(-1)?.text).toBe('Gửi phản ánh');
    await postEvent(fx.textEvent('2', clock.now().getTime(), 'a-4'));
    expect(seen.at(-1)?.text).toBe('2');
  });

  it('when a location, photo, contact or follow arrives, then the bot sees the Bot Framework shapes', async () => {
    const now = clock.now().getTime();
    await postEvent(fx.locationEvent(now));
    expect(seen.at(-1)?.entities).toEqual([
      { type: 'GeoCoordinates', latitude: 19.8066, longitude: 105.7852 },
    ]);
    await postEvent(fx.imageEvent(now));
    expect(seen.at(-1)?.attachments).toEqual([
      { contentType: 'image/jpeg', contentUrl: 'https://photo.example.vn/a.jpg' },
    ]);
    await postEvent(fx.submitInfoEvent(now));
    expect(seen.at(-1)?.text).toBe('Nguyễn Văn A, 0912345678');
    const before = seen.length;
    await postEvent(fx.followEvent(now + 5));
    expect(seen.at(-1)?.type).toBe('conversationUpdate');
    expect(fake.sent.at(-1)?.text).toBe('Chào mừng bạn đến với Tiếp dân.');
    await postEvent(fx.followEvent(now + 6, 'unfollow'));
    expect(seen.length).toBe(before + 1);
  });

  it('when Zalo rate-limits the second reply, then the event is retried and the first reply is not sent twice', async () => {
    const sentBefore = fake.sent.length;
    fake.failAfterSent = { count: sentBefore + 1, code: -32 };
    await postEvent(fx.textEvent('thử lại', clock.now().getTime(), 'a-5'));
    expect(fake.sent.length).toBe(sentBefore + 1);
    clock.advance(10_000);
    await zalo.processEvents();
    const texts = fake.sent.slice(sentBefore).map((m) => m.text);
    expect(texts).toEqual(['Đã nhận: thử lại', 'Cảm ơn bạn.']);
    expect(errors).toEqual([]);
  });
});
