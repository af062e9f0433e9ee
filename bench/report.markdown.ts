import type { TargetResults } from './bench.run';
import type { ProgrammesSection } from './programmes.bench';
import type { BenchResults } from './report';

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

function turnsTable(r: TargetResults): string[] {
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
    ]),
    row(Array(9).fill('---')),
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
      ]),
    ),
  ];
}

function profileLines(r: TargetResults): string[] {
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

function retrievalTable(r: TargetResults): string[] {
  const efs = r.retrieval[0]?.hnsw.map((h) => h.efSearch) ?? [];
  return [
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

function targetSection(r: TargetResults): string[] {
  const explain = r.retrieval.at(-1)?.explain;
  return [
    `### ${r.driver === 'pglite' ? 'Embedded PGlite' : 'Postgres server (DATABASE_URL)'}`,
    '',
    `QA corpus: ${r.corpus.documents} documents, ${r.corpus.chunks} chunks; ${r.corpus.questions} real questions answered from sources.`,
    '',
    '**Turns over Direct Line** (answer latency: POST of the question → the answer on the WebSocket stream)',
    '',
    ...turnsTable(r),
    '',
    ...profileLines(r),
    `**Tickets**: ${r.tickets.throughput} tickets/s at ${r.tickets.concurrency} clients (p50 ${r.tickets.latency.p50} ms, p99 ${r.tickets.latency.p99} ms, ${r.tickets.count} created, ${r.tickets.errors} errors) via ${r.tickets.path}.`,
    '',
    `**Zalo webhook**: ${r.zalo.sent} signed events at ${r.zalo.ratePerSecond}/s: ack p50 ${r.zalo.ack.p50} ms, p99 ${r.zalo.ack.p99} ms, ${r.zalo.errors} errors; ${r.zalo.repliesDelivered} replies had reached the fake OA API when the section ended.`,
    '',
    `**Ingestion** (real ingest service): ${r.ingest.chunks} chunks from ${r.ingest.documents} documents in ${r.ingest.seconds} s = ${r.ingest.chunksPerSecond} chunks/s; RSS ${r.ingest.baselineRssMb} MB before, peak ${r.ingest.peakRssMb} MB.`,
    '',
    '**Retrieval alone** (the vector half of the hybrid query; exact = index scans off)',
    '',
    ...retrievalTable(r),
    '',
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
    ...programmesLines(r.programmes),
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
    ...b.results.flatMap(targetSection),
  ].join('\n');
}
