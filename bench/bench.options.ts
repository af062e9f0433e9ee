import { parseArgs } from 'node:util';

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
}

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
};

function numbers(text: string, flag: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`${flag} takes positive integers separated by commas, e.g. ${flag} 1000,10000`);
  return list;
}

/** Parses `npm run bench -- [--quick] [--only programmes] [--sizes 1000,10000] [--levels 1,8,32] [--out dir]`. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      levels: { type: 'string' },
      out: { type: 'string', default: 'bench/results' },
      only: { type: 'string' },
    },
  });
  if (values.only !== undefined && values.only !== 'programmes')
    throw new Error('--only takes one section name: programmes');
  const base = values.quick ? QUICK : FULL;
  return {
    ...base,
    quick: Boolean(values.quick),
    only: values.only === 'programmes' ? 'programmes' : null,
    out: String(values.out),
    sizes: values.sizes ? numbers(values.sizes, '--sizes') : base.sizes,
    levels: values.levels ? numbers(values.levels, '--levels') : base.levels,
  };
}
