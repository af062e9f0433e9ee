import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import type { Database } from '../src/db/database';
import { importProgrammeFile } from '../src/programmes/import/import.service';
import { createProgrammes } from '../src/programmes/programmes.module';
import { seedReferenceData } from '../src/tickets/tickets.module';
import { since, summarize, type LatencySummary } from './stats';

/** Latency of one programme route over the big programme. */
export interface ProgrammeRoute {
  path: string;
  bytes: number;
  latency: LatencySummary;
}

/** The programmes section: a programme of `items` items with `reports` reports, its pages and API timed. */
export interface ProgrammesSection {
  items: number;
  reports: number;
  requests: number;
  importSeconds: number;
  routes: ProgrammeRoute[];
}

const PROGRAMME = 'bench-ct';
const LEADS = ['so-xay-dung', 'so-tai-chinh', 'so-y-te', 'so-noi-vu', 'so-cong-thuong'];

// One CSV row per item (the real import path), ten groups, half targets and half tasks, deadlines spread over
// 2025–2030 so every status occurs.
function programmeCsv(items: number): Buffer {
  const head =
    'programme,programme_id,document,group,code,kind,title,lead_agency,coordinating_agencies,start,deadline,unit,baseline,target,budget,product';
  const rows = Array.from({ length: items }, (_, i) => {
    const target = i % 2 === 0;
    const year = 2025 + (i % 6);
    return [
      'Chương trình hành động đo hiệu năng',
      PROGRAMME,
      '58-NQ/TW',
      `Nhóm nhiệm vụ ${1 + (i % 10)}`,
      `BENCH-${String(i).padStart(4, '0')}`,
      target ? 'target' : 'task',
      `"${target ? 'Chỉ tiêu' : 'Nhiệm vụ'} số ${i} về hạ tầng, chuyển đổi số và cải cách hành chính"`,
      LEADS[i % LEADS.length],
      '',
      '2025-01-01',
      `${year}-12-31`,
      target ? '%' : '',
      target ? '10' : '',
      target ? '80' : '',
      '',
      '',
    ].join(',');
  });
  return Buffer.from([head, ...rows].join('\n'));
}

// Reports are setup, not what is measured: one INSERT … SELECT spreads them over the items and the past 600 days.
async function addReports(db: Database, items: number, reports: number): Promise<void> {
  await db.query(
    `INSERT INTO programme_reports (item_code, reported_on, agency_id, percent, note, source)
     SELECT 'BENCH-' || lpad((n % $1)::text, 4, '0'), current_date - (n % 600), i.lead_agency_id,
            least(100, (n / $1) * 10 + n % 7), 'Báo cáo ' || n, 'portal'
     FROM generate_series(0, $2 - 1) AS n
     JOIN programme_items i ON i.code = 'BENCH-' || lpad((n % $1)::text, 4, '0')`,
    [items, reports],
  );
}

/** How the bench names a route timed right after a new report each time (the cached bodies are stale then). */
const AFTER_REPORT = '(after a report)';

async function addReport(db: Database, code: string): Promise<void> {
  await db.query(
    `INSERT INTO programme_reports (item_code, reported_on, agency_id, percent, note, source)
     VALUES ($1, current_date, 'so-xay-dung', 50, 'Báo cáo mới', 'portal')`,
    [code],
  );
}

async function time(
  url: string,
  requests: number,
  before: () => Promise<void> = async () => {},
): Promise<{ bytes: number; latency: LatencySummary }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests + 3; i++) {
    await before();
    const start = performance.now();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    // The first requests warm the JIT and the plan cache.
    if (i >= 3) samples.push(since(start));
    bytes = body.byteLength;
  }
  return { bytes, latency: summarize(samples) };
}

/** Imports the big programme into `db`, serves the programme routes on loopback and times each route. */
export async function benchProgrammes(
  db: Database,
  size: { items: number; reports: number; requests: number },
  log: (l: string) => void,
): Promise<ProgrammesSection> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const logger = pino({ level: 'silent' });
  await seedReferenceData(db, config);
  const start = performance.now();
  const imported = await importProgrammeFile(db, programmeCsv(size.items));
  if (imported.errors.length) throw new Error(`bench import: ${imported.errors[0]!.reason}`);
  const importSeconds = since(start) / 1000;
  await addReports(db, size.items, size.reports);
  const programmes = createProgrammes({ db, config, logger });
  const app = createApp({ config, db, logger, routers: programmes.routers });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An item from the middle of the programme, whatever its size (the quick run has 100 items).
  const item = `BENCH-${String(Math.floor(size.items / 2)).padStart(4, '0')}`;
  const paths = [
    '/tien-do',
    `/tien-do/${PROGRAMME}`,
    '/api/programmes',
    `/api/programmes/${PROGRAMME}`,
    `/tien-do/nhiem-vu/${item}`,
    `/api/programme-items/${item}`,
    `/tien-do/${PROGRAMME}?trang=10`,
    `/api/programmes/${PROGRAMME}?limit=50&offset=500`,
  ];
  // The same two pages when every request follows a new report: what the first reader after a change waits for.
  let n = size.reports;
  const report = () => addReport(db, `BENCH-${String(n++ % size.items).padStart(4, '0')}`);
  const afterReport = [`/tien-do/${PROGRAMME}`, `/api/programmes/${PROGRAMME}`];
  const runs = [
    ...paths.map((path) => ({ path, label: path, before: undefined })),
    ...afterReport.map((path) => ({ path, label: `${path} ${AFTER_REPORT}`, before: report })),
  ];
  const routes: ProgrammeRoute[] = [];
  try {
    for (const { path, label, before } of runs) {
      const r = await time(`${base}${path}`, size.requests, before);
      routes.push({ path: label, ...r });
      log(`  ${label}: p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms (${Math.round(r.bytes / 1024)} KiB)`);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return { ...size, importSeconds: Math.round(importSeconds * 100) / 100, routes };
}
