import type { Express } from 'express';
import request from 'supertest';
import { AuthService } from '../../../src/agencies/auth.service';
import type { ProgrammesModule } from '../../../src/programmes/programmes.module';
import { createTestDb } from '../../helpers/db';
import { signedInStaff } from '../../helpers/portal';
import { ticketsOn, webTicket } from '../tickets/helpers';
import { csrfOf, programmesPortal, staffGet } from './portal-helpers';

const PW = 'mat-khau-du-dai-2026';
const now = new Date('2026-12-01T03:00:00Z');

describe('portal: oversight (giám sát, phản biện), reporting reminders and the provincial office', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let programmes: ProgrammesModule;
  let app: Express;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb();
    const { t } = await ticketsOn(db);
    await t.tickets.create(webTicket('Đường tỉnh qua xã hư hỏng nặng, đề nghị sửa chữa'));
    const auth = new AuthService(db);
    Object.assign(
      cookie,
      await signedInStaff(auth, PW, [
        ['quantri', 'admin', null],
        ['vanphong', 'supervisor', 'van-phong-ubnd-tinh'],
        ['xaydung', 'staff', 'so-xay-dung'],
        ['taichinh', 'staff', 'so-tai-chinh'],
        ['daibieu', 'oversight', 'so-xay-dung'], // the agency is dropped: oversight works for none
      ]),
    );
    ({ programmes, app } = await programmesPortal(db, auth, now));
  });
  afterAll(() => db.close());

  const get = (who: string, url: string) => staffGet(app, cookie, who, url);
  async function post(who: string, url: string, fields: Record<string, string>) {
    const token = csrfOf((await get(who, '/portal/tien-do')).text);
    return request(app)
      .post(url)
      .set('Cookie', cookie[who]!)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, ...fields });
  }
  async function report(who: string, code: string, percent: string) {
    const token = csrfOf((await get(who, `/portal/tien-do/${code}`)).text);
    return request(app)
      .post(`/portal/tien-do/${code}/report`)
      .set('Cookie', cookie[who]!)
      .set('Accept', 'text/html')
      .field('_csrf', token)
      .field('reportedOn', '2026-11-30')
      .field('percent', percent);
  }
  const reportCount = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_reports')).rows[0]!.n;

  it("when an oversight user opens the portal, then they read every agency's items and ticket figures, not tickets", async () => {
    const home = await get('daibieu', '/portal');
    expect([home.status, home.headers.location]).toEqual([303, '/portal/tien-do']);
    const page = await get('daibieu', '/portal/tien-do').expect(200);
    expect(page.text).toContain('TH-DP-01'); // Sở Xây dựng
    expect(page.text).toContain('HG-CT-02'); // Sở Tài chính
    expect(page.text).toContain('Số liệu phản ánh theo cơ quan');
    expect(page.text).toContain('Giám sát, phản biện');
    const agency = await get('taichinh', '/portal/tien-do').expect(200);
    expect(agency.text).toContain('HG-CT-02');
    expect(agency.text).not.toContain('TH-DP-01');
    expect(agency.text).not.toContain('Số liệu phản ánh theo cơ quan');
  });

  it('when oversight or another agency tries to report or link a ticket, then it is refused and nothing is stored', async () => {
    const before = await reportCount();
    expect((await report('daibieu', 'TH-DP-01', '50')).status).toBe(403);
    expect((await report('taichinh', 'TH-DP-01', '50')).status).toBe(403);
    expect((await report('xaydung', 'HG-CT-02', '50')).status).toBe(403);
    expect(await reportCount()).toBe(before);
    const item = await get('daibieu', '/portal/tien-do/TH-DP-01').expect(200);
    expect(item.text).not.toContain('name="trackingCode"');
    expect(item.text).not.toContain('name="percent"');
    const link = await post('daibieu', '/portal/tien-do/TH-DP-01/link', { trackingCode: 'TH-ZZZZZ' });
    expect(link.status).not.toBe(200);
  });

  it('when oversight comments on an item, then the public page shows it with the role until the office hides it', async () => {
    expect((await post('xaydung', '/portal/tien-do/TH-DP-01/comment', { body: 'Ý kiến' })).status).toBe(403);
    const sent = await post('daibieu', '/portal/tien-do/TH-DP-01/comment', {
      body: 'Đề nghị công khai danh mục công trình <chậm> giải ngân.',
    });
    expect(sent.status).toBe(200);
    const page = await request(app).get('/tien-do/nhiem-vu/TH-DP-01').expect(200);
    expect(page.text).toContain('daibieu</strong> · Giám sát, phản biện');
    expect(page.text).toContain('công trình &lt;chậm&gt; giải ngân');
    const id = /comments\/(\d+)\/hide/.exec((await get('vanphong', '/portal/tien-do/TH-DP-01')).text)![1]!;
    expect((await post('xaydung', `/portal/tien-do/TH-DP-01/comments/${id}/hide`, {})).status).toBe(403);
    expect((await post('vanphong', `/portal/tien-do/TH-DP-01/comments/${id}/hide`, {})).status).toBe(200);
    const after = await request(app).get('/tien-do/nhiem-vu/TH-DP-01').expect(200);
    expect(after.text).not.toContain('giải ngân');
    expect(after.text).toContain('Chưa có ý kiến giám sát, phản biện.');
  });

  it('when oversight follows an item and a report changes its status, then a notice shows in their portal once', async () => {
    expect((await post('daibieu', '/portal/tien-do/HG-HT-01/follow', { on: '1' })).status).toBe(200);
    await programmes.follow.notifyChanges(now);
    expect((await get('daibieu', '/portal/tien-do')).text).not.toContain('Thông báo mới');
    const lead = (
      await db.query<{ lead: string }>(
        `SELECT lead_agency_id AS lead FROM programme_items WHERE code = 'HG-HT-01'`,
      )
    ).rows[0]!.lead;
    const [user] = Object.keys(
      await signedInStaff(new AuthService(db), PW, [['lead-hg', 'staff', lead]]).then((c) => {
        Object.assign(cookie, c);
        return c;
      }),
    );
    expect((await report(user!, 'HG-HT-01', '100')).status).toBe(200);
    await programmes.follow.notifyChanges(now);
    const page = await get('daibieu', '/portal/tien-do').expect(200);
    expect(page.text).toContain('Thông báo mới (1)');
    expect(page.text).toContain('HG-HT-01 «Quỹ đất sạch cho phát triển công nghiệp» chuyển sang tình trạng');
    const upTo = /name="upTo" value="(\d+)"/.exec(page.text)![1]!;
    expect((await post('daibieu', '/portal/tien-do/notices/read', { upTo })).status).toBe(303);
    expect((await get('daibieu', '/portal/tien-do')).text).not.toContain('Thông báo mới');
  });

  it('when a reporting period is about to end, then each lead agency with unreported items is reminded once', async () => {
    const late = new Date('2026-12-28T03:00:00Z');
    const first = await programmes.reporting.remind(late);
    expect(first).toBeGreaterThan(0);
    expect(await programmes.reporting.remind(late)).toBe(0);
    expect(await programmes.reporting.remind(new Date('2026-12-10T03:00:00Z'))).toBe(0);
    const page = await get('taichinh', '/portal/tien-do').expect(200);
    expect(page.text).toContain('Nhắc báo cáo kỳ 12/2026 (hạn 31/12/2026)');
    expect(page.text).toContain('HG-CT-02');
    // One reminder per agency and programme for the period, however often the job ran.
    const rows = await db.query<{ n: number; keys: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (agency_id, substring(text from '«[^»]+»')))::int AS keys
       FROM programme_notices WHERE kind = 'reminder'`,
    );
    expect(rows.rows[0]).toEqual({ n: first, keys: first });
  });

  it('when the provincial office opens the reporting view, then it sees missing and late reports by agency', async () => {
    const page = await get('vanphong', '/portal/bao-cao-tien-do').expect(200);
    expect(page.text).toContain('Tình hình báo cáo của các cơ quan');
    expect(page.text).toContain('Sở Tài chính');
    expect(page.text).toMatch(/Thiếu báo cáo kỳ trước \(\d+\)/);
    expect(page.text).toContain('11/2026');
    expect((await get('xaydung', '/portal/bao-cao-tien-do')).status).toBe(403);
    expect((await get('daibieu', '/portal/bao-cao-tien-do')).status).toBe(403);
  });
});
