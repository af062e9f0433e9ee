import type { Express } from 'express';
import request from 'supertest';
import type { TicketReceipt } from '../../../src/ports';
import { PublicRepository } from '../../../src/public/public.repository';
import { StatisticsService } from '../../../src/public/statistics.service';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { createTestDb } from '../../helpers/db';
import { ticketsOn, webTicket, type FakeClock } from '../tickets/helpers';
import type { TestSystem } from '../../helpers/system';

const DAY = 86_400_000;
const PHONE = '0912345678';

function csrfOf(res: request.Response): { cookie: string; token: string } {
  const raw = res.headers['set-cookie'] as unknown as string[];
  const cookie = raw.find((c) => c.startsWith('tiepdan_public_csrf='))!.split(';')[0]!;
  return { cookie, token: /name="_csrf" value="([^"]+)"/.exec(res.text)![1]! };
}

const CHAT_RATER = { channel: 'directline', rater: 'user-test' };

describe('public pages: tracking, published answers, statistics', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let clock: FakeClock;
  let app: Express;
  const r = {} as Record<'late' | 'fast' | 'open' | 'school', TicketReceipt>;

  beforeAll(async () => {
    db = await createTestDb();
    let system: TestSystem;
    ({ t, clock, system } = await ticketsOn(db, { env: { TICKET_LOOKUPS_PER_MINUTE: '30' } }));
    app = system.app;
    const contact = { name: 'Nguyễn Văn Bảo', phone: PHONE, consentAt: clock.get() };
    r.late = await t.tickets.create(
      webTicket(`Trạm y tế thiếu thuốc cấp cứu, gọi ${PHONE} để biết thêm`, {
        category: 'y-te',
        contact,
        publish: true,
      }),
    );
    r.fast = await t.tickets.create(
      webTicket('Bếp ăn trường mầm non không bảo đảm vệ sinh an toàn thực phẩm', { category: 'y-te' }),
    );
    r.open = await t.tickets.create(
      webTicket('Phòng khám tư hoạt động không có giấy phép hành nghề', { category: 'y-te' }),
    );
    r.school = await t.tickets.create(
      webTicket('Trường tiểu học thu thêm khoản phí ngoài quy định đầu năm', { category: 'giao-duc' }),
    );
    clock.advance(1 * DAY);
    await t.staff.answer(r.school.id, {
      text: 'Sở đã yêu cầu trường hoàn trả khoản thu sai quy định.',
      actor: 'staff:gd',
    });
    clock.advance(1 * DAY);
    await t.staff.answer(r.fast.id, {
      text: 'Đoàn kiểm tra đã xử phạt và yêu cầu khắc phục ngay.',
      actor: 'staff:yt',
    });
    clock.advance(18 * DAY);
    await t.staff.answer(r.late.id, {
      text: `Trạm y tế đã được bổ sung thuốc. Liên hệ ${PHONE} nếu còn thiếu.`,
      actor: 'staff:yt',
    });
    await t.tickets.rate(r.fast.trackingCode, r.fast.pin, 5, CHAT_RATER);
    await t.tickets.rate(r.late.trackingCode, r.late.pin, 3, CHAT_RATER);
    clock.advance(10 * DAY);
  });
  afterAll(async () => {
    await db.close();
  });

  async function lookup(code: string, pin: string) {
    const form = await request(app).get('/tra-cuu').expect(200);
    const { cookie, token } = csrfOf(form);
    return request(app).post('/tra-cuu').set('Cookie', cookie).type('form').send({ _csrf: token, code, pin });
  }

  it('when a citizen enters the right code and PIN, then status, timeline and answer show, without personal data', async () => {
    const res = await lookup(r.late.trackingCode, r.late.pin);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`Phản ánh ${r.late.trackingCode}`);
    expect(res.text).toContain('Đã hoàn thành');
    expect(res.text).toContain('Sở Y tế');
    expect(res.text).toContain('Y tế, an toàn thực phẩm');
    expect(res.text).toContain('Trạm y tế đã được bổ sung thuốc.');
    expect(res.text).toContain('Anh/chị đã đánh giá 3/5');
    expect(res.text).not.toContain('Nguyễn Văn Bảo');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when the PIN is wrong or malformed, then the form comes back with a 404 message and nothing else', async () => {
    const wrong = await lookup(r.late.trackingCode, r.late.pin === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(404);
    expect(wrong.text).toContain('Không tìm thấy phản ánh với mã tra cứu và mã PIN này');
    expect(wrong.text).not.toContain('Trạm y tế');
    expect((await lookup(r.late.trackingCode, '12<script>')).status).toBe(404);
  });

  it('when the form is posted without its CSRF cookie, then it is refused', async () => {
    const res = await request(app)
      .post('/tra-cuu')
      .type('form')
      .send({ _csrf: 'x', code: r.late.trackingCode, pin: r.late.pin });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Trạm y tế');
  });

  it('when an answered ticket is rated through the page, then the rating is recorded and shown', async () => {
    const page = await lookup(r.school.trackingCode, r.school.pin);
    expect(page.text).toContain('Đánh giá câu trả lời');
    const { cookie, token } = csrfOf(page);
    const rated = await request(app).post('/tra-cuu/danh-gia').set('Cookie', cookie).type('form').send({
      _csrf: token,
      code: r.school.trackingCode,
      pin: r.school.pin,
      rating: '4',
      comment: 'Cảm ơn Sở',
    });
    expect(rated.status).toBe(200);
    expect(rated.text).toContain('Anh/chị đã đánh giá 4/5');
    const row = await db.query<{ rating: number }>('SELECT rating FROM tickets WHERE id = $1', [r.school.id]);
    expect(row.rows[0]?.rating).toBe(4);
  });

  it('when a ticket is not answered yet, then rating it is refused with a clear message', async () => {
    const page = await lookup(r.open.trackingCode, r.open.pin);
    expect(page.text).not.toContain('Gửi đánh giá');
    const { cookie, token } = csrfOf(await request(app).get('/tra-cuu'));
    const res = await request(app)
      .post('/tra-cuu/danh-gia')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, code: r.open.trackingCode, pin: r.open.pin, rating: '5' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('chưa được trả lời');
  });

  it('when statistics are computed, then per-agency counts, on-time rate, median and satisfaction are right', async () => {
    const repo = new PublicRepository(db);
    const report = await new StatisticsService(repo, clock.get).report(
      new Date('2026-01-01'),
      new Date('2026-12-31'),
    );
    const yt = report.agencies.find((a) => a.agencyId === 'so-y-te')!;
    // late: answered after 20 days (past its 10-working-day deadline); fast: 2 days; open: overdue now.
    expect(yt).toMatchObject({
      received: 3,
      answered: 2,
      answeredOnTime: 1,
      overdueNow: 1,
      onTimeRate: 0.3333,
      medianDaysToAnswer: 11,
      satisfaction: 4,
      ratings: 2,
    });
    const gd = report.agencies.find((a) => a.agencyId === 'so-giao-duc-dao-tao')!;
    expect(gd).toMatchObject({
      received: 1,
      answered: 1,
      answeredOnTime: 1,
      overdueNow: 0,
      onTimeRate: 1,
      medianDaysToAnswer: 1,
    });
    expect(report.total).toMatchObject({
      received: 4,
      answered: 3,
      answeredOnTime: 2,
      overdueNow: 1,
      onTimeRate: 0.5,
    });
  });

  it('when /thong-ke is opened, then the table, the chart data and the CSV link are there, served without a CDN', async () => {
    const res = await request(app).get('/thong-ke').expect(200);
    expect(res.text).toContain('Sở Y tế');
    expect(res.text).toContain('33,3%');
    expect(res.text).toContain('<script src="/assets/chart.umd.min.js" defer></script>');
    expect(res.text).not.toMatch(/https?:\/\/[^"]*\.js/);
    const chart = await request(app).get('/assets/chart.umd.min.js').expect(200);
    expect(chart.text.length).toBeGreaterThan(10_000);
    await request(app).get('/assets/thong-ke.js').expect(200);
    expect(res.text).not.toContain(PHONE);
  });

  it('when the CSV is downloaded, then it has a BOM, Vietnamese headers and one line per agency plus the total', async () => {
    const res = await request(app)
      .get('/thong-ke.csv?from=2026-01-01&to=2026-12-31')
      .buffer(true)
      .parse((r, cb) => {
        let s = '';
        r.on('data', (d: Buffer) => (s += d.toString('utf8')));
        r.on('end', () => cb(null, s));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Cơ quan,Đã tiếp nhận,Đã trả lời,Tỷ lệ đúng hạn,Thời gian trả lời (trung vị, ngày),Mức hài lòng (1–5),Đang quá hạn'.replace(
        'Thời gian trả lời (trung vị, ngày)',
        '"Thời gian trả lời (trung vị, ngày)"',
      ),
    );
    expect(lines).toContain('Sở Y tế,3,2,33.3,11,4,1');
    expect(lines.at(-1)).toMatch(/^Toàn tỉnh,4,3,50\.0,/);
  });

  it('when the statistics period is malformed, then 400 with the error envelope', async () => {
    const res = await request(app).get('/thong-ke?from=hôm-qua').expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('when answered feedback is published, then only cases the citizen agreed to and the agency summarised appear, without the citizen’s text or personal data', async () => {
    // Before an approved summary nothing of the case is published, consent or not.
    expect((await request(app).get('/phan-anh').expect(200)).text).not.toContain(PHONE);
    await t.staff.approvePublicSummary(r.late.id, {
      text: `Phản ánh về tình trạng thiếu thuốc cấp cứu tại trạm y tế (liên hệ ${PHONE}).`,
      actor: 'staff:1',
    });
    await expect(
      t.staff.approvePublicSummary(r.school.id, { text: 'Không được đồng ý công khai', actor: 'staff:1' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    const res = await request(app).get('/phan-anh').expect(200);
    expect(res.text).toContain('Phản ánh về tình trạng thiếu thuốc cấp cứu tại trạm y tế');
    expect(res.text).toContain('[phone]');
    expect(res.text).not.toContain('Trạm y tế thiếu thuốc cấp cứu, gọi');
    expect(res.text).not.toContain(PHONE);
    expect(res.text).not.toContain('Nguyễn Văn Bảo');
    for (const receipt of Object.values(r)) expect(res.text).not.toContain(receipt.pin);
    expect(res.text).not.toContain('Phòng khám tư hoạt động');
    expect(res.text).not.toContain('Trường tiểu học thu thêm khoản phí');
  });
});
