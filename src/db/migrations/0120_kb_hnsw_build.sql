-- The chunks' HNSW index rebuilt with ef_construction 200 (0101 took pgvector's default, 64), chosen on the bench at
-- 100k chunks with the offline embedder: with hnsw.ef_search 600 (KNOWLEDGE_HNSW_EF_SEARCH) recall@10 against the
-- exact scan is 0.966 (0.92 with the old build), p99 30 ms on a Postgres server (docs/performance.md). Builds and
-- inserts cost about 2.4 times as much. On a large corpus this migration takes a while (about 100 s per 100k
-- chunks on 2 cores).
DROP INDEX IF EXISTS kb_chunks_embedding_idx;
CREATE INDEX kb_chunks_embedding_idx ON kb_chunks USING hnsw (embedding vector_cosine_ops)
  WITH (m = 16, ef_construction = 200);
