import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CapacityPlan } from './capacity.bench';

/** HNSW build parameters of one index the retrieval section measures. */
export interface HnswBuild {
  m: number;
  efConstruction: number;
}

/** The sections a run can be limited to (`--sections`). */
export const SECTIONS = [
  'turns',
  'capacity',
  'zalo',
  'channels',
  'ingest',
  'retrieval',
  'programmes',
] as const;
/** One section of a run. */
export type Section = (typeof SECTIONS)[number];

/** How much a run measures; `--quick` is the smoke test the e2e test runs. */
export interface BenchOptions {
  quick: boolean;
  /** Folder the JSON and Markdown results go to. */
  out: string;
  /** Corpus sizes of the retrieval section. */
  sizes: number[];
  /** Concurrent conversations of the turn section. */
  levels: number[];
  /** Length of each turn run, ticket run and the Zalo run, in ms. */
  turnMs: number;
  ticketMs: number;
  zaloMs: number;
  zaloRate: number;
  /** Vector queries per size. */
  queries: number;
  /** Candidate questions the QA turn draws from (before keeping those answered from sources). */
  questions: number;
  /** Run one section alone (`--only programmes`); null: every section. */
  only: 'programmes' | null;
  /** The programmes section: items and reports of the big programme, timed requests per route. */
  programmes: { items: number; reports: number; requests: number };
  /** The open-loop capacity run (offered turns/s stepping up until p99 passes the objective). */
  capacity: CapacityPlan;
  /** Conversations the open-loop run draws free ones from. */
  capacityPool: number;
  /** Replicas of the QA server on a Postgres server (the second one measured beside the first). */
  replicas: number;
  /** HNSW builds measured at each size; the first is the one the migrations declare. */
  hnswBuilds: HnswBuild[];
  /** ef_search values tried on each build. */
  efSearch: number[];
  sections: Section[];
  /** Which databases run: the embedded one, and the server of DATABASE_URL when set (`--targets`). */
  targets: Array<'embedded' | 'server'>;
}

/** The index the migrations declare (0120: m 16, ef_construction 200). */
export const MIGRATION_HNSW: HnswBuild = { m: 16, efConstruction: 200 };

const FULL = {
  sizes: [1_000, 10_000, 100_000],
  levels: [1, 8, 32],
  turnMs: 10_000,
  ticketMs: 8_000,
  zaloMs: 10_000,
  zaloRate: 200,
  queries: 50,
  questions: 60,
  programmes: { items: 1_000, reports: 10_000, requests: 100 },
  capacity: { objectiveP99Ms: 500, startRate: 4, factor: 1.4, maxSteps: 12, stepMs: 8_000 },
  capacityPool: 64,
  efSearch: [40, 100, 200, 400, 1000],
};
const QUICK = {
  sizes: [300],
  levels: [1, 4],
  turnMs: 1_000,
  ticketMs: 800,
  zaloMs: 800,
  zaloRate: 50,
  queries: 8,
  questions: 6,
  programmes: { items: 100, reports: 1_000, requests: 10 },
  capacity: { objectiveP99Ms: 500, startRate: 2, factor: 2, maxSteps: 2, stepMs: 1_000 },
  capacityPool: 4,
  efSearch: [40, 100],
};

function numbers(text: string, flag: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`${flag} takes positive integers separated by commas, e.g. ${flag} 1000,10000`);
  return list;
}

/** `16:64,32:200` → builds (m:ef_construction). */
function builds(text: string): HnswBuild[] {
  return text.split(',').map((pair) => {
    const [m, ef] = pair.split(':').map((s) => Number(s.trim()));
    if (!Number.isInteger(m) || !Number.isInteger(ef) || m! < 2 || ef! < 2 * m!)
      throw new Error(
        '--hnsw takes m:ef_construction pairs (ef_construction ≥ 2m), e.g. --hnsw 16:64,32:200',
      );
    return { m: m!, efConstruction: ef! };
  });
}

function targets(text: string): BenchOptions['targets'] {
  const list = text.split(',').map((s) => s.trim());
  if (list.length === 0 || list.some((t) => t !== 'embedded' && t !== 'server'))
    throw new Error('--targets takes embedded, server or both, e.g. --targets server');
  return list as BenchOptions['targets'];
}

function sections(text: string): Section[] {
  const list = text.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (bad.length > 0) throw new Error(`--sections takes ${SECTIONS.join(',')}; unknown: ${bad.join(',')}`);
  return list as Section[];
}

/**
 * Parses `npm run bench -- [--quick] [--only programmes] [--sizes 1000,10000] [--levels 1,8,32] [--hnsw 16:64,32:200]
 * [--ef-search 40,100] [--sections turns,capacity,…] [--targets embedded,server] [--replicas 2] [--out dir]`. A relative `--out` is taken
 * from the working directory; the default is the project's bench/results (`root`).
 */
export function parseBenchOptions(argv: readonly string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      levels: { type: 'string' },
      hnsw: { type: 'string' },
      'ef-search': { type: 'string' },
      sections: { type: 'string' },
      replicas: { type: 'string', default: '2' },
      targets: { type: 'string', default: 'embedded,server' },
      out: { type: 'string' },
      only: { type: 'string' },
    },
  });
  if (values.only !== undefined && values.only !== 'programmes')
    throw new Error('--only takes one section name: programmes');
  const base = values.quick ? QUICK : FULL;
  const replicas = Number(values.replicas);
  if (replicas !== 1 && replicas !== 2) throw new Error('--replicas takes 1 or 2');
  return {
    ...base,
    quick: Boolean(values.quick),
    only: values.only === 'programmes' ? 'programmes' : null,
    out: values.out ? path.resolve(values.out) : path.join(root, 'bench', 'results'),
    sizes: values.sizes ? numbers(values.sizes, '--sizes') : base.sizes,
    levels: values.levels ? numbers(values.levels, '--levels') : base.levels,
    hnswBuilds: values.hnsw ? builds(values.hnsw) : [MIGRATION_HNSW],
    efSearch: values['ef-search'] ? numbers(values['ef-search'], '--ef-search') : base.efSearch,
    sections: values.sections ? sections(values.sections) : [...SECTIONS],
    replicas,
    targets: targets(String(values.targets)),
  };
}
