import writeExcelFile from 'write-excel-file/node';
import type { Database } from '../../../src/db/database';
import { importProgrammeFile } from '../../../src/programmes/import/import.service';
import { seedAgencies } from '../../../src/tickets/seed.repository';
import { createTestDb } from '../../helpers/db';

const HEADER =
  'programme,document,group,code,kind,title,lead_agency,coordinating_agencies,deadline,unit,baseline,target,budget,product,report_date,progress_percent,progress_value,report_note';
const now = new Date('2026-06-15T03:00:00Z');

const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'), 'utf8');
const GOOD = [
  'CT thử nghiệm,58-NQ/TW,Khâu đột phá 1,T-1,task,Hoàn thiện hạ tầng giao thông,Sở Xây dựng,so-tai-chinh; Sở Nông nghiệp và Môi trường,31/12/2026,,,,100 tỷ đồng,Tuyến đường hoàn thành,2026-06-01,40,,Đã khởi công',
  'CT thử nghiệm,58-NQ/TW,Chỉ tiêu,T-2,chỉ tiêu,Tăng thu nội địa,so xay dung,,2026,%,10,"tối thiểu 15",,,2026-05-01,,"12,5",',
];

async function count(db: Database, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

describe('programme import', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
    await seedAgencies(db, '38');
  });
  afterAll(() => db.close());
  afterEach(() =>
    db.exec(`TRUNCATE programme_reports, programme_items, programme_groups, programmes CASCADE`),
  );

  it('when a CSV is imported, then programme, groups, items and reports are stored with agencies matched by id or name', async () => {
    const r = await importProgrammeFile(db, csv(...GOOD), { now });
    expect(r).toMatchObject({ items: 2, added: 2, updated: 0, reports: 2, errors: [] });
    expect(r.programmes).toEqual([{ id: 'ct-thu-nghiem', title: 'CT thử nghiệm' }]);
    const items = await db.query(
      `SELECT code, kind, lead_agency_id, coordinating_agency_ids, deadline::text, target_value::float8 AS tv,
              baseline_value::float8 AS bv FROM programme_items ORDER BY code`,
    );
    expect(items.rows).toEqual([
      expect.objectContaining({
        code: 'T-1',
        kind: 'task',
        lead_agency_id: 'so-xay-dung',
        coordinating_agency_ids: ['so-tai-chinh', 'so-nong-nghiep-moi-truong'],
        deadline: '2026-12-31',
      }),
      expect.objectContaining({ code: 'T-2', kind: 'target', lead_agency_id: 'so-xay-dung', tv: 15, bv: 10 }),
    ]);
    const reports = await db.query(
      `SELECT item_code, value::float8 AS v FROM programme_reports ORDER BY item_code`,
    );
    expect(reports.rows).toEqual([
      { item_code: 'T-1', v: null },
      { item_code: 'T-2', v: 12.5 },
    ]);
  });

  it('when the same file is imported twice, then nothing is duplicated and the second run only updates', async () => {
    await importProgrammeFile(db, csv(...GOOD), { now });
    const again = await importProgrammeFile(db, csv(...GOOD), { now });
    expect(again).toMatchObject({ added: 0, updated: 2, reports: 0 });
    expect(await count(db, 'programme_items')).toBe(2);
    expect(await count(db, 'programme_reports')).toBe(2);
    expect(await count(db, 'programme_groups')).toBe(2);
  });

  it('when a later file carries a new report for a code, then the report is appended and the item updated', async () => {
    await importProgrammeFile(db, csv(...GOOD), { now });
    const next = GOOD[0]!
      .replace('2026-06-01,40,,Đã khởi công', '2026-06-10,55,,Thi công')
      .replace('Hoàn thiện hạ tầng giao thông', 'Hoàn thiện hạ tầng giao thông kết nối');
    const r = await importProgrammeFile(db, csv(next), { now });
    expect(r).toMatchObject({ added: 0, updated: 1, reports: 1 });
    expect(await count(db, 'programme_reports')).toBe(3);
    const t = await db.query<{ title: string }>(`SELECT title FROM programme_items WHERE code = 'T-1'`);
    expect(t.rows[0]!.title).toBe('Hoàn thiện hạ tầng giao thông kết nối');
  });

  it('when some rows are bad, then each is reported with its line and reason and the good rows are kept', async () => {
    const r = await importProgrammeFile(
      db,
      csv(
        GOOD[0]!,
        'CT thử nghiệm,,G,T-3,task,Nhiệm vụ lạ,Sở Không Tồn Tại,,2026-12-31,,,,,,,,,',
        'CT thử nghiệm,,G,T-4,project,Sai loại,,,,,,,,,,,,',
        'CT thử nghiệm,,G,T 5,task,Sai mã,,,,,,,,,,,,',
        'CT thử nghiệm,,G,T-6,task,Ngày sai,,,31/02/2026,,,,,,,,,',
        'CT thử nghiệm,,G,T-7,task,Tỷ lệ sai,,,,,,,,,2026-06-01,140,,',
        'CT thử nghiệm,,G,T-1,task,Trùng mã,,,,,,,,,,,,',
        'CT thử nghiệm,,G,T-8,task,Báo cáo tương lai,,,,,,,,,2026-07-01,10,,',
        ',,G,T-9,task,Thiếu chương trình,,,,,,,,,,,,',
      ),
      { now },
    );
    expect(r.items).toBe(1);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'T-3'],
      [4, 'T-4'],
      [5, 'T 5'],
      [6, 'T-6'],
      [7, 'T-7'],
      [8, 'T-1'],
      [9, 'T-8'],
      [10, 'T-9'],
    ]);
    expect(r.errors[0]!.reason).toContain('Sở Không Tồn Tại');
    expect(r.errors[3]!.reason).toContain('31/02/2026');
    expect(r.errors[5]!.reason).toContain('dòng 2');
    expect(r.errors[7]!.reason).toContain('programme');
    expect(await count(db, 'programme_items')).toBe(1);
  });

  it('when a code already belongs to another programme, then that row is refused', async () => {
    await importProgrammeFile(db, csv(GOOD[0]!), { now });
    const r = await importProgrammeFile(db, csv(GOOD[0]!.replace('CT thử nghiệm', 'CT khác')), { now });
    expect(r.items).toBe(0);
    expect(r.errors).toEqual([
      { line: 2, code: 'T-1', reason: expect.stringContaining('chương trình khác') },
    ]);
  });

  it('when a required column is missing, then the whole file is refused with the missing names', async () => {
    const bad = Buffer.from('programme,code,title\nA,B,C\n');
    await expect(importProgrammeFile(db, bad, { now })).rejects.toMatchObject({
      status: 400,
      code: 'import_missing_columns',
      message: expect.stringContaining('lead_agency'),
    });
    await expect(
      importProgrammeFile(db, Buffer.from('PK\u0003\u0004garbage'), { now }),
    ).rejects.toMatchObject({
      code: 'import_file_invalid',
    });
  });

  it('when an XLSX file is imported, then its rows (with real date and number cells) are stored like a CSV', async () => {
    const head = HEADER.split(',').map((value) => ({ value }));
    const row = (cells: Array<string | number | Date | null>) =>
      cells.map((value) =>
        value instanceof Date
          ? { value, type: Date, format: 'dd/mm/yyyy' }
          : typeof value === 'number'
            ? { value, type: Number }
            : { value: value ?? '' },
      );
    const bytes = await writeExcelFile([
      head,
      row([
        'CT bảng tính',
        '',
        'Nhóm A',
        'X-1',
        'task',
        'Số hóa hồ sơ',
        'Sở Khoa học và Công nghệ',
        '',
        new Date('2026-09-30T00:00:00Z'),
        '',
        '',
        '',
        '',
        '',
        new Date('2026-06-01T00:00:00Z'),
        25,
        null,
        'Đang triển khai',
      ]),
      row([
        'CT bảng tính',
        '',
        'Nhóm A',
        'X-2',
        'target',
        'Dịch vụ công trực tuyến',
        'Văn phòng UBND tỉnh',
        '',
        '2026',
        '%',
        '60',
        '90',
        '',
        '',
        '',
        null,
        null,
        '',
      ]),
      row([
        'CT bảng tính',
        '',
        'Nhóm A',
        'X-3',
        'task',
        'Cơ quan lạ',
        'Không có',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        null,
        null,
        '',
      ]),
    ]).toBuffer();
    const r = await importProgrammeFile(db, Buffer.from(bytes), { now });
    expect(r).toMatchObject({ items: 2, reports: 1 });
    expect(r.errors).toEqual([{ line: 4, code: 'X-3', reason: expect.stringContaining('Không có') }]);
    const x1 = await db.query<{ deadline: string; percent: number }>(
      `SELECT i.deadline::text AS deadline, r.percent::float8 AS percent
       FROM programme_items i JOIN programme_reports r ON r.item_code = i.code WHERE i.code = 'X-1'`,
    );
    expect(x1.rows).toEqual([{ deadline: '2026-09-30', percent: 25 }]);
  });

  it('when a report is edited or deleted in SQL, then the database refuses (reports are append-only)', async () => {
    await importProgrammeFile(db, csv(...GOOD), { now });
    await expect(db.query('UPDATE programme_reports SET percent = 99')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM programme_reports')).rejects.toThrow(/append-only/);
  });
});
