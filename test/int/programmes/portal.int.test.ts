import type { Express } from 'express';
import request from 'supertest';
import { AuthService } from '../../../src/agencies/auth.service';
import { createTestDb } from '../../helpers/db';
import { signedInStaff } from '../../helpers/portal';
import { ticketsOn, webTicket } from '../tickets/helpers';
import { csrfOf, programmesPortal, staffGet } from './portal-helpers';

const PW = 'mat-khau-du-dai-2026';
const now = new Date('2026-12-01T03:00:00Z');
const PDF = Buffer.from('%PDF-1.4\n% minh chứng\n');

describe('portal: agencies report progress on their items', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: Express;
  let ticketCode: string;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb();
    const { t } = await ticketsOn(db);
    ticketCode = (await t.tickets.create(webTicket('Đường tỉnh qua xã hư hỏng nặng, đề nghị sửa chữa')))
      .trackingCode;
    const auth = new AuthService(db);
    Object.assign(
      cookie,
      await signedInStaff(auth, PW, [
        ['quantri', 'admin', null],
        ['xaydung', 'staff', 'so-xay-dung'],
        ['yte', 'staff', 'so-y-te'],
      ]),
    );
    ({ app } = await programmesPortal(db, auth, now));
  });
  afterAll(() => db.close());

  const get = (who: string, url: string) => staffGet(app, cookie, who, url);
  async function report(who: string, code: string, fields: Record<string, string>, file?: Buffer) {
    const token = csrfOf((await get(who, `/portal/tien-do/${code}`)).text);
    let req = request(app)
      .post(`/portal/tien-do/${code}/report`)
      .set('Cookie', cookie[who]!)
      .set('Accept', 'text/html');
    for (const [k, v] of Object.entries({ _csrf: token, ...fields })) req = req.field(k, v);
    return file ? req.attach('file', file, 'bien-ban.pdf') : req;
  }

  it('when an agency opens its items, then it sees only the items it leads', async () => {
    const page = await get('xaydung', '/portal/tien-do').expect(200);
    expect(page.text).toContain('TH-DP-01');
    expect(page.text).toContain('TN-CDS-02');
    expect(page.text).not.toContain('HG-CT-02'); // led by Sở Tài chính
  });

  it('when the lead agency files a report with evidence, then the public item page shows it in the timeline', async () => {
    const r = await report(
      'xaydung',
      'TH-DP-01',
      { reportedOn: '2026-11-30', percent: '25,5', note: 'Hoàn thành giải phóng mặt bằng' },
      PDF,
    );
    expect(r.status).toBe(200);
    expect(r.text).toContain('Đã ghi nhận báo cáo tiến độ.');
    const api = await request(app).get('/api/programme-items/TH-DP-01').expect(200);
    expect(api.body.latest_report).toMatchObject({
      date: '2026-11-30',
      percent: 25.5,
      note: 'Hoàn thành giải phóng mặt bằng',
    });
    expect(api.body.latest_report.evidence).toEqual([
      { name: 'bien-ban.pdf', url: expect.stringMatching(/^\/tien-do\/minh-chung\/\d+$/) },
    ]);
    const file = await request(app).get(api.body.latest_report.evidence[0].url).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    const page = await request(app).get('/tien-do/nhiem-vu/TH-DP-01').expect(200);
    expect(page.text).toContain('Hoàn thành giải phóng mặt bằng');
    expect(page.text).toContain('bien-ban.pdf');
  });

  it('when another agency or an administrator tries to report on an item, then it is refused and nothing is stored', async () => {
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_reports'))
      .rows[0]!.n;
    const other = await report('yte', 'TH-DP-01', { reportedOn: '2026-11-30', percent: '90' });
    expect(other.status).toBe(403);
    expect(other.text).toContain('Chỉ cơ quan chủ trì');
    expect((await report('quantri', 'TH-DP-01', { reportedOn: '2026-11-30', percent: '90' })).status).toBe(
      403,
    );
    const after = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_reports')).rows[0]!
      .n;
    expect(after).toBe(before);
  });

  it('when a report is malformed, then it is refused with a clear message', async () => {
    const bad: Array<Record<string, string>> = [
      { reportedOn: '2026-11-30' },
      { reportedOn: '2026-11-30', percent: '140' },
      { reportedOn: '2027-01-01', percent: '10' },
      { reportedOn: 'hôm qua', percent: '10' },
      { reportedOn: '2026-11-30', percent: 'mười' },
    ];
    for (const fields of bad) {
      const r = await report('xaydung', 'TH-DP-01', fields);
      expect([r.status, r.text.includes('Báo cáo tiến độ cần')]).toEqual([400, true]);
    }
    const noCsrf = await request(app)
      .post('/portal/tien-do/TH-DP-01/report')
      .set('Cookie', cookie.xaydung!)
      .field('reportedOn', '2026-11-30')
      .field('percent', '30');
    expect(noCsrf.status).toBe(403);
  });

  it('when staff link a ticket to an item, then the item counts it once', async () => {
    const token = csrfOf((await get('quantri', '/portal/tien-do/TH-DP-01')).text);
    for (let i = 0; i < 2; i++)
      await request(app)
        .post('/portal/tien-do/TH-DP-01/link')
        .set('Cookie', cookie.quantri!)
        .type('form')
        .send({ _csrf: token, trackingCode: ticketCode.toLowerCase() })
        .expect(200);
    const api = await request(app).get('/api/programme-items/TH-DP-01').expect(200);
    expect(api.body.linked_tickets).toBe(1);
    const publicPage = await request(app).get('/tien-do/nhiem-vu/TH-DP-01').expect(200);
    expect(publicPage.text).toContain('Phản ánh của người dân liên quan (1)');
    expect(publicPage.text).toContain(ticketCode);
    expect(publicPage.text).not.toContain('hư hỏng nặng'); // the citizen's words stay off the public page
    const unknown = await request(app)
      .post('/portal/tien-do/TH-DP-01/link')
      .set('Cookie', cookie.quantri!)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, trackingCode: 'TH-ZZZZZ' });
    expect(unknown.status).toBe(404);
  });

  it('when an administrator uploads a programme file, then the good rows are imported and the bad ones listed', async () => {
    const page = await get('quantri', '/portal/admin/programmes').expect(200);
    const csv = [
      'programme,document,group,code,kind,title,lead_agency,coordinating_agencies,deadline,unit,baseline,target,budget,product',
      'CT tải lên,,G,UP-1,task,Nhiệm vụ tải lên,Sở Y tế,,2027-06-30,,,,,',
      'CT tải lên,,G,UP-2,task,Nhiệm vụ lỗi,Sở Ma,,2027-06-30,,,,,',
    ].join('\n');
    const r = await request(app)
      .post('/portal/admin/programmes/import')
      .set('Cookie', cookie.quantri!)
      .set('Accept', 'text/html')
      .field('_csrf', csrfOf(page.text))
      .attach('file', Buffer.from(csv), 'ct.csv')
      .expect(200);
    expect(r.text).toContain('dòng 3 (UP-2)');
    expect(r.text).toContain('Đã nhập 1 dòng (1 mới, 0 cập nhật)');
    const staff = await get('yte', '/portal/admin/programmes');
    expect(staff.status).toBe(403);
  });
});
