import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli, spawnServer } from '../helpers/process';

const IMPORT_JS = path.resolve(__dirname, '../../dist/src/programmes/import/import.cli.js');
const HEADER =
  'programme_id,programme,document,group,code,kind,title,lead_agency,coordinating_agencies,deadline,unit,baseline,target,budget,product,report_date,progress_percent,progress_value,report_note';

const runImport = (file: string, env: Record<string, string>) => runCli(IMPORT_JS, [file], env);

describe('npm run programmes:import (real processes)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-programmes-'));
    env = { DATA_DIR: path.join(dir, 'data') };
    await writeFile(
      path.join(dir, 'ct.csv'),
      [
        HEADER,
        'ct-1,Chương trình thử,,Nhóm 1,CT-1,task,Mở rộng đường tỉnh,Sở Xây dựng,,2030-12-31,,,,,,2026-01-10,10,,Khởi công',
        'ct-1,Chương trình thử,,Nhóm 1,CT-2,task,Nhiệm vụ lỗi,Sở Không Có,,2030-12-31,,,,,,,,,',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'ct2.csv'),
      [
        HEADER,
        'ct-1,Chương trình thử,,Nhóm 1,CT-1,task,Mở rộng đường tỉnh,Sở Xây dựng,,2030-12-31,,,,,,2026-02-10,35,,Thi công',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when no server runs, then the CLI imports into the embedded database, reports the bad row and is idempotent', async () => {
    const first = await runImport(path.join(dir, 'ct.csv'), env);
    expect(first.code).toBe(1);
    expect(first.out).toContain('dòng 3 (CT-2)');
    expect(first.out).toContain('Sở Không Có');
    expect(first.out).toContain('Đã nhập 1 dòng (1 mới, 0 cập nhật), 1 báo cáo tiến độ mới; 1 dòng lỗi.');
    const again = await runImport(path.join(dir, 'ct.csv'), env);
    expect(again.out).toContain('Đã nhập 1 dòng (0 mới, 1 cập nhật), 0 báo cáo tiến độ mới; 1 dòng lỗi.');
  }, 180_000);

  it('when the server holds the embedded database, then the CLI imports through it and the API shows the new report', async () => {
    const server = await spawnServer(env);
    try {
      const r = await runImport(path.join(dir, 'ct2.csv'), env);
      expect(r.out).toContain('Đã nhập 1 dòng (0 mới, 1 cập nhật), 1 báo cáo tiến độ mới; 0 dòng lỗi.');
      expect(r.code).toBe(0);
      const res = await fetch(`${server.url}/api/programmes/ct-1`);
      const body = (await res.json()) as {
        items: Array<{ code: string; progress: number; latest_report: { date: string } }>;
      };
      expect(body.items).toEqual([
        expect.objectContaining({
          code: 'CT-1',
          progress: 35,
          latest_report: expect.objectContaining({ date: '2026-02-10' }),
        }),
      ]);
      // A database that already had a programme gets no demo data.
      expect(server.output()).not.toContain('demo programme loaded');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
