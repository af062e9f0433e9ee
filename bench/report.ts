import os from 'node:os';
import type { BenchOptions } from './bench.options';
import type { TargetResults } from './bench.run';
import type { ProgrammesSection } from './programmes.bench';
import { ratio } from './stats';
import type { TurnsSection } from './turns.bench';

/** The machine a run was measured on (figures mean little without it). */
export interface Machine {
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  loadAverageAtStart: number[];
}

/** One target of issue 8 and whether this run met it. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

/** The whole results file. */
export interface BenchResults {
  date: string;
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  options: Omit<BenchOptions, 'out'>;
  sharedData: boolean;
  notes: string[];
  results: TargetResults[];
  /** The side-by-side ratios of the run (server ÷ embedded, two replicas ÷ one). */
  comparison: Comparison;
  targets: TargetCheck[];
}

/** Ratios of figures measured in the same run. */
export interface Comparison {
  /** Per concurrency: QA turns/s on the server ÷ embedded, and across the replicas ÷ one replica. */
  levels: Array<{ concurrency: number; serverOverEmbedded?: number; replicasOverOne?: number }>;
  /** Open-loop capacity at the p99 objective: the same two ratios. */
  capacity: { serverOverEmbedded?: number; replicasOverOne?: number };
  replicas?: number;
}

/** Server ÷ embedded and replicas ÷ one from the targets of one run. */
export function compareTargets(results: readonly TargetResults[]): Comparison {
  const embedded = results.find((r) => r.driver === 'pglite')?.turns;
  const server = results.find((r) => r.driver === 'pg')?.turns;
  const levels = (embedded ?? server)?.levels ?? [];
  const tps = (t: TurnsSection | undefined, c: number) =>
    t?.levels.find((l) => l.concurrency === c)?.qa.throughput;
  const over = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? ratio(a, b) : undefined;
  const capE = embedded?.capacity?.qa.turnsPerSecond;
  const capS = server?.capacity?.qa.turnsPerSecond;
  return {
    levels: levels.map((l) => ({
      concurrency: l.concurrency,
      serverOverEmbedded: over(tps(server, l.concurrency), tps(embedded, l.concurrency)),
      replicasOverOne: server?.levels.find((x) => x.concurrency === l.concurrency)?.replicasOverOne,
    })),
    capacity: { serverOverEmbedded: over(capS, capE), replicasOverOne: server?.capacity?.replicasOverOne },
    ...(server?.replicas ? { replicas: server.replicas } : {}),
  };
}

/** Core count, CPU model, Node version: measured now. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    totalMemoryMb: Math.round(os.totalmem() / 1048576),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Issue 8's targets, checked on the embedded database (the one the targets are set for). */
export function checkTargets(r: TargetResults | undefined): TargetCheck[] {
  if (!r) return [];
  const top = r.turns?.levels.at(-1);
  const big = r.retrieval.at(-1);
  const checks: TargetCheck[] = [];
  if (top) {
    checks.push({
      name: `QA turn p99 at ${top.concurrency} conversations (${r.driver})`,
      target: top.concurrency === 32 ? '< 150 ms at 32' : '< 150 ms at 32 (run had fewer)',
      measured: `${top.qa.latency.p99} ms`,
      met: top.concurrency >= 32 && top.qa.latency.p99 < 150,
    });
    checks.push({
      name: `QA ÷ echo throughput at ${top.concurrency} conversations`,
      target: '≥ 0.25',
      measured: String(top.qaOverEchoThroughput),
      met: top.qaOverEchoThroughput >= 0.25,
    });
  }
  if (big && big.hnsw[0]) {
    const dflt = big.hnsw[0];
    const good = big.hnsw.find((h) => h.recallAt10 >= 0.95 && h.latency.p99 < 50);
    checks.push({
      name: `HNSW recall@10 and p99 at ${big.size} chunks (ef_search ${dflt.efSearch}, the default)`,
      target:
        big.size >= 100_000
          ? '≥ 0.95 with p99 < 50 ms at 100k'
          : '≥ 0.95, p99 < 50 ms at 100k (run was smaller)',
      measured: `${dflt.recallAt10}, p99 ${dflt.latency.p99} ms${good ? ` (met at ef_search ${good.efSearch}: ${good.recallAt10}, p99 ${good.latency.p99} ms)` : ''}`,
      met: big.size >= 100_000 && dflt.recallAt10 >= 0.95 && dflt.latency.p99 < 50,
    });
  }
  const zalo = r.zaloTurns?.levels.at(-1);
  if (zalo)
    checks.push({
      name: `Zalo ÷ Direct Line turns/s at ${zalo.concurrency} conversations, same server, same questions`,
      target: '≥ 0.8',
      measured: String(zalo.zaloOverDirectLine),
      met: zalo.zaloOverDirectLine >= 0.8,
    });
  if (r.programmes) checks.push(...programmeChecks(r.programmes, r.driver));
  return checks;
}

/** Issue 16's target: `/tien-do` and the API under 200 ms p95 over 1,000 items and 10,000 reports. */
export function programmeChecks(p: ProgrammesSection, driver: string): TargetCheck[] {
  const full = p.items >= 1_000 && p.reports >= 10_000;
  return (
    p.routes
      // The whole programme's page and JSON, as existing callers read them (the other routes are for comparison).
      .filter((r) => r.path === '/tien-do/bench-ct' || r.path === '/api/programmes/bench-ct')
      .map((r) => ({
        name: `${r.path} p95 over ${p.items} items, ${p.reports} reports (${driver})`,
        target: full ? '< 200 ms' : '< 200 ms at 1,000 items, 10,000 reports (run was smaller)',
        measured: `${r.latency.p95} ms`,
        met: full && r.latency.p95 < 200,
      }))
  );
}
