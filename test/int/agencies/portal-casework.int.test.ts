import type { Express } from 'express';
import request from 'supertest';
import { vi } from '../../../src/i18n/strings.vi';
import { PinSealer } from '../../../src/channels/pin-seal';
import { DirectLineRepository } from '../../../src/channels/directline/directline.repository';
import { ZaloRepository } from '../../../src/channels/zalo/zalo.repository';
import type { ZaloEvent } from '../../../src/channels/zalo/zalo.events';
import type { TicketReceipt } from '../../../src/ports';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { performEscalation } from '../../../src/tickets/sla/escalation.job';
import { createTestDb } from '../../helpers/db';
import { signedInStaff } from '../../helpers/portal';
import { runTicketJobs, type TestSystem } from '../../helpers/system';
import { RecordingChannel, ticketsOn, webTicket } from '../tickets/helpers';

const PW = 'mat-khau-du-dai-2026';

describe('agency portal casework', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let system: TestSystem;
  let app: Express;
  const web = new RecordingChannel('directline');
  const sessions: Record<string, string> = {};
  let health: TicketReceipt;
  let road: TicketReceipt;

  beforeAll(async () => {
    db = await createTestDb();
    ({ t, system } = await ticketsOn(db));
    t.channels.register(web);
    const users = [
      ['yte', 'staff', 'so-y-te'],
      ['yte.lanhdao', 'supervisor', 'so-y-te'],
      ['xaydung', 'staff', 'so-xay-dung'],
      ['quantri', 'admin', null],
    ] as const;
    Object.assign(sessions, await signedInStaff(system.auth, PW, users));
    app = system.app;
    health = await t.tickets.create(
      webTicket('Nhà thuốc bán thuốc kê đơn không cần đơn <script>alert(1)</script>', { category: 'y-te' }),
    );
    road = await t.tickets.create(
      webTicket('Ổ gà lớn trên quốc lộ 1A đoạn qua trung tâm tỉnh', { category: 'giao-thong' }),
    );
  });
  afterAll(async () => {
    await db.close();
  });

  const page = (user: string, url: string) =>
    request(app).get(url).set('Cookie', sessions[user]!).set('Accept', 'text/html');
  async function act(user: string, id: string, action: string, form: Record<string, string>, csrf = true) {
    const casePage = await page(user, `/portal/tickets/${id}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(casePage.text)?.[1] ?? 'none';
    return request(app)
      .post(`/portal/tickets/${id}/${action}`)
      .set('Cookie', sessions[user]!)
      .set('Accept', 'text/html')
      .type('form')
      .send({ ...(csrf ? { _csrf: token } : {}), ...form });
  }

  it('when staff open the queue, then they see only their agency; an administrator sees all', async () => {
    const yte = await page('yte', '/portal').expect(200);
    expect(yte.text).toContain(health.trackingCode);
    expect(yte.text).not.toContain(road.trackingCode);
    const xd = await page('xaydung', '/portal').expect(200);
    expect(xd.text).toContain(road.trackingCode);
    expect(xd.text).not.toContain(health.trackingCode);
    const admin = await page('quantri', '/portal').expect(200);
    expect(admin.text).toContain(health.trackingCode);
    expect(admin.text).toContain(road.trackingCode);
  });

  it("when staff of one agency open or act on another agency's ticket by URL, then 403 and nothing changes", async () => {
    const view = await page('xaydung', `/portal/tickets/${health.id}`);
    expect(view.status).toBe(403);
    expect(view.text).not.toContain('Nhà thuốc');
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await page('xaydung', '/portal')).text)![1]!;
    const res = await request(app)
      .post(`/portal/tickets/${health.id}/answer`)
      .set('Cookie', sessions.xaydung!)
      .type('form')
      .send({ _csrf: csrf, text: 'Trả lời trái thẩm quyền' });
    expect(res.status).toBe(403);
    const row = await db.query<{ status: string; answer: string | null }>(
      'SELECT status, answer FROM tickets WHERE id = $1',
      [health.id],
    );
    expect(row.rows[0]).toEqual({ status: 'assigned', answer: null });
    await page('yte', '/portal/tickets/00000000-0000-0000-0000-000000000000').expect(404);
  });

  it('when the case page renders citizen text, then markup is escaped', async () => {
    const view = await page('yte', `/portal/tickets/${health.id}`).expect(200);
    expect(view.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(view.text).not.toContain('<script>alert(1)</script>');
  });

  it('when an action is posted without the CSRF token, then it is refused', async () => {
    const res = await act('yte', health.id, 'note', { note: 'x' }, false);
    expect(res.status).toBe(403);
  });

  it('when staff add an internal note, then it is in the history but never in the public timeline', async () => {
    expect((await act('yte', health.id, 'note', { note: 'Đã gọi điện xác minh với nhà thuốc' })).status).toBe(
      303,
    );
    const view = await page('yte', `/portal/tickets/${health.id}`);
    expect(view.text).toContain('Đã gọi điện xác minh với nhà thuốc');
    const pub = await t.tickets.lookup(health.trackingCode, health.pin, 'directline:test');
    expect(JSON.stringify(pub)).not.toContain('xác minh');
  });

  it('when staff answer, then the answer reaches the citizen on their channel with rating choices, by the named user', async () => {
    expect((await act('yte', health.id, 'start', {})).status).toBe(303);
    const canned = await page('yte', `/portal/tickets/${health.id}?mau=1`);
    expect(canned.text).toContain('Cơ quan đã tiếp nhận phản ánh của anh/chị');
    expect(canned.text).not.toContain('ông/bà');
    expect(
      (await act('yte', health.id, 'answer', { text: 'Đoàn thanh tra đã xử phạt nhà thuốc vi phạm.' }))
        .status,
    ).toBe(303);
    await runTicketJobs(system);
    const delivered = [...web.delivered.values()].find((m) => m.text.includes('Đoàn thanh tra đã xử phạt'));
    expect(delivered?.to.conversationId).toMatch(/^conv-/);
    // The rating buttons name the ticket, so they are understood in any dialog state.
    expect(delivered?.suggestedActions).toEqual(vi.tickets.ratingButtons(health.trackingCode));
    const events = await db.query<{ actor: string; type: string }>(
      'SELECT actor, type FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
      [health.id],
    );
    expect(events.rows).toEqual(
      expect.arrayContaining([
        { actor: 'staff:yte', type: 'started' },
        { actor: 'staff:yte', type: 'answered' },
      ]),
    );
    const again = await act('yte', health.id, 'answer', { text: 'Lần hai' });
    expect(again.status).toBe(409);
  });

  it('when a ticket is transferred, then the new agency owns it and the old one loses access', async () => {
    expect(
      (
        await act('xaydung', road.id, 'transfer', {
          toAgencyId: 'so-y-te',
          reason: 'Thuộc lĩnh vực y tế',
        })
      ).status,
    ).toBe(303);
    await page('xaydung', `/portal/tickets/${road.id}`).expect(403);
    const yte = await page('yte.lanhdao', `/portal/tickets/${road.id}`).expect(200);
    expect(yte.text).toContain('Thuộc lĩnh vực y tế');
  });

  it('when a ticket is rejected with a reason, then the citizen is told why', async () => {
    expect(
      (
        await act('yte', road.id, 'reject', {
          reason: 'Nội dung đã được giải quyết tại phản ánh khác',
          confirm: '1',
        })
      ).status,
    ).toBe(303);
    await runTicketJobs(system);
    const told = [...web.delivered.values()].find((m) => m.text.includes('không thuộc phạm vi thụ lý'));
    expect(told?.text).toContain('Nội dung đã được giải quyết tại phản ánh khác');
    const empty = await act('yte', health.id, 'reject', { reason: '' });
    expect(empty.status).toBe(400);
  });

  it('when a supervisor filters overdue tickets, then only tickets past their deadline are listed', async () => {
    const overdue = await page('yte.lanhdao', '/portal?overdue=1').expect(200);
    expect(overdue.text).toContain('Phản ánh quá hạn');
    expect(overdue.text).not.toContain(health.trackingCode);
  });

  it('when staff open a web-chat ticket, then its conversation is on the case page, oldest first, personal data hidden', async () => {
    const dl = new DirectLineRepository(db);
    await dl.createConversation('conv-transcript', 'user-transcript');
    const said = [
      { role: 'user', text: 'Tôi muốn phản ánh đèn đường hỏng' },
      { role: 'bot', text: 'Bạn mô tả giúp sự việc ạ.' },
      { role: 'user', text: 'Đèn đường trước số 12 phố Hàng Bông tắt cả tháng, gọi tôi 0987654321' },
    ];
    for (const [i, s] of said.entries())
      await dl.append('conv-transcript', {
        type: 'message',
        id: `a${i}`,
        from: { id: s.role, role: s.role },
        text: s.text,
      });
    await dl.append('conv-transcript', { type: 'typing', id: 'typing', from: { id: 'bot', role: 'bot' } });
    const ticket = await t.tickets.create(
      webTicket('Đèn đường trước số 12 phố Hàng Bông tắt cả tháng', {
        category: 'giao-thong',
        origin: { channel: 'directline', conversationId: 'conv-transcript', userId: 'user-transcript' },
      }),
    );
    const html = (await page('xaydung', `/portal/tickets/${ticket.id}`)).text;
    expect(html).toContain('Cuộc trò chuyện về phản ánh này (3 tin nhắn)');
    const transcript = html.slice(html.indexOf('Cuộc trò chuyện về phản ánh này'));
    const order = said.map((s) => transcript.indexOf(s.text.slice(0, 20)));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('gọi tôi [phone]');
    expect(html).not.toContain('0987654321');
  });

  it('when one chat filed two tickets, then each case page shows only its own turns and never a PIN', async () => {
    const pins = new PinSealer('test-seal-key');
    const dl = new DirectLineRepository(db, pins);
    await dl.createConversation('conv-two', 'user-two');
    const origin = { channel: 'directline', conversationId: 'conv-two', userId: 'user-two' };
    const road2 = await t.tickets.create(
      webTicket('Ổ gà lớn trên đường Lê Lợi', { category: 'giao-thong', origin }),
    );
    const report = await t.tickets.create({
      ...webTicket('Cán bộ địa chính Nguyễn Văn Bình nhận tiền để hợp thức hoá đất', { origin }),
      kind: 'denunciation',
    });
    const said: Array<[string, string]> = [
      ['user', 'Tôi muốn phản ánh ổ gà trên đường Lê Lợi'],
      [
        'bot',
        `Đã tiếp nhận phản ánh của bạn.\n\nMã tra cứu: **${road2.trackingCode}**\n\nMã PIN: **${road2.pin}**`,
      ],
      ['user', 'Tôi là Trần Thị Hoa, tôi muốn tố cáo cán bộ địa chính'],
      [
        'bot',
        `Đã tiếp nhận phản ánh của bạn.\n\nMã tra cứu: **${report.trackingCode}**\n\nMã PIN: **${report.pin}**`,
      ],
      ['user', `Tra cứu ${road2.trackingCode} mã ${road2.pin}`],
    ];
    for (const [i, [role, text]] of said.entries())
      await dl.append('conv-two', { type: 'message', id: `two-${i}`, from: { id: role, role }, text });
    // The citizen's own reads still show the PIN; the table does not hold it.
    const own = await dl.activitiesAfter('conv-two', 0);
    expect(own[1]?.activity.text).toContain(`Mã PIN: **${road2.pin}**`);
    const stored = await db.query<{ text: string }>(
      "SELECT activity->>'text' AS text FROM directline_activity WHERE conversation_id = 'conv-two'",
    );
    expect(stored.rows.filter((r) => r.text.includes(road2.pin) || r.text.includes(report.pin))).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/^Tra cứu/) }),
    ]);

    const roadPage = (await page('xaydung', `/portal/tickets/${road2.id}`)).text;
    expect(roadPage).toContain('Cuộc trò chuyện về phản ánh này (2 tin nhắn)');
    expect(roadPage).toContain('ổ gà trên đường Lê Lợi');
    expect(roadPage).not.toContain('Trần Thị Hoa');
    expect(roadPage).not.toContain(report.trackingCode);
    expect(roadPage).not.toContain(road2.pin);
    const reportPage = (await page('quantri', `/portal/tickets/${report.id}`)).text;
    expect(reportPage).toContain('Cuộc trò chuyện về phản ánh này (2 tin nhắn)');
    expect(reportPage).toContain('Trần Thị Hoa');
    expect(reportPage).not.toContain('ổ gà trên đường Lê Lợi');
    expect(reportPage).not.toContain(report.pin);
    expect(reportPage).not.toContain(road2.pin);
  });

  it('when staff open a Zalo ticket, then the citizen messages and the OA replies around it are on the case page', async () => {
    const zalo = new ZaloRepository(db);
    const at = new Date(Date.now() - 60_000);
    const event = {
      app_id: 'app',
      event_name: 'user_send_text',
      timestamp: String(at.getTime()),
      sender: { id: 'zalo-user-7' },
      recipient: { id: 'oa' },
      message: { msg_id: 'zm-1', text: 'Cống thoát nước ở ngõ 5 bị tắc' },
    } as unknown as ZaloEvent;
    await zalo.insertEvent('zm-1', event, 'zalo-user-7', at);
    await zalo.recordSent(
      ['oa-1'],
      'zalo-user-7',
      'reply-1#0',
      new Date(at.getTime() + 1000),
      'Cảm ơn bạn, xin cho biết địa chỉ ạ.',
    );
    const ticket = await t.tickets.create(
      webTicket('Cống thoát nước ở ngõ 5 bị tắc', {
        category: 'giao-thong',
        origin: { channel: 'zalo', conversationId: 'zalo-user-7', userId: 'zalo-user-7' },
      }),
    );
    const html = (await page('xaydung', `/portal/tickets/${ticket.id}`)).text;
    expect(html).toContain('Cuộc trò chuyện về phản ánh này (2 tin nhắn)');
    expect(html.indexOf('Cống thoát nước ở ngõ 5 bị tắc</div>')).toBeLessThan(
      html.indexOf('xin cho biết địa chỉ'),
    );
  });

  it("when staff filter the queue by commune, then only that commune's tickets are listed, from a list of the queue's communes", async () => {
    const inCommune = await t.tickets.create(
      webTicket('Vỉa hè bị lấn chiếm làm nơi đỗ xe', { category: 'giao-thong', communeCode: '15820' }),
    );
    // Administrators see every agency's queue (a ticket in a known commune may go to its UBND).
    const all = (await page('quantri', '/portal').expect(200)).text;
    expect(all).toMatch(/<option value="15820"\s*>Xã Thiệu Toán<\/option>/);
    expect(all).toContain(road.trackingCode);
    const filtered = (await page('quantri', '/portal?commune=15820').expect(200)).text;
    expect(filtered).toContain(inCommune.trackingCode);
    expect(filtered).not.toContain(road.trackingCode);
    expect(filtered).toMatch(/<option value="15820"\s*selected\s*>/);
  });

  it("when staff erase a contact on the citizen's request, then name and phone are gone and the history says so", async () => {
    const withContact = await t.tickets.create(
      webTicket('Cây xanh gãy đổ chắn lối đi vào khu dân cư', {
        category: 'giao-thong',
        contact: { name: 'Nguyễn Văn An', phone: '0912345678', consentAt: new Date() },
      }),
    );
    const before = (await page('xaydung', `/portal/tickets/${withContact.id}`)).text;
    expect(before).toContain('0912345678');
    expect((await act('xaydung', withContact.id, 'delete-contact', { confirm: '1' })).status).toBe(303);
    const after = (await page('xaydung', `/portal/tickets/${withContact.id}`)).text;
    expect(after).not.toContain('0912345678');
    expect(after).not.toContain('Nguyễn Văn An');
    expect(after).toContain('Đã xóa thông tin liên hệ của người dân');
  });

  it('when a deadline is missed, then the agency supervisor sees the notification on the desk until marking it read; staff never', async () => {
    const late = await t.tickets.create(
      webTicket('Cơ sở khám bệnh tư nhân hoạt động không phép', { category: 'y-te' }),
    );
    await performEscalation({ now: new Date(late.acknowledgeDueAt.getTime() + 1) }, { db });
    const desk = (await page('yte.lanhdao', '/portal').expect(200)).text;
    expect(desk).toContain('Thông báo chưa xem');
    expect(desk).toContain(`href="/portal/tickets/${late.id}"`);
    expect(desk).toContain('quá hạn tiếp nhận');
    expect((await page('yte', '/portal').expect(200)).text).not.toContain('Thông báo chưa xem');
    expect((await page('xaydung', '/portal').expect(200)).text).not.toContain(late.trackingCode);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(desk)![1]!;
    const upTo = /name="upTo" value="(\d+)"/.exec(desk)![1]!;
    const asStaff = await request(app)
      .post('/portal/notifications/read')
      .set('Cookie', sessions.yte!)
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec((await page('yte', '/portal')).text)![1], upTo });
    expect(asStaff.status).toBe(403);
    const read = await request(app)
      .post('/portal/notifications/read')
      .set('Cookie', sessions['yte.lanhdao']!)
      .type('form')
      .send({ _csrf: csrf, upTo });
    expect(read.status).toBe(303);
    expect((await page('yte.lanhdao', '/portal').expect(200)).text).not.toContain('Thông báo chưa xem');
  });
});
