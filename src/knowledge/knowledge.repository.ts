import { LOCK_KEYS, type Queryable } from '../db/database';
import type { Entities } from './entities/entities';

/** A document ready to store, with its chunks already analysed. */
export interface DocumentRecord {
  id: string;
  title: string;
  issuer: string | null;
  number: string | null;
  docNumbers: string[];
  date: string | null;
  source: string | null;
  contentHash: string;
  /** The province the document is about (inferred or given) and every entity it names. */
  province: string | null;
  entities: Entities;
  chunks: ChunkRecord[];
}

/** One chunk to store: display text, folded text, posting terms and (optionally) its embedding. */
export interface ChunkRecord {
  key: string;
  ordinal: number;
  text: string;
  folded: string;
  length: number;
  terms: Map<string, number>;
  embedding: string | null;
  entities: Entities;
}

/** One candidate of a hybrid search, with the signals fusion and confidence need. */
export interface SearchRow {
  chunkId: number;
  chunkKey: string;
  documentId: string;
  text: string;
  title: string;
  date: string | null;
  source: string | null;
  number: string | null;
  /** Entities of the chunk and of its document, and the document's province (null: stored before entities). */
  entities: Entities | null;
  docEntities: Entities | null;
  province: string | null;
  lexScore: number;
  lexRank: number | null;
  vecSim: number | null;
  vecRank: number | null;
}

/** The numbers BM25 needs about the corpus and the query terms. */
export interface CorpusStats {
  chunks: number;
  df: Map<string, number>;
}

/** Content hashes of the documents that exist among the given ids. */
export async function documentHashes(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; content_hash: string }>(
    'SELECT id, content_hash FROM kb_documents WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** Number of documents in the knowledge base. */
export async function countDocuments(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_documents');
  return rows[0]?.n ?? 0;
}

async function insertDocuments(tx: Queryable, docs: readonly DocumentRecord[]): Promise<void> {
  await tx.query(
    `INSERT INTO kb_documents (id, title, issuer, number, doc_numbers, date, source, content_hash, province, entities)
     SELECT d.id, d.title, d.issuer, d.number, ARRAY(SELECT json_array_elements_text(d.nums::json)), d.date, d.source, d.hash,
            d.province, d.ents::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[])
       AS d(id, title, issuer, number, nums, date, source, hash, province, ents)`,
    [
      docs.map((d) => d.id),
      docs.map((d) => d.title),
      docs.map((d) => d.issuer),
      docs.map((d) => d.number),
      docs.map((d) => JSON.stringify(d.docNumbers)),
      docs.map((d) => d.date),
      docs.map((d) => d.source),
      docs.map((d) => d.contentHash),
      docs.map((d) => d.province),
      docs.map((d) => JSON.stringify(d.entities)),
    ],
  );
}

type StoredChunk = ChunkRecord & { doc: string };

async function insertChunks(tx: Queryable, chunks: readonly StoredChunk[]): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ id: number; chunk_key: string }>(
    `INSERT INTO kb_chunks (chunk_key, document_id, ordinal, text, folded, tsv, doc_len, embedding, entities)
     SELECT c.key, c.doc, c.ordinal, c.text, c.folded,
            setweight(to_tsvector('simple', c.text), 'A') || setweight(to_tsvector('simple', c.folded), 'B'),
            c.len, c.emb::vector, c.ents::jsonb
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
       AS c(key, doc, ordinal, text, folded, len, emb, ents)
     RETURNING id, chunk_key`,
    [
      chunks.map((c) => c.key),
      chunks.map((c) => c.doc),
      chunks.map((c) => c.ordinal),
      chunks.map((c) => c.text),
      chunks.map((c) => c.folded),
      chunks.map((c) => c.length),
      chunks.map((c) => c.embedding),
      chunks.map((c) => JSON.stringify(c.entities)),
    ],
  );
  return new Map(rows.map((r) => [r.chunk_key, r.id]));
}

async function insertPostings(tx: Queryable, chunks: readonly StoredChunk[], idByKey: Map<string, number>) {
  const terms: string[] = [];
  const ids: number[] = [];
  const tfs: number[] = [];
  const lens: number[] = [];
  for (const c of chunks) {
    const id = idByKey.get(c.key) as number;
    for (const [term, tf] of c.terms) {
      terms.push(term);
      ids.push(id);
      tfs.push(tf);
      lens.push(c.length);
    }
  }
  await tx.query(
    `INSERT INTO kb_postings (term, chunk_id, tf, doc_len)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::real[], $4::int[])`,
    [terms, ids, tfs, lens],
  );
}

/**
 * Replaces the given documents (and their chunks and postings) in bulk: four statements per batch. Writers are
 * serialised (two replicas or an ingest run beside a start), so a concurrent save of the same id replaces it instead
 * of colliding on the primary key.
 */
export async function saveDocuments(tx: Queryable, docs: readonly DocumentRecord[]): Promise<void> {
  if (docs.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS.knowledgeWrites]);
  await tx.query('DELETE FROM kb_documents WHERE id = ANY($1::text[])', [docs.map((d) => d.id)]);
  await insertDocuments(tx, docs);
  const chunks = docs.flatMap((d) => d.chunks.map((c) => ({ doc: d.id, ...c })));
  await insertPostings(tx, chunks, await insertChunks(tx, chunks));
}

/** The embedding model the stored vectors came from, or null before the first ingest. */
export async function storedEmbeddingModel(db: Queryable): Promise<{ model: string; dimensions: number } | null> {
  const { rows } = await db.query<{ model: string; dimensions: number }>(
    'SELECT model, dimensions FROM kb_embedding_model',
  );
  return rows[0] ?? null;
}

/** Records which model the stored vectors came from. */
export async function recordEmbeddingModel(db: Queryable, model: string, dimensions: number): Promise<void> {
  await db.query(
    `INSERT INTO kb_embedding_model (id, model, dimensions) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET model = EXCLUDED.model, dimensions = EXCLUDED.dimensions, updated_at = now()`,
    [model, dimensions],
  );
}

/** Chunks after the given id, for re-embedding in pages. */
export async function chunkPage(
  db: Queryable,
  afterId: number,
  limit: number,
): Promise<Array<{ id: number; text: string; title: string }>> {
  const { rows } = await db.query<{ id: number; text: string; title: string }>(
    `SELECT c.id, c.text, d.title FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id
     WHERE c.id > $1 ORDER BY c.id LIMIT $2`,
    [afterId, limit],
  );
  return rows;
}

/** Overwrites the embeddings of the given chunks. */
export async function updateEmbeddings(db: Queryable, ids: readonly number[], vectors: readonly string[]) {
  await db.query(
    `UPDATE kb_chunks c SET embedding = v.emb::vector
     FROM unnest($1::bigint[], $2::text[]) AS v(id, emb) WHERE c.id = v.id`,
    [ids, vectors],
  );
}

/** Refreshes planner statistics and the visibility map after a bulk load, so BM25 reads its covering index only. */
export async function vacuumPostings(db: Queryable): Promise<void> {
  // One statement per call: VACUUM refuses to run inside the implicit transaction of a multi-statement script.
  await db.exec('VACUUM (ANALYZE) kb_postings');
  await db.exec('ANALYZE kb_chunks');
  await db.exec('ANALYZE kb_term_df');
}

/** The documents' recorded sources (URLs, or publishers when the text gives none): links to them may be sent. */
export async function documentSources(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ source: string }>(
    `SELECT DISTINCT source FROM kb_documents WHERE source ~* '^https?://'`,
  );
  return rows.map((r) => r.source);
}
