import request from 'supertest';
import { createApp } from '../../../src/app';
import { createProgrammes, type ProgrammesModule } from '../../../src/programmes/programmes.module';
import { seedAgencies } from '../../../src/tickets/seed.repository';
import { memoryLogger, testConfig } from '../../helpers/app';
import { createTestDb } from '../../helpers/db';

const now = new Date('2026-12-01T03:00:00Z');
const TH = 'th-dai-hoi-xx';

describe('programme API and public pages', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let programmes: ProgrammesModule;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    await seedAgencies(db, '38');
    const config = testConfig();
    const { logger } = memoryLogger('silent');
    programmes = createProgrammes({ db, config, logger, clock: () => now });
    app = createApp({ config, db, logger, routers: programmes.routers });
  });
  afterAll(() => db.close());

  it('when the database is fresh, then the demo programme is loaded once as sample data', async () => {
    const first = await programmes.seedDemoIfEmpty();
    expect(first).toMatchObject({ errors: [], items: 13 });
    expect(await programmes.seedDemoIfEmpty()).toBeNull();
    const list = await request(app).get('/api/programmes').expect(200);
    expect(list.body).toHaveLength(3);
    expect(list.body).toContainEqual(
      expect.objectContaining({ id: TH, title: expect.stringContaining('Thanh Hóa'), sample: true }),
    );
  });

  it('when a programme is read, then every item has its kind, derived status, progress, lead agency, deadline and latest report', async () => {
    const res = await request(app).get(`/api/programmes/${TH}`).expect(200);
    const byCode = Object.fromEntries((res.body.items as Array<{ code: string }>).map((i) => [i.code, i]));
    expect(byCode['TH-DP-01']).toMatchObject({
      kind: 'task',
      status: 'on_track',
      progress: 18,
      lead_agency: { id: 'so-xay-dung', name: 'Sở Xây dựng' },
      deadline: '2030-12-31',
      latest_report: { date: '2026-10-15', percent: 18 },
    });
    expect(byCode['TH-DP-02']).toMatchObject({ status: 'late', progress: 60 });
    expect(byCode['TH-DP-03']).toMatchObject({ status: 'done' });
    expect(byCode['TH-MT-2030']).toMatchObject({
      kind: 'target',
      status: 'not_started',
      latest_report: null,
    });
    expect(res.body.groups.map((g: { title: string }) => g.title)).toEqual([
      '3 khâu đột phá chiến lược',
      'Mục tiêu đến năm 2030, tầm nhìn đến năm 2045',
    ]);
    expect(res.body.counts).toEqual({ not_started: 2, on_track: 1, late: 1, done: 1, done_late: 0 });
  });

  it('when an unknown programme or item is asked for, then a 404 with a stable code', async () => {
    const r = await request(app).get('/api/programmes/khong-co').expect(404);
    expect(r.body.error.code).toBe('programme_not_found');
    const i = await request(app).get('/api/programme-items/%3Cscript%3E').expect(404);
    expect(i.body.error.code).toBe('item_not_found');
  });

  it('when the public pages are opened, then they show groups, statuses and the sample-data notice', async () => {
    const list = await request(app).get('/tien-do').expect(200);
    expect(list.text).toContain('Dữ liệu mẫu');
    const page = await request(app).get(`/tien-do/${TH}`).expect(200);
    expect(page.text).toContain('3 khâu đột phá chiến lược');
    expect(page.text).toContain('Chậm tiến độ');
    expect(page.text).toContain('Dữ liệu mẫu');
    expect(page.text).toContain('Theo cơ quan chủ trì');
    const item = await request(app).get('/tien-do/nhiem-vu/HG-HT-02').expect(200);
    expect(item.text).toContain('Hoàn thành chậm');
    expect(item.text).toContain('15/03/2026');
    expect(item.text).toContain('Dữ liệu mẫu');
  });

  it('when the exports are downloaded, then the CSV and JSON carry every item', async () => {
    const csv = await request(app).get(`/tien-do/${TH}/du-lieu.csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFFcode,group,kind,title,status')).toBe(true);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(6);
    const json = await request(app).get(`/tien-do/${TH}/du-lieu.json`).expect(200);
    expect(json.body.items).toHaveLength(5);
  });

  it('when the import endpoint is called without the server token, then it is refused', async () => {
    const r = await request(app)
      .post('/api/programmes/import')
      .set('authorization', 'Bearer x')
      .send('a')
      .expect(401);
    expect(r.body.error.code).toBe('import_token_invalid');
  });
});
