import request from 'supertest';
import { vi } from '../../../../src/i18n/strings.vi';
import { createChannels, type Channels } from '../../../../src/channels/channels';
import { startServer, type RunningServer } from '../../../../src/server';
import { memoryLogger, testConfig } from '../../../helpers/app';
import { createTestDb } from '../../../helpers/db';
import { FakeZalo, signWebhook } from '../../../helpers/fake-zalo';
import { ManualClock } from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

const f = vi.bot.feedback;
const OA_SECRET = 'oa-secret-key-654321';

// The whole path over Zalo: signed webhooks → the real bot and dialogs → a real ticket → the agency's answer
// delivered back through the OA API (a fake server on loopback speaking its wire format).
describe('a citizen on Zalo files feedback and receives the answer', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fake: FakeZalo;
  let running: RunningServer;
  let channels: Channels;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    db = await createTestDb();
    fake = new FakeZalo();
    const base = await fake.start();
    const config = testConfig({
      ZALO_APP_ID: fx.ZALO_IDS.appId,
      ZALO_APP_SECRET: fake.appSecret,
      ZALO_OA_SECRET_KEY: OA_SECRET,
      ZALO_API_BASE_URL: base,
      ZALO_OAUTH_BASE_URL: base,
      ZALO_ACCESS_TOKEN: fake.accessToken,
      ZALO_REFRESH_TOKEN: fake.refreshToken,
    });
    const { logger } = memoryLogger('silent');
    running = await startServer(config, db, logger, async ({ tickets, knowledge }) => {
      channels = await createChannels({
        config,
        db,
        logger,
        tickets,
        answers: knowledge.answerService,
        zalo: { clock, startWorker: false },
      });
      return channels.features;
    });
  });
  afterAll(async () => {
    await running.stop();
    await fake.stop();
  });

  async function say(text: string): Promise<string[]> {
    const before = fake.sent.length;
    const event = fx.textEvent(text, clock.now().getTime());
    const raw = JSON.stringify(event);
    await request(running.server)
      .post('/channels/zalo/webhook')
      .set('Content-Type', 'application/json')
      .set('X-ZEvent-Signature', signWebhook(raw, fx.ZALO_IDS.appId, event.timestamp, OA_SECRET))
      .send(raw)
      .expect(200);
    await channels.zalo!.channel.worker.kick();
    return fake.sent.slice(before).map((m) => m.text ?? '');
  }

  it('when the feedback dialog is answered with numbers and text, then a ticket is filed and its code sent as plain text', async () => {
    const start = await say(vi.bot.menu.feedback);
    expect(start.join('\n')).toMatch(/1\. .+\n2\. .+/);
    await say('1');
    await say('Môi trường, rác thải, ô nhiễm');
    expect((await say('Thôn 3, xã Quảng Phú')).join('\n')).toMatch(/Đã xác định địa bàn/);
    await say('Bãi rác tự phát bốc mùi hôi cạnh trường học');
    await say(vi.bot.skip);
    await say('2');
    const receipt = (await say(f.confirmYes)).join('\n');
    const code = /Mã tra cứu: (TH-[A-Z0-9]{5})/.exec(receipt)?.[1];
    expect(code).toBeDefined();
    expect(receipt).not.toContain('**');
    const row = await db.query<{
      id: string;
      origin_channel: string;
      origin_user_id: string;
      category: string;
    }>('SELECT id, origin_channel, origin_user_id, category FROM tickets WHERE tracking_code = $1', [code]);
    expect(row.rows[0]).toMatchObject({
      origin_channel: 'zalo',
      origin_user_id: fx.ZALO_IDS.user,
      category: 'moi-truong',
    });

    await running.tickets.workflow.answer(row.rows[0]!.id, {
      text: 'Đã thu gom bãi rác và lắp biển cấm đổ rác.',
      actor: 'staff:test',
    });
    await running.tickets.runOnce();
    const answer = fake.sent.at(-1)?.text ?? '';
    expect(answer).toContain('Đã thu gom bãi rác và lắp biển cấm đổ rác.');
    expect(answer).toMatch(/\n1\. 1\n2\. 2\n3\. 3\n4\. 4\n5\. 5$/);
  });

  it('when the 7-day window is closed, then a notification is recorded as undeliverable and not retried', async () => {
    const receipt = await running.tickets.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Đèn tín hiệu giao thông ngã tư Bà Triệu không hoạt động',
      origin: { channel: 'zalo', conversationId: 'u-closed', userId: 'u-closed' },
      idempotencyKey: 'zalo-closed-1',
    });
    fake.closedWindow.add('u-closed');
    await running.tickets.runOnce();
    const rows = await db.query<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM outbox WHERE ticket_id = $1',
      [receipt.id],
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.every((r) => r.status === 'failed' && /outside_window/.test(r.last_error ?? ''))).toBe(
      true,
    );
  });
});
