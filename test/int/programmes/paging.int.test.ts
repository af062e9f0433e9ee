import request from 'supertest';
import { createApp } from '../../../src/app';
import { importProgrammeFile } from '../../../src/programmes/import/import.service';
import { createProgrammes } from '../../../src/programmes/programmes.module';
import { insertPortalReport } from '../../../src/programmes/programme.repository';
import { seedAgencies } from '../../../src/tickets/seed.repository';
import { memoryLogger, testConfig } from '../../helpers/app';
import { createTestDb } from '../../helpers/db';

const now = new Date('2026-12-01T03:00:00Z');
const ID = 'ct-dai';
const code = (i: number) => `PG-${String(i).padStart(3, '0')}`;

// 120 items: group A holds the first 70, group B the other 50; every third one's deadline has passed (late).
function csv(title: (i: number) => string): Buffer {
  const head =
    'programme,programme_id,document,group,code,kind,title,lead_agency,coordinating_agencies,deadline,unit,baseline,target,budget,product';
  const rows = Array.from({ length: 120 }, (_, i) =>
    [
      'Chương trình dài',
      ID,
      '',
      i < 70 ? 'Nhóm A' : 'Nhóm B',
      code(i),
      'task',
      title(i),
      i % 2 ? 'so-y-te' : 'so-xay-dung',
      '',
      i % 3 === 0 ? '2025-06-30' : '2030-12-31',
      '',
      '',
      '',
      '',
      '',
    ].join(','),
  );
  return Buffer.from([head, ...rows].join('\n'));
}

const shown = (html: string) =>
  [...html.matchAll(/href="\/tien-do\/nhiem-vu\/(PG-\d{3})"/g)].map((m) => m[1]);
const rel = (html: string, name: 'next' | 'prev') =>
  new RegExp(`<a rel="${name}" href="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => code(from + k));

describe('programme pages and API over a long programme: paging, filters, cache', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  // Two replicas of the server on one database: each has its own caches.
  let a: ReturnType<typeof createApp>;
  let b: ReturnType<typeof createApp>;
  let groupA: number;
  beforeAll(async () => {
    db = await createTestDb();
    await seedAgencies(db, '38');
    expect(
      (
        await importProgrammeFile(
          db,
          csv((i) => `Nhiệm vụ số ${i}`),
          { now },
        )
      ).errors,
    ).toEqual([]);
    const config = testConfig();
    const { logger } = memoryLogger('silent');
    const replica = () =>
      createApp({
        config,
        db,
        logger,
        routers: createProgrammes({ db, config, logger, clock: () => now }).routers,
      });
    [a, b] = [replica(), replica()];
    const api = await request(a).get(`/api/programmes/${ID}`).expect(200);
    groupA = (api.body.groups as Array<{ id: number; title: string }>).find((g) => g.title === 'Nhóm A')!.id;
  });
  afterAll(() => db.close());

  it('when the programme has more items than a page, then the page shows 50 with links to the next and previous pages', async () => {
    const first = await request(a).get(`/tien-do/${ID}`).expect(200);
    expect(shown(first.text)).toEqual(range(0, 50));
    expect(first.text).toContain('Đang hiển thị 1–50 trong số 120 chỉ tiêu, nhiệm vụ');
    expect(first.text).toContain('Trang 1/3');
    expect(rel(first.text, 'prev')).toBeNull();
    expect(rel(first.text, 'next')).toBe(`/tien-do/${ID}?trang=2#danh-sach`);
    const second = await request(a).get(`/tien-do/${ID}?trang=2`).expect(200);
    expect(shown(second.text)).toEqual(range(50, 100));
    expect(rel(second.text, 'prev')).toBe(`/tien-do/${ID}#danh-sach`);
    const last = await request(a).get(`/tien-do/${ID}?trang=3`).expect(200);
    expect(shown(last.text)).toEqual(range(100, 120));
    expect(rel(last.text, 'next')).toBeNull();
    // Counts and the table by agency still cover every item.
    expect(last.text).toContain('Chậm tiến độ: 40');
    expect(last.text).toMatch(/Sở Y tế<\/a><\/td>\s*<td class="num">60<\/td>/);
  });

  it('when the list is filtered, then only matching items are counted and shown and the page links keep the filters', async () => {
    const form = (await request(a).get(`/tien-do/${ID}`).expect(200)).text;
    // A plain GET form: works without JavaScript.
    expect(form).toMatch(/<form method="get" action="\/tien-do\/ct-dai" class="filters">/);
    for (const name of ['nhom', 'trang-thai', 'co-quan']) expect(form).toContain(`<select name="${name}">`);
    const group = await request(a).get(`/tien-do/${ID}?nhom=${groupA}`).expect(200);
    expect(group.text).toContain('Đang hiển thị 1–50 trong số 70');
    expect(rel(group.text, 'next')).toBe(`/tien-do/${ID}?nhom=${groupA}&trang=2#danh-sach`);
    const next = await request(a).get(rel(group.text, 'next')!.replace(/#.*$/, '')).expect(200);
    expect(shown(next.text)).toEqual(range(50, 70));
    const late = await request(a).get(`/tien-do/${ID}?trang-thai=late&co-quan=so-xay-dung`).expect(200);
    const lateCodes = range(0, 120).filter((_, i) => i % 3 === 0 && i % 2 === 0);
    expect(shown(late.text)).toEqual(lateCodes);
    expect(late.text).toContain(`trong số ${lateCodes.length} chỉ tiêu`);
    expect(late.text).toContain('<option value="late" selected>');
    const none = await request(a).get(`/tien-do/${ID}?trang=9`).expect(200);
    expect(shown(none.text)).toEqual([]);
    expect(none.text).toContain('Không có chỉ tiêu, nhiệm vụ nào khớp');
  });

  it('when the API is paged, then each page carries the total and the next address, and the pages add up to the whole list', async () => {
    const whole = await request(a).get(`/api/programmes/${ID}`).expect(200);
    // Without paging parameters the answer is the whole programme, as before.
    expect(whole.body.items).toHaveLength(120);
    expect(whole.body).not.toHaveProperty('page');
    const codes: string[] = [];
    let next: string | null = `/api/programmes/${ID}?limit=50`;
    while (next) {
      const r = await request(a).get(next).expect(200);
      expect(r.body.page).toMatchObject({ total: 120, limit: 50, offset: codes.length });
      codes.push(...(r.body.items as Array<{ code: string }>).map((i) => i.code));
      next = r.body.page.next as string | null;
    }
    expect(codes).toEqual((whole.body.items as Array<{ code: string }>).map((i) => i.code));
    const late = await request(a).get(`/api/programmes/${ID}?status=late&limit=5`).expect(200);
    expect(late.body.page).toMatchObject({ total: 40, offset: 0, limit: 5 });
    expect(late.body.counts.late).toBe(40);
    const bad = await request(a).get(`/api/programmes/${ID}?limit=0&status=chua-xong`).expect(400);
    expect(bad.body.error).toMatchObject({
      code: 'validation_failed',
      details: { fields: ['limit', 'status'] },
    });
  });

  it('when a report or an import lands through another replica, then this replica shows it on its next request', async () => {
    const item = code(1);
    const row = (html: string) => html.slice(html.indexOf(`/tien-do/nhiem-vu/${item}"`)).split('</tr>')[0]!;
    expect(row((await request(b).get(`/tien-do/${ID}`).expect(200)).text)).toContain('Chưa có báo cáo');
    const before = await request(b).get(`/api/programmes/${ID}?limit=5`).expect(200);
    expect(before.body.items[1]).toMatchObject({ code: item, status: 'not_started', progress: null });
    // Replica a (or the import CLI) writes to the database: b's cached page and JSON must not survive it.
    await insertPortalReport(db, {
      code: item,
      reportedOn: '2026-11-30',
      agencyId: 'so-y-te',
      percent: 35,
      value: null,
      note: 'Đã khởi công',
      userId: '00000000-0000-4000-8000-000000000001',
    });
    const page = (await request(b).get(`/tien-do/${ID}`).expect(200)).text;
    expect(row(page)).toContain('35 %');
    expect(row(page)).toContain('30/11/2026');
    const after = await request(b).get(`/api/programmes/${ID}?limit=5`).expect(200);
    expect(after.body.items[1]).toMatchObject({ code: item, status: 'on_track', progress: 35 });
    expect((await request(b).get('/api/programmes').expect(200)).body[0].counts.on_track).toBe(1);
    await importProgrammeFile(
      db,
      csv((i) => `Nhiệm vụ đã đổi tên ${i}`),
      { now },
    );
    expect((await request(b).get(`/tien-do/${ID}`).expect(200)).text).toContain('Nhiệm vụ đã đổi tên 0');
    expect((await request(b).get(`/tien-do/${ID}/du-lieu.json`).expect(200)).body.items[0].title).toBe(
      'Nhiệm vụ đã đổi tên 0',
    );
  });
});
