import { randomBytes } from 'node:crypto';
import { openPg } from '../src/db/pg.driver';
import { openPGlite } from '../src/db/pglite.driver';
import { migrate } from '../src/db/migrate';
import type { Database } from '../src/db/database';
import { FakeZalo } from '../test/helpers/fake-zalo';
import type { ChildSpec } from './bench-server.child';
import type { BenchOptions } from './bench.options';
import { benchTickets, benchZaloWebhook, type ZaloFigures } from './channels.bench';
import { startChild, type RunningChild } from './child-process';
import type { Passage } from './corpus';
import type { LoadFigures } from './load';
import { createScratchSchema, type ScratchSchema } from './pg-scratch.repository';
import { benchProgrammes, type ProgrammesSection } from './programmes.bench';
import { benchRetrieval, type RetrievalSize } from './retrieval.bench';
import { round } from './stats';
import { benchTurns, type TurnsSection } from './turns.bench';
import { benchZaloTurns, type ZaloTurnsSection } from './zalo-turns.bench';

/** Where a run's database lives: embedded PGlite, or a Postgres server (each server in its own schema). */
export type DbTarget = { driver: 'pglite' } | { driver: 'pg'; url: string };

/** Everything measured against one database (the sections a run skipped are absent). */
export interface TargetResults {
  driver: 'pglite' | 'pg';
  corpus?: { documents: number; chunks: number; questions: number; sample: string[] };
  turns?: TurnsSection;
  /** Zalo inbound turns against Direct Line turns, same server, same questions. */
  zaloTurns?: ZaloTurnsSection;
  tickets?: LoadFigures & { path: string };
  zalo?: ZaloFigures;
  ingest?: {
    documents: number;
    chunks: number;
    seconds: number;
    chunksPerSecond: number;
    baselineRssMb: number;
    peakRssMb: number;
  };
  retrieval: RetrievalSize[];
  programmes?: ProgrammesSection;
}

/** The data a run draws on. */
export interface BenchInputs {
  root: string;
  withShared: boolean;
  questions: string[];
  feedback: string[];
  passages: Passage[];
  queries: string[];
}

const ZALO = { appId: '3608465249409', oaId: '3886132808788', oaSecretKey: 'oa-secret-key-bench-654321' };
const SECRET = `bench-direct-line-secret-${randomBytes(12).toString('hex')}`;

function serverEnv(databaseUrl: string | undefined): Record<string, string> {
  return {
    NODE_ENV: 'production',
    // PORT and PUBLIC_BASE_URL (required in production) are set by the child once it has a free port.
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    DIRECT_LINE_SECRET: SECRET,
    // One loopback client drives every conversation: the per-client limits would measure 429s.
    DIRECT_LINE_MESSAGES_PER_MINUTE: '10000',
    DIRECT_LINE_REQUESTS_PER_MINUTE: '100000',
    DIRECT_LINE_TOKENS_PER_MINUTE: '10000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

function zaloEnv(fake: FakeZalo, url: string): Record<string, string> {
  return {
    ZALO_APP_ID: ZALO.appId,
    ZALO_APP_SECRET: fake.appSecret,
    ZALO_OA_SECRET_KEY: ZALO.oaSecretKey,
    ZALO_API_BASE_URL: url,
    ZALO_OAUTH_BASE_URL: url,
    ZALO_ACCESS_TOKEN: fake.accessToken,
    ZALO_REFRESH_TOKEN: fake.refreshToken,
  };
}

/** Scratch schemas for a pg target, dropped at the end; nothing for PGlite. */
class Scratch {
  private readonly schemas: ScratchSchema[] = [];
  constructor(private readonly target: DbTarget) {}
  async url(): Promise<string | undefined> {
    if (this.target.driver !== 'pg') return undefined;
    const s = await createScratchSchema(this.target.url);
    this.schemas.push(s);
    return s.url;
  }
  async dropAll(): Promise<void> {
    for (const s of this.schemas) await s.drop();
  }
}

async function openRetrievalDb(scratch: Scratch): Promise<Database> {
  const url = await scratch.url();
  const db = url ? await openPg({ connectionString: url, max: 2 }) : await openPGlite({});
  await migrate(db);
  return db;
}

/**
 * The three servers of a run, started in parallel; the QA one also takes Zalo webhooks and Open311 requests. On a
 * Postgres server with `opts.replicas` 2, a second QA replica then starts on the QA server's database (after the
 * first ingested, as a replica joining a running deployment does).
 */
async function startServers(
  opts: BenchOptions,
  inputs: BenchInputs,
  scratch: Scratch,
  zalo: { fake: FakeZalo; url: string; open311Key: string },
  children: RunningChild[],
): Promise<{ hello: RunningChild; echo: RunningChild; qa: RunningChild; replicas: RunningChild[] }> {
  const spec = (mode: ChildSpec['mode'], env: Record<string, string>, extra: Partial<ChildSpec> = {}) => ({
    mode,
    env,
    root: inputs.root,
    // A quick run serves the demo corpus alone: ingesting 3,300 passages would be most of a smoke test.
    withShared: inputs.withShared && !opts.quick,
    ...extra,
  });
  const qaUrl = await scratch.url();
  const qaEnv = { ...serverEnv(qaUrl), ...zaloEnv(zalo.fake, zalo.url) };
  const echoEnv = serverEnv(await scratch.url());
  const questions = inputs.questions.slice(0, opts.questions);
  const started = await Promise.allSettled([
    startChild(spec('hello', {})),
    // The echo server never searches: the demo corpus its first start seeds is enough.
    startChild(spec('echo', echoEnv, { withShared: false })),
    startChild(spec('qa', qaEnv, { open311Key: zalo.open311Key, questions })),
  ]);
  for (const s of started) if (s.status === 'fulfilled') children.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const [hello, echo, qa] = children as [RunningChild, RunningChild, RunningChild];
  const replicas = [qa];
  if (qaEnv.DATABASE_URL && opts.replicas > 1 && wantsTurns(opts)) {
    const env = { ...serverEnv(qaUrl), ...zaloEnv(zalo.fake, zalo.url) };
    const second = await startChild(spec('qa', env, { withShared: false, questions: [] }));
    children.push(second);
    replicas.push(second);
  }
  return { hello, echo, qa, replicas };
}

const wantsTurns = (opts: BenchOptions) =>
  opts.sections.includes('turns') || opts.sections.includes('capacity');

/** The closed-loop levels and the open-loop capacity, with their progress lines. */
async function runTurns(
  opts: BenchOptions,
  questions: string[],
  s: { helloUrl: string; echoUrl: string; qaUrl: string; secret: string } & {
    replicas: RunningChild[];
    echo: RunningChild;
    qa: RunningChild;
  },
  log: (l: string) => void,
): Promise<TurnsSection> {
  const turns = await benchTurns(
    {
      helloUrl: s.helloUrl,
      echoUrl: s.echoUrl,
      qaUrl: s.qaUrl,
      secret: s.secret,
      profileEcho: s.echo.profile,
      profileQa: s.qa.profile,
      ...(s.replicas.length > 1 ? { qaReplicaUrls: s.replicas.map((r) => r.ready.url!) } : {}),
    },
    {
      levels: opts.sections.includes('turns') ? opts.levels : [],
      durationMs: opts.turnMs,
      questions,
      ...(opts.sections.includes('capacity')
        ? { capacity: { plan: opts.capacity, pool: opts.capacityPool } }
        : {}),
    },
  );
  for (const l of turns.levels)
    log(
      `  ${l.concurrency} conv: qa ${l.qa.throughput}/s p99 ${l.qa.latency.p99} ms, echo ${l.echo.throughput}/s` +
        (l.qaReplicas ? `, qa × ${turns.replicas} replicas ${l.qaReplicas.throughput}/s` : ''),
    );
  const c = turns.capacity;
  if (c)
    log(
      `  capacity at p99 ≤ ${c.qa.objectiveP99Ms} ms: qa ${c.qa.turnsPerSecond} turns/s` +
        (c.qaReplicas ? `, × ${turns.replicas} replicas ${c.qaReplicas.turnsPerSecond} turns/s` : ''),
    );
  return turns;
}

async function runZaloTurns(
  opts: BenchOptions,
  questions: string[],
  servers: Parameters<typeof benchZaloTurns>[0],
  log: (l: string) => void,
): Promise<ZaloTurnsSection> {
  log('zalo turns: the same questions over Zalo (webhook → turn → send at the fake OA) and Direct Line');
  const section = await benchZaloTurns(servers, { levels: opts.levels, durationMs: opts.turnMs, questions });
  for (const l of section.levels)
    log(
      `  ${l.concurrency} conv: zalo ${l.zalo.throughput}/s p99 ${l.zalo.latency.p99} ms, direct line ${l.directLine.throughput}/s p99 ${l.directLine.latency.p99} ms: ${l.zaloOverDirectLine}`,
    );
  return section;
}

async function runServers(
  opts: BenchOptions,
  inputs: BenchInputs,
  scratch: Scratch,
  log: (l: string) => void,
) {
  const fake = new FakeZalo();
  const zalo = { fake, url: await fake.start(), open311Key: randomBytes(18).toString('base64url') };
  const children: RunningChild[] = [];
  try {
    log('starting servers (hello, echo, qa; the qa server ingests its corpus first)');
    const { hello, echo, qa, replicas } = await startServers(opts, inputs, scratch, zalo, children);
    const kept = qa.ready.questions ?? [];
    // With nothing answered from sources, QA turns still run (declining the offer to forward, untimed).
    const questions = kept.length > 0 ? kept : inputs.questions.slice(0, opts.questions);
    log(
      `QA corpus: ${qa.ready.documents} documents, ${qa.ready.chunks} chunks; ${kept.length} answerable questions`,
    );
    const urls = {
      helloUrl: hello.ready.url!,
      echoUrl: echo.ready.url!,
      qaUrl: qa.ready.url!,
      secret: SECRET,
    };
    const { documents = 0, chunks = 0 } = qa.ready;
    const corpus = { documents, chunks, questions: questions.length, sample: questions.slice(0, 3) };
    const turns = wantsTurns(opts)
      ? await runTurns(opts, questions, { ...urls, replicas, echo, qa }, log)
      : undefined;
    const identity = { ...ZALO, secret: ZALO.oaSecretKey };
    const zaloTurns = opts.sections.includes('zalo')
      ? await runZaloTurns(opts, questions, { url: urls.qaUrl, secret: SECRET, zalo: identity, fake }, log)
      : undefined;
    const measured = { corpus, turns, ...(zaloTurns ? { zaloTurns } : {}) };
    if (!opts.sections.includes('channels')) return measured;
    const tickets = await benchTickets(urls.qaUrl, zalo.open311Key, 8, opts.ticketMs, inputs.feedback);
    log(`  tickets: ${tickets.throughput}/s, p99 ${tickets.latency.p99} ms`);
    const texts = [...inputs.feedback, ...questions];
    const delivered = () => fake.sent.length;
    const webhook = await benchZaloWebhook(
      urls.qaUrl,
      identity,
      opts.zaloRate,
      opts.zaloMs,
      texts,
      delivered,
    );
    log(`  zalo: ${webhook.sent} webhooks at ${webhook.ratePerSecond}/s, ack p99 ${webhook.ack.p99} ms`);
    return { ...measured, tickets, zalo: webhook };
  } finally {
    for (const c of children.reverse()) await c.stop();
    await fake.stop();
  }
}

/** One ingestion of the QA corpus in its own process (so its peak memory is its own). */
async function runIngest(
  opts: BenchOptions,
  inputs: BenchInputs,
  scratch: Scratch,
  log: (l: string) => void,
) {
  log('ingestion (real ingest service, own process)');
  const child = await startChild({
    mode: 'ingest',
    env: serverEnv(await scratch.url()),
    root: inputs.root,
    withShared: inputs.withShared && !opts.quick,
  });
  const i = child.ready.ingest!;
  await child.stop();
  const ingest = { ...i, seconds: round(i.seconds), chunksPerSecond: round(i.chunks / i.seconds, 0) };
  log(`  ${ingest.chunks} chunks in ${ingest.seconds} s, peak RSS ${ingest.peakRssMb} MB`);
  return ingest;
}

/** Runs every section against one database target. */
export async function runTarget(
  target: DbTarget,
  opts: BenchOptions,
  inputs: BenchInputs,
  log: (l: string) => void,
): Promise<TargetResults> {
  const scratch = new Scratch(target);
  try {
    log(`== ${target.driver}`);
    const has = (s: BenchOptions['sections'][number]) => opts.sections.includes(s);
    const servers =
      wantsTurns(opts) || has('zalo') || has('channels') ? await runServers(opts, inputs, scratch, log) : {};
    const ingest = has('ingest') ? { ingest: await runIngest(opts, inputs, scratch, log) } : {};
    let retrieval: RetrievalSize[] = [];
    if (has('retrieval')) {
      log(`retrieval at ${opts.sizes.join(', ')} chunks (${opts.queries} queries each)`);
      const db = await openRetrievalDb(scratch);
      try {
        retrieval = await benchRetrieval(
          db,
          inputs.passages,
          opts,
          inputs.queries.slice(0, opts.queries),
          log,
        );
      } finally {
        await db.close();
      }
    }
    const programmes = has('programmes') ? { programmes: await runProgrammes(scratch, opts, log) } : {};
    return { driver: target.driver, ...servers, ...ingest, retrieval, ...programmes };
  } finally {
    await scratch.dropAll();
  }
}

async function runProgrammes(scratch: Scratch, opts: BenchOptions, log: (l: string) => void) {
  const p = opts.programmes;
  log(`programmes: ${p.items} items, ${p.reports} reports, ${p.requests} requests per route`);
  const db = await openRetrievalDb(scratch);
  try {
    return await benchProgrammes(db, p, log);
  } finally {
    await db.close();
  }
}

/** The programmes section alone against one database target (`--only programmes`). */
export async function runProgrammesTarget(
  target: DbTarget,
  opts: BenchOptions,
  log: (l: string) => void,
): Promise<{ driver: DbTarget['driver']; programmes: ProgrammesSection }> {
  const scratch = new Scratch(target);
  try {
    log(`== ${target.driver}`);
    return { driver: target.driver, programmes: await runProgrammes(scratch, opts, log) };
  } finally {
    await scratch.dropAll();
  }
}
