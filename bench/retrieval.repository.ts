import type { Database, Queryable } from '../src/db/database';

/** The one document every bench chunk belongs to (chunks need a parent row). */
const BENCH_DOCUMENT = 'bench-corpus';

/** A chunk to load: its key, text and embedding in pgvector's text form. */
export interface BenchChunk {
  key: string;
  ordinal: number;
  text: string;
  embedding: string;
}

/** Empties the knowledge tables and drops the HNSW index, so loading is plain heap inserts. */
export async function resetChunks(db: Queryable): Promise<void> {
  await db.exec(`TRUNCATE kb_documents CASCADE; DROP INDEX IF EXISTS kb_chunks_embedding_idx;`);
  await db.query(`INSERT INTO kb_documents (id, title, content_hash) VALUES ($1, 'Bench corpus', 'bench')`, [
    BENCH_DOCUMENT,
  ]);
}

/**
 * Bulk insert through arrays (one statement per batch, four parameters whatever its size). Only what the vector
 * query reads is real: lexical columns are left empty, as retrieval here is the vector half alone.
 */
export async function insertChunks(db: Queryable, chunks: readonly BenchChunk[]): Promise<void> {
  await db.query(
    `INSERT INTO kb_chunks (chunk_key, document_id, ordinal, text, folded, tsv, doc_len, embedding)
     SELECT k, $1, o, t, '', ''::tsvector, 0, e::vector
     FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS u(k, o, t, e)`,
    [
      BENCH_DOCUMENT,
      chunks.map((c) => c.key),
      chunks.map((c) => c.ordinal),
      chunks.map((c) => c.text),
      chunks.map((c) => c.embedding),
    ],
  );
}

/**
 * Drops and rebuilds the HNSW index as the migrations declare it, with the given build parameters (built after
 * loading: faster).
 */
export async function buildHnswIndex(
  db: Queryable,
  build: { m: number; efConstruction: number },
): Promise<void> {
  const m = Math.trunc(build.m);
  const ef = Math.trunc(build.efConstruction);
  await db.exec(`DROP INDEX IF EXISTS kb_chunks_embedding_idx;
    SET maintenance_work_mem = '512MB';
    CREATE INDEX kb_chunks_embedding_idx ON kb_chunks USING hnsw (embedding vector_cosine_ops)
      WITH (m = ${m}, ef_construction = ${ef});
    RESET maintenance_work_mem;
    ANALYZE kb_chunks;`);
}

/** How the vector query is planned: the HNSW index at an ef_search, or an exact scan (index scans off). */
export type ScanMode = { exact: true } | { exact: false; efSearch: number };

// The vector half of search.repository.ts's HYBRID_SQL, verbatim in its ORDER BY and filter.
const VECTOR_SQL = `SELECT id FROM kb_chunks WHERE $1::text IS NOT NULL AND embedding IS NOT NULL
  ORDER BY embedding <=> $1::vector LIMIT $2`;

async function planned<T>(db: Database, mode: ScanMode, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (mode.exact) await tx.exec('SET LOCAL enable_indexscan = off');
    // With a large ef_search the planner costs the index above a sequential scan and silently goes exact:
    // forbid the scan so the index is what is measured.
    else
      await tx.exec(
        `SET LOCAL enable_seqscan = off; SET LOCAL hnsw.ef_search = ${Math.trunc(mode.efSearch)}`,
      );
    return fn(tx);
  });
}

/** The nearest chunk ids to a vector and the time of the query alone (the SET LOCAL around it is not timed). */
export async function nearestChunks(
  db: Database,
  vector: string,
  k: number,
  mode: ScanMode,
): Promise<{ ids: number[]; ms: number }> {
  return planned(db, mode, async (tx) => {
    const started = performance.now();
    const { rows } = await tx.query<{ id: number }>(VECTOR_SQL, [vector, k]);
    return { ids: rows.map((r) => Number(r.id)), ms: performance.now() - started };
  });
}

/** EXPLAIN ANALYZE of the vector query under a mode: the profile that says where the time goes. */
export async function explainVectorQuery(
  db: Database,
  vector: string,
  k: number,
  mode: ScanMode,
): Promise<string> {
  return planned(db, mode, async (tx) => {
    const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${VECTOR_SQL}`, [
      vector,
      k,
    ]);
    // The 512 numbers of the query vector say nothing about the plan.
    return rows.map((r) => r['QUERY PLAN'].replace(/'\[[^\]]*\]'::vector/g, '$1::vector')).join('\n');
  });
}
