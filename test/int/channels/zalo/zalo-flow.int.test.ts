import request from 'supertest';
import { vi } from '../../../../src/i18n/strings.vi';
import { ZALO_INBOUND_JOB } from '../../../../src/channels/zalo/zalo.inbound.job';
import type { RunningServer } from '../../../../src/server';
import type { System } from '../../../../src/system';
import { TICKET_JOBS } from '../../../../src/tickets/tickets.module';
import { runTicketJobs, startTestServer } from '../../../helpers/system';
import { FakeZalo, signWebhook } from '../../../helpers/fake-zalo';
import { ManualClock } from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

const f = vi.bot.feedback;
const OA_SECRET = 'oa-secret-key-654321';

// The whole path over Zalo: signed webhooks → the real bot and dialogs → a real ticket → the agency's answer
// delivered back through the OA API (a fake server on loopback speaking its wire format).
describe('a citizen on Zalo files feedback and receives the answer', () => {
  let fake: FakeZalo;
  let running: RunningServer;
  let system: System;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    fake = new FakeZalo();
    const base = await fake.start();
    running = await startTestServer({
      env: {
        ZALO_APP_ID: fx.ZALO_IDS.appId,
        ZALO_APP_SECRET: fake.appSecret,
        ZALO_OA_SECRET_KEY: OA_SECRET,
        ZALO_API_BASE_URL: base,
        ZALO_OAUTH_BASE_URL: base,
        ZALO_ACCESS_TOKEN: fake.accessToken,
        ZALO_REFRESH_TOKEN: fake.refreshToken,
      },
      clock,
    });
    system = running.system;
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
    await system.jobs.kick(ZALO_INBOUND_JOB);
    // The turn's replies wait in the outbox, committed with the turn; its job sends them.
    await system.jobs.kick(TICKET_JOBS.outbox);
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
    const row = await system.db.query<{
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

    await system.tickets.staff.answer(row.rows[0]!.id, {
      text: 'Đã thu gom bãi rác và lắp biển cấm đổ rác.',
      actor: 'staff:test',
    });
    await runTicketJobs(system);
    const answer = fake.sent.at(-1)?.text ?? '';
    expect(answer).toContain('Đã thu gom bãi rác và lắp biển cấm đổ rác.');
    expect(answer).toMatch(/\n1\. 1\n2\. 2\n3\. 3\n4\. 4\n5\. 5$/);
  });

  it('when the 7-day window is closed, then a notification is recorded as undeliverable and not retried', async () => {
    const receipt = await system.tickets.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Đèn tín hiệu giao thông ngã tư Bà Triệu không hoạt động',
      origin: { channel: 'zalo', conversationId: 'u-closed', userId: 'u-closed' },
      idempotencyKey: 'zalo-closed-1',
    });
    fake.closedWindow.add('u-closed');
    await runTicketJobs(system);
    const rows = await system.db.query<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM outbox WHERE ticket_id = $1',
      [receipt.id],
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.every((r) => r.status === 'failed' && /outside_window/.test(r.last_error ?? ''))).toBe(
      true,
    );
  });

  it('when a message was refused by a closed window and the citizen writes again, then it goes out', async () => {
    const user = fx.ZALO_IDS.user;
    fake.closedWindow.add(user);
    const receipt = await system.tickets.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Cột điện nghiêng sát mái nhà dân ở thôn 2',
      origin: { channel: 'zalo', conversationId: user, userId: user },
      idempotencyKey: 'zalo-window-1',
    });
    await runTicketJobs(system);
    expect(fake.sent.some((m) => m.text?.includes(receipt.trackingCode))).toBe(false);
    fake.closedWindow.delete(user);
    await say('menu');
    await system.jobs.kick(TICKET_JOBS.outbox);
    expect(fake.sent.filter((m) => m.text?.includes(receipt.trackingCode))).toHaveLength(1);
  });
});
