import type { TargetResults } from './bench.run';
import type { ProgrammesSection } from './programmes.bench';
import type { BenchResults } from './report';

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

function turnsTable(r: TargetResults): string[] {
  if (!r.turns || r.turns.levels.length === 0) return [];
  const replicas = r.turns.replicas;
  return [
    row([
      'conversations',
      'QA turns/s',
      'echo turns/s',
      'hello req/s',
      'QA ÷ echo',
      'echo ÷ hello',
      'QA p50/p95/p99 ms',
      'echo p50/p95/p99 ms',
      'hello p99 ms',
      ...(replicas
        ? [`QA × ${replicas} replicas turns/s`, `× ${replicas} p50/p95/p99 ms`, `${replicas} ÷ 1`]
        : []),
    ]),
    row(Array(replicas ? 12 : 9).fill('---')),
    ...r.turns.levels.map((l) =>
      row([
        l.concurrency,
        l.qa.throughput,
        l.echo.throughput,
        l.hello.throughput,
        l.qaOverEchoThroughput,
        l.echoOverHelloThroughput,
        `${l.qa.latency.p50} / ${l.qa.latency.p95} / ${l.qa.latency.p99}`,
        `${l.echo.latency.p50} / ${l.echo.latency.p95} / ${l.echo.latency.p99}`,
        l.hello.latency.p99,
        ...(l.qaReplicas
          ? [
              l.qaReplicas.throughput,
              `${l.qaReplicas.latency.p50} / ${l.qaReplicas.latency.p95} / ${l.qaReplicas.latency.p99}`,
              l.replicasOverOne ?? '',
            ]
          : []),
      ]),
    ),
    '',
  ];
}

function zaloTurnsTable(r: TargetResults): string[] {
  const levels = r.zaloTurns?.levels ?? [];
  if (levels.length === 0) return [];
  const lat = (f: { latency: { p50: number; p95: number; p99: number } }) =>
    `${f.latency.p50} / ${f.latency.p95} / ${f.latency.p99}`;
  return [
    '**Zalo turns against Direct Line turns** (same server, same questions, closed loop, back to back; Zalo: signed webhook → turn → the answer sent to the fake OA API; Direct Line: POST → the answer on the stream)',
    '',
    row([
      'conversations',
      'Zalo turns/s',
      'Direct Line turns/s',
      'Zalo ÷ Direct Line',
      'Zalo p50/p95/p99 ms',
      'Direct Line p50/p95/p99 ms',
      'errors (Zalo, DL)',
    ]),
    row(Array(7).fill('---')),
    ...levels.map((l) =>
      row([
        l.concurrency,
        l.zalo.throughput,
        l.directLine.throughput,
        l.zaloOverDirectLine,
        lat(l.zalo),
        lat(l.directLine),
        `${l.zalo.errors}, ${l.directLine.errors}`,
      ]),
    ),
    '',
  ];
}

function capacityTable(r: TargetResults): string[] {
  const c = r.turns?.capacity;
  if (!c) return [];
  const runs: Array<[string, typeof c.qa]> = [['one server', c.qa]];
  if (c.qaReplicas) runs.push([`${r.turns?.replicas} replicas, round-robin`, c.qaReplicas]);
  return [
    `**Capacity at p99 ≤ ${c.qa.objectiveP99Ms} ms** (open loop: QA turns offered at a fixed rate, stepped up until the p99 of the answer passes the objective; latency counted from when a turn was due)`,
    '',
    row(['QA server', 'capacity turns/s', 'steps: offered → achieved turns/s, p99 ms']),
    row(['---', '---', '---']),
    ...runs.map(([name, f]) =>
      row([
        name,
        f.turnsPerSecond,
        f.steps
          .map(
            (s) =>
              `${s.offeredPerSecond} → ${s.achievedPerSecond}, ${s.latency.p99}${s.errors ? ` (${s.errors} errors)` : ''}`,
          )
          .join('; '),
      ]),
    ),
    ...(c.replicasOverOne !== undefined
      ? ['', `**${r.turns?.replicas} replicas ÷ one: ${c.replicasOverOne}**`]
      : []),
    '',
  ];
}

function profileLines(r: TargetResults): string[] {
  if (!r.turns) return [];
  const { echo, qa, concurrency } = r.turns.profiles;
  if (!echo || !qa) return [];
  const areas = [...new Set([...qa.areas, ...echo.areas].map((a) => a.area))];
  const shareOf = (p: typeof qa, area: string) => p.areas.find((a) => a.area === area)?.share ?? 0;
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  return [
    `**Where the server CPU went** (an extra, profiled run at ${concurrency} conversations; share of non-idle samples; echo sampled ${echo.sampledMs} ms, QA ${qa.sampledMs} ms)`,
    '',
    row(['area', 'echo server', 'QA server']),
    row(['---', '---', '---']),
    ...areas
      .sort((a, b) => shareOf(qa, b) - shareOf(qa, a))
      .map((a) => row([a, pct(shareOf(echo, a)), pct(shareOf(qa, a))])),
    '',
    `Heaviest functions on the QA server (self time): ${qa.top
      .slice(0, 8)
      .map((f) => `${f.fn} (${f.where}) ${pct(f.share)}`)
      .join('; ')}.`,
    '',
  ];
}

/** Every build of every size, when a run measured more than one (`--hnsw`). */
function buildsTable(r: TargetResults): string[] {
  if (!r.retrieval.some((s) => s.builds.length > 1)) return [];
  const efs = r.retrieval[0]?.hnsw.map((h) => h.efSearch) ?? [];
  return [
    '**HNSW builds** (recall@10 against the exact scan; ✓ = recall ≥ 0.95 with p99 < 50 ms)',
    '',
    row([
      'chunks',
      'm',
      'ef_construction',
      'build s',
      ...efs.map((e) => `ef_search ${e}: p99 ms, recall@10`),
    ]),
    row(Array(4 + efs.length).fill('---')),
    ...r.retrieval.flatMap((s) =>
      s.builds.map((b) =>
        row([
          s.size,
          b.m,
          b.efConstruction,
          b.indexSeconds,
          ...b.hnsw.map((h) => `${h.latency.p99}, ${h.recallAt10}${h.efSearch === b.meets ? ' ✓' : ''}`),
        ]),
      ),
    ),
    '',
  ];
}

function retrievalTable(r: TargetResults): string[] {
  if (r.retrieval.length === 0) return [];
  const efs = r.retrieval[0]?.hnsw.map((h) => h.efSearch) ?? [];
  return [
    '**Retrieval alone** (the vector half of the hybrid query; exact = index scans off)',
    '',
    row([
      'chunks',
      'load chunks/s',
      'index build s',
      'exact p50/p99 ms',
      ...efs.map((e) => `HNSW ef=${e} p50/p99 ms, recall@10`),
      'exact ÷ HNSW p50',
    ]),
    row(Array(5 + efs.length).fill('---')),
    ...r.retrieval.map((s) =>
      row([
        s.size,
        s.loadChunksPerSecond,
        s.indexSeconds,
        `${s.exact.p50} / ${s.exact.p99}`,
        ...s.hnsw.map((h) => `${h.latency.p50} / ${h.latency.p99}, ${h.recallAt10}`),
        s.exactOverHnswP50,
      ]),
    ),
    '',
    ...buildsTable(r),
  ];
}

/** The programmes section: latency of the public pages and the API over the big programme. */
export function programmesLines(p: ProgrammesSection): string[] {
  return [
    `**Action programmes**: one programme of ${p.items} items with ${p.reports} reports (imported through the real import path in ${p.importSeconds} s); ${p.requests} sequential requests per route on loopback.`,
    '',
    row(['route', 'p50 / p95 / p99 ms', 'max ms', 'KiB']),
    row(['---', '---', '---', '---']),
    ...p.routes.map((r) =>
      row([
        `\`${r.path}\``,
        `${r.latency.p50} / ${r.latency.p95} / ${r.latency.p99}`,
        r.latency.max,
        Math.round(r.bytes / 1024),
      ]),
    ),
    '',
  ];
}

function channelLines(r: TargetResults): string[] {
  const out: string[] = [];
  if (r.tickets)
    out.push(
      `**Tickets**: ${r.tickets.throughput} tickets/s at ${r.tickets.concurrency} clients (p50 ${r.tickets.latency.p50} ms, p99 ${r.tickets.latency.p99} ms, ${r.tickets.count} created, ${r.tickets.errors} errors) via ${r.tickets.path}.`,
      '',
    );
  if (r.zalo)
    out.push(
      `**Zalo webhook**: ${r.zalo.sent} signed events at ${r.zalo.ratePerSecond}/s: ack p50 ${r.zalo.ack.p50} ms, p99 ${r.zalo.ack.p99} ms, ${r.zalo.errors} errors; ${r.zalo.repliesDelivered} replies had reached the fake OA API when the section ended.`,
      '',
    );
  if (r.ingest)
    out.push(
      `**Ingestion** (real ingest service): ${r.ingest.chunks} chunks from ${r.ingest.documents} documents in ${r.ingest.seconds} s = ${r.ingest.chunksPerSecond} chunks/s; RSS ${r.ingest.baselineRssMb} MB before, peak ${r.ingest.peakRssMb} MB.`,
      '',
    );
  return out;
}

function targetSection(r: TargetResults): string[] {
  const explain = r.retrieval.at(-1)?.explain;
  return [
    `### ${r.driver === 'pglite' ? 'Embedded PGlite' : 'Postgres server (DATABASE_URL)'}`,
    '',
    ...(r.corpus
      ? [
          `QA corpus: ${r.corpus.documents} documents, ${r.corpus.chunks} chunks; ${r.corpus.questions} real questions answered from sources.`,
          '',
        ]
      : []),
    ...(r.turns?.levels.length
      ? [
          '**Turns over Direct Line** (closed loop; answer latency: POST of the question → the answer on the WebSocket stream)',
          '',
        ]
      : []),
    ...turnsTable(r),
    ...capacityTable(r),
    ...zaloTurnsTable(r),
    ...profileLines(r),
    ...channelLines(r),
    ...retrievalTable(r),
    ...(explain
      ? [
          '<details><summary>EXPLAIN ANALYZE at the largest size</summary>',
          '',
          '```',
          explain.exact,
          '',
          explain.hnsw,
          '```',
          '',
          '</details>',
          '',
        ]
      : []),
    ...(r.programmes ? programmesLines(r.programmes) : []),
  ];
}

function comparisonLines(b: BenchResults): string[] {
  const c = b.comparison;
  const n = c.replicas ?? 2;
  const has = (x: number | undefined) => x !== undefined;
  if (
    !c.levels.some((l) => has(l.serverOverEmbedded) || has(l.replicasOverOne)) &&
    !has(c.capacity.serverOverEmbedded) &&
    !has(c.capacity.replicasOverOne)
  )
    return [];
  const cell = (x: number | undefined) => (x === undefined ? '–' : String(x));
  return [
    '## Side by side (QA turns, ratios of this run)',
    '',
    row(['figure', 'server ÷ embedded', `${n} replicas ÷ one`]),
    row(['---', '---', '---']),
    ...c.levels.map((l) =>
      row([
        `turns/s at ${l.concurrency} conversations (closed loop)`,
        cell(l.serverOverEmbedded),
        cell(l.replicasOverOne),
      ]),
    ),
    row([
      'capacity at the p99 objective (open loop)',
      cell(c.capacity.serverOverEmbedded),
      cell(c.capacity.replicasOverOne),
    ]),
    '',
  ];
}

/** The Markdown summary written beside the JSON and printed at the end of a run. */
export function renderMarkdown(b: BenchResults): string {
  const m = b.machine;
  return [
    `# Benchmark ${b.date}${b.options.quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${m.cores} cores, ${m.cpuModel}, ${m.totalMemoryMb} MB; Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' ')}. Run took ${b.durationSeconds} s.`,
    '',
    ...b.notes.map((n) => `- ${n}`),
    '',
    '## Targets',
    '',
    row(['target', 'wanted', 'measured', 'met']),
    row(['---', '---', '---', '---']),
    ...b.targets.map((t) => row([t.name, t.target, t.measured, t.met ? 'yes' : 'no'])),
    '',
    ...comparisonLines(b),
    ...b.results.flatMap(targetSection),
  ].join('\n');
}
