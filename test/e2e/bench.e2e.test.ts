import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchResults } from '../../bench/report';
import type { LatencySummary } from '../../bench/stats';

const ROOT = path.resolve(__dirname, '../..');
const BENCH_JS = path.join(ROOT, 'dist/bench/bench.cli.js');

function runBench(out: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    // No DATABASE_URL: the embedded database only, whatever the developer's shell has. Started from another
    // folder: the bench finds the project (and ../shared) from its own location.
    const child = spawn(process.execPath, [BENCH_JS, '--quick', '--out', out], {
      cwd: out,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => resolve({ code, log }));
  });
}

function expectSane(l: LatencySummary): void {
  expect(l.count).toBeGreaterThan(0);
  expect(l.p50).toBeGreaterThan(0);
  expect(l.p50).toBeLessThanOrEqual(l.p95);
  expect(l.p95).toBeLessThanOrEqual(l.p99);
  expect(l.p99).toBeLessThanOrEqual(l.max);
}

describe('npm run bench -- --quick (real processes, loopback)', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-bench-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('when the quick bench runs, then it writes a JSON with every section and a Markdown summary', async () => {
    const run = await runBench(out);
    expect({ code: run.code, log: run.code === 0 ? '' : run.log }).toEqual({ code: 0, log: '' });
    const files = (await readdir(out)).sort();
    expect(files).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/\.md$/),
    ]);
    const bench = JSON.parse(await readFile(path.join(out, files[0]!), 'utf8')) as BenchResults;
    expect(bench.machine.cores).toBeGreaterThan(0);
    expect(bench.results.map((r) => r.driver)).toEqual(['pglite']);
    expect(bench.sharedData).toBe(existsSync(path.join(ROOT, '..', 'shared', 'eval')));
    const r = bench.results[0]!;
    const turns = r.turns!;
    expect(turns.levels.length).toBeGreaterThan(0);
    for (const level of turns.levels) {
      for (const run of [level.hello, level.echo, level.qa]) {
        expectSane(run.latency);
        expect(run.throughput).toBeGreaterThan(0);
      }
      expect(level.qaOverEchoThroughput).toBeGreaterThan(0);
    }
    expect(turns.profiles.qa?.sampledMs).toBeGreaterThan(0);
    const capacity = turns.capacity!.qa;
    expect(capacity.objectiveP99Ms).toBe(500);
    expect(capacity.steps.length).toBeGreaterThan(0);
    for (const step of capacity.steps) {
      expect(step.sent).toBeGreaterThan(0);
      expect(step.met).toBe(step.latency.p99 <= 500 && step.errors <= step.sent / 100);
    }
    // Capacity is the last offered rate of an unbroken run of steps that met the objective.
    const met = capacity.steps.filter((s) => s.met);
    expect(capacity.turnsPerSecond).toBe(met.at(-1)?.offeredPerSecond ?? 0);
    // Zalo turns end to end beside Direct Line turns on the same server, with the ratio of the two.
    for (const level of r.zaloTurns!.levels) {
      for (const run of [level.zalo, level.directLine]) {
        expectSane(run.latency);
        expect(run.throughput).toBeGreaterThan(0);
      }
      expect(level.zaloOverDirectLine).toBe(
        Math.round((level.zalo.throughput / level.directLine.throughput) * 1000) / 1000,
      );
    }
    const { tickets, zalo, ingest } = r;
    expectSane(tickets!.latency);
    expect(zalo!.sent).toBeGreaterThan(0);
    expectSane(zalo!.ack);
    expect(ingest!.chunks).toBeGreaterThan(0);
    expect(ingest!.peakRssMb).toBeGreaterThanOrEqual(ingest!.baselineRssMb);
    expect(r.retrieval.length).toBeGreaterThan(0);
    for (const size of r.retrieval) {
      expectSane(size.exact);
      for (const h of size.hnsw) {
        expectSane(h.latency);
        expect(h.recallAt10).toBeGreaterThanOrEqual(0);
        expect(h.recallAt10).toBeLessThanOrEqual(1);
      }
    }
    // Three turn and retrieval targets, the Zalo ÷ Direct Line one, then one per programme route held to 200 ms.
    expect(bench.targets).toHaveLength(6);
    expect(bench.targets[3]!.target).toBe('≥ 0.8');
    expect(bench.targets.slice(4).map((t) => t.name.split(' ')[0])).toEqual([
      '/tien-do/bench-ct',
      '/api/programmes/bench-ct',
    ]);
    const markdown = await readFile(path.join(out, files[1]!), 'utf8');
    expect(markdown).toContain(`${bench.machine.cores} cores`);
    expect(run.log).toContain('## Targets');
  }, 240_000);
});
