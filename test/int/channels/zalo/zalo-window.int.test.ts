import { vi } from '../../../../src/i18n/strings.vi';
import type { System } from '../../../../src/system';
import { ManualClock } from '../../../helpers/zalo';
import { startZaloServer, type ZaloServerUnderTest } from '../../../helpers/zalo-server';

const deliveryEvents = async (system: System, ticketId: string) =>
  (
    await system.db.query<{ type: string }>(
      "SELECT type FROM ticket_events WHERE ticket_id = $1 AND type LIKE 'delivery_%' ORDER BY id",
      [ticketId],
    )
  ).rows.map((r) => r.type);

const file = (z: ZaloServerUnderTest, user: string, key: string) =>
  z.system.tickets.tickets.create({
    kind: 'feedback',
    category: 'giao-thong',
    description: 'Cột điện nghiêng sát mái nhà dân ở thôn 2',
    origin: { channel: 'zalo', conversationId: user, userId: user },
    idempotencyKey: key,
  });

// After Zalo's 7-day window an answer cannot go as a customer-service message: every outcome is on the ticket.
describe('Zalo answers after the 7-day window, without a proactive route', () => {
  let z: ZaloServerUnderTest;
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    z = await startZaloServer(clock, { PUBLIC_BASE_URL: 'https://tiepdan.example.vn' });
  });
  afterAll(async () => {
    await z.stop();
  });

  it('when a ticket is filed, then the citizen is told the answer will also be on /tra-cuu with their code', async () => {
    const receipt = await file(z, 'u-note', 'window-note-1');
    const sent = (await z.deliver()).join('\n');
    expect(sent).toContain(
      vi.zalo.answerAlsoOnline(receipt.trackingCode, 'https://tiepdan.example.vn/tra-cuu'),
    );
    expect(await deliveryEvents(z.system, receipt.id)).toEqual(['delivery_sent']);
  });

  it('when the window closed before the answer, then it waits on the ticket and goes out when the citizen writes', async () => {
    const user = 'u-late';
    const receipt = await file(z, user, 'window-late-1');
    await z.deliver();
    z.fake.closedWindow.add(user);
    await z.system.tickets.staff.answer(receipt.id, {
      text: 'Điện lực đã dựng lại cột.',
      actor: 'staff:test',
    });
    expect(await z.deliver()).toEqual([]);
    expect(await deliveryEvents(z.system, receipt.id)).toEqual(['delivery_sent', 'delivery_waiting_window']);
    expect(vi.portal.eventTypes.delivery_waiting_window).toBe(vi.zalo.eventTypes.delivery_waiting_window);

    z.fake.closedWindow.delete(user);
    const after = await z.say('xin chào', user);
    expect(after.some((t) => t.includes('Điện lực đã dựng lại cột.'))).toBe(true);
    expect(await deliveryEvents(z.system, receipt.id)).toEqual([
      'delivery_sent',
      'delivery_waiting_window',
      'delivery_sent',
    ]);
  });
});

describe('Zalo answers after the 7-day window, with the template route configured', () => {
  let z: ZaloServerUnderTest;
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    z = await startZaloServer(clock, {
      ZALO_TEMPLATE_PATH: '/v3.0/oa/message/transaction',
      ZALO_TEMPLATE_ID: 'tpl-12345',
    });
  });
  afterAll(async () => {
    await z.stop();
  });

  it('when the window is closed, then the message goes by template and the ticket says so', async () => {
    const user = 'u-template';
    z.fake.closedWindow.add(user);
    const receipt = await file(z, user, 'window-template-1');
    expect(await z.deliver()).toEqual([]);
    expect(z.fake.templates).toEqual([
      {
        path: '/v3.0/oa/message/transaction',
        body: expect.objectContaining({
          recipient: { user_id: user },
          template_id: 'tpl-12345',
          template_data: expect.objectContaining({ ma_tra_cuu: receipt.trackingCode }),
        }),
      },
    ]);
    expect(await deliveryEvents(z.system, receipt.id)).toEqual(['delivery_sent_template']);
  });

  it('when the template is refused too, then the message waits for the window and administrators are told', async () => {
    const user = 'u-template-refused';
    z.fake.closedWindow.add(user);
    z.fake.templateError = -211;
    const receipt = await file(z, user, 'window-template-2');
    await z.deliver();
    expect(await deliveryEvents(z.system, receipt.id)).toEqual(['delivery_waiting_window']);
    const alerts = await z.system.db.query<{ code: string }>('SELECT code FROM channel_alerts');
    expect(alerts.rows).toContainEqual({ code: 'zalo_-211' });
  });
});
