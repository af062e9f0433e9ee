import { ZaloClient } from '../../../../src/channels/zalo/zalo.client';
import { ZaloApiError } from '../../../../src/channels/zalo/zalo.errors';
import { ZaloOutboundChannel } from '../../../../src/channels/zalo/zalo.outbound';
import { ZaloRepository } from '../../../../src/channels/zalo/zalo.repository';
import { ZaloTokenStore } from '../../../../src/channels/zalo/zalo.token-store';
import { memoryLogger } from '../../../helpers/app';
import { describeEachDriver } from '../../../helpers/db';
import { FakeZalo } from '../../../helpers/fake-zalo';
import { ManualClock, zaloTestConfig } from '../../../helpers/zalo';
import type { Database } from '../../../../src/db/database';

const { logger } = memoryLogger('silent');
const user = { channel: 'zalo', conversationId: 'u-1', userId: 'u-1' };

describeEachDriver('Zalo OA client and token store', (db) => {
  let fake: FakeZalo;
  let baseUrl: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    fake = new FakeZalo();
    baseUrl = await fake.start();
    await db().query('DELETE FROM zalo_tokens');
    await db().query('DELETE FROM zalo_sent_messages');
  });
  afterEach(async () => {
    await fake.stop();
  });

  const build = (database: Database = db()) => {
    const config = zaloTestConfig(baseUrl, {
      initialAccessToken: fake.accessToken,
      initialRefreshToken: fake.refreshToken,
    });
    const tokens = new ZaloTokenStore({ db: database, config, logger, clock, refreshMarginMs: 3600_000 });
    const client = new ZaloClient({ config, tokens, logger });
    const repo = new ZaloRepository(database);
    return { tokens, client, repo, outbound: new ZaloOutboundChannel({ client, repo, logger, clock }) };
  };

  it('when a text is sent, then Zalo receives it for the user with the access_token header', async () => {
    const { client } = build();
    const id = await client.sendText('u-1', 'Phản ánh của bạn đã được tiếp nhận.');
    expect(fake.sent).toEqual([
      { messageId: id, userId: 'u-1', text: 'Phản ánh của bạn đã được tiếp nhận.', attachment: undefined },
    ]);
  });

  it('when the access token expired mid-conversation (-216), then it is refreshed, persisted and the send retried once', async () => {
    const { client } = build();
    await client.sendText('u-1', 'trước');
    const oldRefresh = fake.refreshToken;
    fake.expireAccessToken();
    await client.sendText('u-1', 'sau');
    expect(fake.refreshCalls).toEqual([oldRefresh]);
    expect(fake.sent.map((m) => m.text)).toEqual(['trước', 'sau']);
    const row = await db().query<{ access_token: string; refresh_token: string }>(
      'SELECT access_token, refresh_token FROM zalo_tokens',
    );
    expect(row.rows[0]).toEqual({ access_token: fake.accessToken, refresh_token: fake.refreshToken });
  });

  it('when two replicas send concurrently with an expired token, then the single-use refresh token is spent once', async () => {
    const a = build();
    const b = build();
    await a.client.sendText('u-1', 'khởi tạo');
    fake.expireAccessToken();
    fake.refreshDelayMs = 50;
    await Promise.all([
      a.client.sendText('u-1', 'từ A'),
      b.client.sendText('u-1', 'từ B'),
      a.client.sendText('u-1', 'từ A2'),
    ]);
    expect(fake.refreshCalls).toHaveLength(1);
    expect(fake.sent.map((m) => m.text).sort()).toEqual(['khởi tạo', 'từ A', 'từ A2', 'từ B']);
  });

  it('when the access token is near expiry, then it is refreshed before use', async () => {
    const { client, tokens } = build();
    await client.sendText('u-1', 'một');
    clock.advance(3 * 3600_000);
    const token = await tokens.accessToken();
    expect(fake.refreshCalls).toHaveLength(1);
    expect(token).toBe(fake.accessToken);
  });

  it('when the refresh is refused, then the error is recorded for the administrator and the send fails', async () => {
    const { client } = build();
    await client.sendText('u-1', 'một');
    fake.refreshToken = 'someone-else-used-it';
    fake.expireAccessToken();
    await expect(client.sendText('u-1', 'hai')).rejects.toThrow(/refresh refused/);
    const row = await db().query<{ refresh_failures: number; last_refresh_error: string }>(
      'SELECT refresh_failures, last_refresh_error FROM zalo_tokens',
    );
    expect(row.rows[0]?.refresh_failures).toBe(1);
    expect(row.rows[0]?.last_refresh_error).toMatch(/already used/);
  });

  it('when the user is outside the 7-day window or not a follower, then delivery fails permanently', async () => {
    const { outbound } = build();
    fake.closedWindow.add('u-1');
    const closed = await outbound.deliver({ id: 'ob-1', to: user, text: 'Câu trả lời của cơ quan' });
    expect(closed).toMatchObject({
      ok: false,
      permanent: true,
      error: expect.stringMatching(/^outside_window/),
    });
    fake.closedWindow.clear();
    fake.notFollowing.add('u-1');
    expect(await outbound.deliver({ id: 'ob-2', to: user, text: 'x' })).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(fake.sent).toHaveLength(0);
  });

  it('when Zalo rate-limits (-32) or the network fails, then delivery fails temporarily (retry later)', async () => {
    const { outbound } = build();
    fake.failQueue.push(-32);
    expect(await outbound.deliver({ id: 'ob-3', to: user, text: 'x' })).toMatchObject({
      ok: false,
      permanent: false,
    });
    await fake.stop();
    expect(await outbound.deliver({ id: 'ob-4', to: user, text: 'x' })).toMatchObject({
      ok: false,
      permanent: false,
    });
    baseUrl = await fake.start();
  });

  it('when a long answer is delivered, then it arrives in ≤ 2,000-character parts, choices numbered at the end', async () => {
    const { outbound } = build();
    const sentence =
      'Sở Xây dựng đã kiểm tra hiện trường và lập kế hoạch sửa chữa cầu tràn trong tháng này. ';
    const result = await outbound.deliver({
      id: 'ob-5',
      to: user,
      text: sentence.repeat(50),
      suggestedActions: ['Hài lòng', 'Chưa hài lòng'],
    });
    expect(result.ok).toBe(true);
    expect(fake.sent.length).toBeGreaterThan(1);
    expect(fake.sent.every((m) => (m.text ?? '').length <= 2000)).toBe(true);
    expect(fake.sent.at(-1)?.text).toMatch(/1\. Hài lòng\n2\. Chưa hài lòng$/);
    // Each part's text is kept for the case page's transcript.
    const stored = await db().query<{ text: string }>(
      "SELECT text FROM zalo_sent_messages WHERE delivery_key LIKE 'ob-5#%' ORDER BY delivery_key",
    );
    expect(stored.rows.map((r) => r.text)).toEqual(fake.sent.map((m) => m.text));
  });

  it('when a delivery is retried after a partial failure, then only the parts not yet sent go out', async () => {
    const { outbound } = build();
    const text = Array.from({ length: 300 }, (_, i) => `Đây là câu trả lời số ${i}.`).join(' ');
    fake.failAfterSent = { count: 1, code: -32 };
    const first = await outbound.deliver({ id: 'ob-6', to: user, text });
    expect(first.ok).toBe(false);
    expect(fake.sent).toHaveLength(1);
    const retry = await outbound.deliver({ id: 'ob-6', to: user, text });
    expect(retry.ok).toBe(true);
    const parts = fake.sent.map((m) => m.text);
    expect(new Set(parts).size).toBe(parts.length);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
    const total = fake.sent.length;
    const again = await outbound.deliver({ id: 'ob-6', to: user, text });
    expect(again.ok).toBe(true);
    expect(fake.sent.length).toBe(total);
  });

  it('when an image is uploaded and sent, then Zalo gets multipart bytes and a media template', async () => {
    const { client } = build();
    const attachmentId = await client.uploadImage(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'a.png',
      'image/png',
    );
    expect(fake.uploads[0]?.type).toMatch(/^multipart\/form-data/);
    await client.sendImage('u-1', { attachmentId }, 'Ảnh hiện trường');
    expect(fake.sent[0]?.attachment).toEqual({
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] },
    });
    await expect(client.sendText('u-1', 'x'.repeat(2001))).rejects.toBeInstanceOf(ZaloApiError);
  });
});
