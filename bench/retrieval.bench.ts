import type { Database } from '../src/db/database';
import { toColumnVector } from '../src/knowledge/embeddings/embeddings.factory';
import { HashedEmbeddings } from '../src/knowledge/embeddings/hashed.embeddings';
import type { BenchOptions, HnswBuild } from './bench.options';
import type { Passage } from './corpus';
import { syntheticCorpus, type CorpusText } from './synthetic-corpus';
import {
  buildHnswIndex,
  explainVectorQuery,
  insertChunks,
  nearestChunks,
  resetChunks,
  type BenchChunk,
} from './retrieval.repository';
import { ratio, round, since, summarize, type LatencySummary } from './stats';

/** HNSW at one ef_search: latency and recall@10 against the exact scan. */
export interface HnswFigures {
  efSearch: number;
  latency: LatencySummary;
  recallAt10: number;
}

/** One HNSW build at one size: its build time and every ef_search tried on it. */
export interface HnswBuildFigures extends HnswBuild {
  indexSeconds: number;
  hnsw: HnswFigures[];
  /** The smallest ef_search with recall@10 ≥ 0.95 and p99 < 50 ms on this build, if any. */
  meets?: number;
}

/** Retrieval figures at one corpus size. */
export interface RetrievalSize {
  size: number;
  loadSeconds: number;
  loadChunksPerSecond: number;
  /** Build time and figures of the first build (the one the migrations declare). */
  indexSeconds: number;
  exact: LatencySummary;
  hnsw: HnswFigures[];
  /** Every build measured (`--hnsw`), the first one included. */
  builds: HnswBuildFigures[];
  /** Exact p50 ÷ HNSW p50 at the default ef_search (40): how much the index saves. */
  exactOverHnswP50: number;
  /** EXPLAIN ANALYZE of one query, exact and with the index (kept for the largest size only). */
  explain?: { exact: string; hnsw: string };
}

const embeddings = new HashedEmbeddings();

/** The i-th chunk of the bench corpus (see synthetic-corpus.ts), embedded as ingestion does: title, then text. */
function chunkAt(corpus: (i: number) => CorpusText, i: number): BenchChunk {
  const { title, text } = corpus(i);
  return {
    key: `bench#${i}`,
    ordinal: i,
    text,
    embedding: toColumnVector(embeddings.embedSync(`${title}\n${text}`)),
  };
}

async function loadTo(
  db: Database,
  corpus: (i: number) => CorpusText,
  from: number,
  to: number,
): Promise<void> {
  const batch = 500;
  for (let i = from; i < to; i += batch) {
    const chunks = Array.from({ length: Math.min(batch, to - i) }, (_, j) => chunkAt(corpus, i + j));
    await insertChunks(db, chunks);
  }
}

/** Builds one index and runs every ef_search on it against the exact answers. */
async function measureBuild(
  db: Database,
  build: HnswBuild,
  efSearch: readonly number[],
  vectors: readonly string[],
  exactIds: readonly number[][],
): Promise<HnswBuildFigures> {
  const t = performance.now();
  await buildHnswIndex(db, build);
  const indexSeconds = round(since(t) / 1000);
  const hnsw: HnswFigures[] = [];
  for (const ef of efSearch) {
    const ms: number[] = [];
    let recall = 0;
    for (const [i, v] of vectors.entries()) {
      const r = await nearestChunks(db, v, 10, { exact: false, efSearch: ef });
      ms.push(r.ms);
      const truth = new Set(exactIds[i]);
      recall += truth.size === 0 ? 1 : r.ids.filter((id) => truth.has(id)).length / truth.size;
    }
    hnsw.push({ efSearch: ef, latency: summarize(ms), recallAt10: round(recall / vectors.length, 4) });
  }
  const meets = hnsw.find((h) => h.recallAt10 >= 0.95 && h.latency.p99 < 50)?.efSearch;
  return { ...build, indexSeconds, hnsw, ...(meets ? { meets } : {}) };
}

async function measureSize(
  db: Database,
  size: number,
  opts: Pick<BenchOptions, 'hnswBuilds' | 'efSearch'>,
  queries: readonly string[],
  load: { added: number; seconds: number },
): Promise<RetrievalSize> {
  const vectors = queries.map((q) => toColumnVector(embeddings.embedSync(q)));
  const exactIds: number[][] = [];
  const exactMs: number[] = [];
  for (const v of vectors) {
    const r = await nearestChunks(db, v, 10, { exact: true });
    exactIds.push(r.ids);
    exactMs.push(r.ms);
  }
  const measured: HnswBuildFigures[] = [];
  // The first build is measured last, so the index left for the EXPLAIN is the one the migrations declare.
  for (const build of [...opts.hnswBuilds.slice(1), opts.hnswBuilds[0]!])
    measured.push(await measureBuild(db, build, opts.efSearch, vectors, exactIds));
  const first = measured.at(-1)!;
  const exact = summarize(exactMs);
  return {
    size,
    loadSeconds: round(load.seconds),
    loadChunksPerSecond: round(load.added / Math.max(load.seconds, 0.001), 0),
    indexSeconds: first.indexSeconds,
    exact,
    hnsw: first.hnsw,
    builds: [first, ...measured.slice(0, -1)],
    exactOverHnswP50: ratio(exact.p50, first.hnsw[0]!.latency.p50),
  };
}

/** Grows one corpus through the sizes (ascending), rebuilding the index and measuring at each. */
export async function benchRetrieval(
  db: Database,
  passages: readonly Passage[],
  opts: Pick<BenchOptions, 'sizes' | 'hnswBuilds' | 'efSearch'>,
  queries: readonly string[],
  log: (line: string) => void,
): Promise<RetrievalSize[]> {
  await resetChunks(db);
  const corpus = syntheticCorpus(passages);
  const out: RetrievalSize[] = [];
  let loaded = 0;
  for (const size of [...opts.sizes].sort((a, b) => a - b)) {
    const t = performance.now();
    // Loading without the index: dropping it first keeps inserts to the heap.
    await db.exec('DROP INDEX IF EXISTS kb_chunks_embedding_idx');
    await loadTo(db, corpus, loaded, size);
    const load = { added: size - loaded, seconds: since(t) / 1000 };
    loaded = size;
    const figures = await measureSize(db, size, opts, queries, load);
    for (const b of figures.builds)
      log(
        `  ${size} chunks, m ${b.m} ef_construction ${b.efConstruction} (${b.indexSeconds} s): exact p50 ${figures.exact.p50} ms; ` +
          b.hnsw.map((h) => `ef ${h.efSearch} p99 ${h.latency.p99} ms recall ${h.recallAt10}`).join(', '),
      );
    out.push(figures);
  }
  const last = out.at(-1);
  if (last && queries[0]) {
    const v = toColumnVector(embeddings.embedSync(queries[0]));
    last.explain = {
      exact: await explainVectorQuery(db, v, 10, { exact: true }),
      hnsw: await explainVectorQuery(db, v, 10, { exact: false, efSearch: opts.efSearch[0] ?? 40 }),
    };
  }
  return out;
}
