import type { Express } from 'express';
import request from 'supertest';
import { DirectLineRepository } from '../../../src/channels/directline/directline.repository';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../../src/ports';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { createTestDb } from '../../helpers/db';
import { runTicketJobs, type TestSystem } from '../../helpers/system';
import { ticketsOn, webTicket } from '../tickets/helpers';

const PW = 'mat-khau-du-dai-2026';
// A 1×1 PNG: the smallest real photo a citizen can send.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** A channel at the edge of the world whose answers the test scripts: delivered, outside Zalo's window, refused. */
class ScriptedChannel implements OutboundChannel {
  readonly results: DeliveryResult[] = [];
  constructor(readonly channel: string) {}
  async deliver(_m: OutboundMessage): Promise<DeliveryResult> {
    return this.results.shift() ?? { ok: true, externalId: 'ok' };
  }
}

describe('the case page: history in words, button kinds, confirmation, delivery and photos', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let system: TestSystem;
  let app: Express;
  const zalo = new ScriptedChannel('zalo');
  const web = new ScriptedChannel('directline');
  let cookie = '';

  beforeAll(async () => {
    db = await createTestDb();
    ({ t, system } = await ticketsOn(db));
    t.channels.register(zalo);
    t.channels.register(web);
    await system.auth.createUser({
      username: 'canbo.thieutoan',
      displayName: 'Lê Thị Thu',
      password: PW,
      role: 'staff',
      agencyId: 'so-xay-dung',
    });
    cookie = `tiepdan_portal=${(await system.auth.signIn('canbo.thieutoan', PW, { ip: '', userAgent: '' })).token}`;
    app = system.app;
  });
  afterAll(async () => {
    await db.close();
  });

  const page = async (url: string) =>
    (await request(app).get(url).set('Cookie', cookie).set('Accept', 'text/html').expect(200)).text;
  async function post(id: string, action: string, form: Record<string, string>) {
    const token = /name="_csrf" value="([^"]+)"/.exec(await page(`/portal/tickets/${id}`))![1]!;
    return request(app)
      .post(`/portal/tickets/${id}/${action}`)
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, ...form });
  }
  const status = async (id: string) =>
    (await db.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [id])).rows[0]!.status;
  const history = (html: string) => html.slice(html.indexOf('Lịch sử xử lý'));

  it('when an officer acts on a ticket, then the history names the citizen, the system and the officer in Vietnamese', async () => {
    const ticket = await t.tickets.create(
      webTicket('Ổ gà sâu trên đường vào chợ', { category: 'giao-thong' }),
    );
    expect((await post(ticket.id, 'start', {})).status).toBe(303);
    expect((await post(ticket.id, 'note', { note: 'Đã cử tổ kiểm tra' })).status).toBe(303);
    const h = history(await page(`/portal/tickets/${ticket.id}`));
    expect(h).toContain('<span class="actor">Người dân</span>');
    expect(h).toContain('<span class="actor">Lê Thị Thu</span>');
    expect(h).not.toMatch(/staff:|>citizen<|>system</);
    const actors = [...h.matchAll(/<span class="actor">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(actors.every((a) => ['Người dân', 'Hệ thống', 'Lê Thị Thu'].includes(a!))).toBe(true);
  });

  it('when the case page is shown, then answering is the primary button and refusing or erasing are danger buttons', async () => {
    const ticket = await t.tickets.create(
      webTicket('Vỉa hè bị lấn chiếm', {
        category: 'giao-thong',
        contact: { name: 'Trần Văn Bình', phone: '0912345678', consentAt: new Date() },
      }),
    );
    const html = await page(`/portal/tickets/${ticket.id}`);
    expect(html).toMatch(/<button type="submit" class="primary">\s*Trả lời người dân\s*<\/button>/);
    expect(html).toMatch(/<button type="submit" class="secondary">\s*Chuyển cơ quan khác\s*<\/button>/);
    expect(html).toMatch(/<button type="submit" class="danger">\s*Không thụ lý…\s*<\/button>/);
    expect(html).toMatch(/<button type="submit" class="danger">\s*Xóa thông tin liên hệ[^<]*…\s*<\/button>/);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/);
  });

  it('when an officer refuses a ticket, then a confirmation page comes first and only the confirmed form refuses it', async () => {
    const ticket = await t.tickets.create(webTicket('Xe tải đỗ trên vỉa hè', { category: 'giao-thong' }));
    const ask = await post(ticket.id, 'reject', { reason: 'Không thuộc thẩm quyền' });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`Anh/chị chắc chắn không thụ lý phản ánh ${ticket.trackingCode}?`);
    expect(ask.text).toContain('name="confirm" value="1"');
    expect(ask.text).toContain('name="reason" value="Không thuộc thẩm quyền"');
    expect(ask.text).toContain(`href="/portal/tickets/${ticket.id}"`);
    expect(await status(ticket.id)).not.toBe('rejected');
    expect((await post(ticket.id, 'reject', { reason: '' })).status).toBe(400);
    const done = await post(ticket.id, 'reject', { reason: 'Không thuộc thẩm quyền', confirm: '1' });
    expect(done.status).toBe(303);
    expect(await status(ticket.id)).toBe('rejected');
  });

  it('when an officer erases a contact, then nothing is erased until the confirmation page is confirmed', async () => {
    const ticket = await t.tickets.create(
      webTicket('Cống thoát nước bị tắc', {
        category: 'giao-thong',
        contact: { name: 'Nguyễn Thị Cúc', phone: '0987000111', consentAt: new Date() },
      }),
    );
    const ask = await post(ticket.id, 'delete-contact', {});
    expect(ask.status).toBe(200);
    expect(ask.text).toContain(`Xóa thông tin liên hệ của người gửi phản ánh ${ticket.trackingCode}?`);
    expect(await page(`/portal/tickets/${ticket.id}`)).toContain('0987000111');
    expect((await post(ticket.id, 'delete-contact', { confirm: '1' })).status).toBe(303);
    expect(await page(`/portal/tickets/${ticket.id}`)).not.toContain('0987000111');
  });

  it('when an answer is sent, then the case page says whether it reached the citizen, waits for the Zalo window, or failed', async () => {
    const zaloOrigin = (n: string) => ({ channel: 'zalo', conversationId: `zalo-${n}`, userId: `zalo-${n}` });
    const state = async (id: string) =>
      [...(await page(`/portal/tickets/${id}`)).matchAll(/data-state="(\w+)"/g)].map((m) => m[1]);
    const delivered = await t.tickets.create(
      webTicket('Đèn tín hiệu giao thông hỏng', { category: 'giao-thong', origin: zaloOrigin('a') }),
    );
    const waiting = await t.tickets.create(
      webTicket('Biển báo bị đổ', { category: 'giao-thong', origin: zaloOrigin('b') }),
    );
    const failed = await t.tickets.create(
      webTicket('Nắp cống bị mất', { category: 'giao-thong', origin: zaloOrigin('c') }),
    );
    await runTicketJobs(system); // the receipts go out
    for (const ticket of [delivered, waiting, failed])
      expect((await post(ticket.id, 'answer', { text: 'Đã xử lý xong.' })).status).toBe(303);
    expect(await state(delivered.id)).toEqual(['sent', 'pending']);
    expect(await page(`/portal/tickets/${delivered.id}`)).toContain('Đang gửi');
    zalo.results.push(
      { ok: true, externalId: 'z1' },
      { ok: false, permanent: true, error: 'outside_window: user has not interacted in 7 days' },
      { ok: false, permanent: true, error: 'zalo_-201: invalid user' },
    );
    await runTicketJobs(system);
    expect(await state(delivered.id)).toEqual(['sent', 'sent']);
    expect(await page(`/portal/tickets/${delivered.id}`)).toContain('Người dân đã nhận');
    expect(await state(waiting.id)).toEqual(['sent', 'waiting']);
    expect(await page(`/portal/tickets/${waiting.id}`)).toContain('Chờ người dân nhắn lại');
    expect(await state(failed.id)).toEqual(['sent', 'failed']);
    expect(await page(`/portal/tickets/${failed.id}`)).toContain('Không gửi được');
  });

  it('when a web-chat ticket carries a photo, then the case page shows it as a thumbnail served through the portal', async () => {
    const dl = new DirectLineRepository(db);
    await dl.createConversation('conv-photo', 'user-photo');
    const uploadId = '0b9f6d8e-4c1a-4e7b-9a55-3c2d1e0f9a11';
    await dl.saveUpload({
      id: uploadId,
      conversationId: 'conv-photo',
      contentType: 'image/png',
      name: 'o-ga.png',
      size: PNG.length,
      data: PNG,
    });
    const ticket = await t.tickets.create(
      webTicket('Ổ gà trước cổng trường', {
        category: 'giao-thong',
        origin: { channel: 'directline', conversationId: 'conv-photo', userId: 'user-photo' },
        attachments: [
          {
            url: `http://localhost/v3/directline/attachments/${uploadId}`,
            contentType: 'image/png',
            name: 'o-ga.png',
          },
        ],
      }),
    );
    const html = await page(`/portal/tickets/${ticket.id}`);
    expect(html).toMatch(new RegExp(`<img src="/portal/tickets/${ticket.id}/tep/0" alt="Ảnh 1: o-ga.png"`));
    const file = await request(app)
      .get(`/portal/tickets/${ticket.id}/tep/0`)
      .set('Cookie', cookie)
      .expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
  });

  it('when the citizen agreed to publication, then the officer approves a summary on the case page and /phan-anh shows it, not the citizen’s words', async () => {
    const agreed = await t.tickets.create(
      webTicket('Đường vào chợ Thiệu Toán có ổ gà sâu, tối qua tôi suýt ngã xe', {
        category: 'giao-thong',
        publish: true,
      }),
    );
    const refused = await t.tickets.create(
      webTicket('Cống thoát nước trước cổng trường bị tắc', { category: 'giao-thong' }),
    );
    expect((await post(agreed.id, 'answer', { text: 'Đơn vị đã vá ổ gà trong ngày.' })).status).toBe(303);
    const summary = 'Phản ánh về ổ gà trên đường vào chợ; đơn vị đã vá trong ngày.';
    expect((await post(agreed.id, 'public-summary', { summary })).status).toBe(303);
    expect(await page(`/portal/tickets/${agreed.id}`)).toContain('đang hiện trên trang công khai');
    const published = (await request(app).get('/phan-anh').expect(200)).text;
    expect(published).toContain(summary);
    expect(published).not.toContain('tôi suýt ngã xe');
    expect(await page(`/portal/tickets/${refused.id}`)).not.toContain('/public-summary');
    expect((await post(refused.id, 'public-summary', { summary: 'Không được công khai' })).status).toBe(409);
  });
});
