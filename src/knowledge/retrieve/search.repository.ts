import type { Queryable } from '../../db/database';
import { parseEntities } from '../entities/document-entities';
import type { SearchRow } from '../knowledge.repository';
import type { QueryTerm } from './terms';

/**
 * One round trip: BM25 over the postings table (IDF from document frequencies the triggers of migration 0105
 * keep in kb_term_df, corpus size and mean length from kb_corpus_stats; length-normalised
 * saturated term frequency) and pgvector HNSW cosine, each cut to `limit`, joined to their chunk and document.
 * Also returns the document frequency of every query term and the corpus size, for the confidence score.
 * On corpora of `pruneFrom` chunks or more, terms in more than `maxDfRatio` of them (IDF near zero: "xã",
 * "của") are skipped: their long posting lists dominated query time on near-identical clauses and barely move
 * the ranking. Small corpora keep every term (there a common word still separates passages).
 */
const HYBRID_SQL = `
WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS q(term, qw)),
st AS (SELECT coalesce((SELECT chunks FROM kb_corpus_stats), 0)::float8 AS n,
              coalesce((SELECT total_len::float8 / nullif(chunks, 0) FROM kb_corpus_stats), 1) AS avgdl),
df AS (SELECT term, df::float8 AS df FROM kb_term_df WHERE term = ANY($1::text[])),
kept AS MATERIALIZED (
  SELECT q.term, q.qw * ln(1 + (st.n - df.df + 0.5) / (df.df + 0.5)) AS w
  FROM q JOIN df ON df.term = q.term CROSS JOIN st WHERE st.n < $8 OR df.df <= $7::float8 * st.n),
lex AS (
  SELECT p.chunk_id,
         sum(k.w * p.tf * ($5::float8 + 1) / (p.tf + $5::float8 * (1 - $6::float8 + $6::float8 * p.doc_len / st.avgdl))) AS score
  FROM kept k JOIN kb_postings p ON p.term = k.term CROSS JOIN st
  GROUP BY p.chunk_id ORDER BY score DESC LIMIT $4),
lexr AS (SELECT chunk_id, score, row_number() OVER (ORDER BY score DESC) AS rnk FROM lex),
vec AS (
  SELECT id AS chunk_id, 1 - (embedding <=> $3::vector) AS sim FROM kb_chunks
  WHERE $3::text IS NOT NULL AND embedding IS NOT NULL
  ORDER BY embedding <=> $3::vector LIMIT $4),
vecr AS (SELECT chunk_id, sim, row_number() OVER (ORDER BY sim DESC) AS rnk FROM vec),
cand AS (
  SELECT coalesce(l.chunk_id, v.chunk_id) AS cid, l.score, l.rnk AS lrnk, v.sim, v.rnk AS vrnk
  FROM lexr l FULL JOIN vecr v ON v.chunk_id = l.chunk_id)
SELECT c.id, c.chunk_key, c.document_id, c.text, d.title, d.date, d.source, d.number,
       CASE WHEN o.document_id IS NULL THEN d.province ELSE o.province END AS province,
       c.entities::text AS chunk_entities, d.entities::text AS doc_entities,
       cand.score, cand.lrnk, cand.sim, cand.vrnk,
       (SELECT n FROM st) AS n, (SELECT coalesce(json_object_agg(term, df), '{}') FROM df)::text AS dfs
FROM cand JOIN kb_chunks c ON c.id = cand.cid JOIN kb_documents d ON d.id = c.document_id
  LEFT JOIN kb_document_province o ON o.document_id = d.id`;

interface HybridRow {
  id: number;
  chunk_key: string;
  document_id: string;
  text: string;
  title: string;
  date: string | null;
  source: string | null;
  number: string | null;
  province: string | null;
  chunk_entities: string | null;
  doc_entities: string | null;
  score: number | null;
  lrnk: number | null;
  sim: number | null;
  vrnk: number | null;
  n: number;
  dfs: string;
}

/** Candidates from both signals plus corpus statistics for the query terms. */
export interface HybridResult {
  rows: SearchRow[];
  chunks: number;
  df: Map<string, number>;
}

/** Runs the hybrid query: lexical BM25 and vector candidates in one statement. */
export async function hybridSearch(
  db: Queryable,
  terms: readonly QueryTerm[],
  vector: string | null,
  limit: number,
  bm25: { k1: number; b: number; maxDfRatio: number; pruneFrom: number },
): Promise<HybridResult> {
  const { rows } = await db.query<HybridRow>(HYBRID_SQL, [
    terms.map((t) => t.term),
    terms.map((t) => t.weight),
    vector,
    limit,
    bm25.k1,
    bm25.b,
    bm25.maxDfRatio,
    bm25.pruneFrom,
  ]);
  const first = rows[0];
  const df = new Map<string, number>(Object.entries(first ? (JSON.parse(first.dfs) as object) : {}));
  return {
    chunks: first ? Number(first.n) : 0,
    df,
    rows: rows.map((r) => ({
      chunkId: Number(r.id),
      chunkKey: r.chunk_key,
      documentId: r.document_id,
      text: r.text,
      title: r.title,
      date: r.date,
      source: r.source,
      number: r.number,
      province: r.province,
      entities: parseEntities(r.chunk_entities),
      docEntities: parseEntities(r.doc_entities),
      lexScore: r.score === null ? 0 : Number(r.score),
      lexRank: r.lrnk === null ? null : Number(r.lrnk),
      vecSim: r.sim === null ? null : Number(r.sim),
      vecRank: r.vrnk === null ? null : Number(r.vrnk),
    })),
  };
}
