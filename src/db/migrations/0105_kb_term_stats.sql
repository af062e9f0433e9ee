-- BM25 needs each query term's document frequency and the corpus size and mean length. Counting them from
-- kb_postings at query time read every posting of every query term (115,000 index entries for a typical
-- question on the 2025 merger resolutions: about 50 ms of a 60 ms search). Statement-level triggers keep them
-- in two small tables instead, on every path that writes postings or chunks (ingest, re-ingest, document
-- removal by cascade), so a search reads one index entry per term.

CREATE TABLE kb_term_df (
  term text PRIMARY KEY,
  df   int NOT NULL
);

CREATE TABLE kb_corpus_stats (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  chunks    bigint NOT NULL,
  total_len bigint NOT NULL
);

INSERT INTO kb_term_df (term, df) SELECT term, count(*) FROM kb_postings GROUP BY term;
INSERT INTO kb_corpus_stats (chunks, total_len) SELECT count(*), coalesce(sum(doc_len), 0) FROM kb_chunks;
ANALYZE kb_term_df;
ANALYZE kb_corpus_stats;

-- Rows are touched in term order so two concurrent ingests lock them in the same order (no deadlock).
CREATE FUNCTION kb_postings_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kb_term_df (term, df)
    SELECT term, count(*) FROM added GROUP BY term ORDER BY term
  ON CONFLICT (term) DO UPDATE SET df = kb_term_df.df + EXCLUDED.df;
  RETURN NULL;
END $$;

CREATE FUNCTION kb_postings_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kb_term_df t SET df = t.df - r.n
    FROM (SELECT term, count(*) AS n FROM removed GROUP BY term ORDER BY term) r
    WHERE t.term = r.term;
  DELETE FROM kb_term_df t USING (SELECT DISTINCT term FROM removed) r WHERE t.term = r.term AND t.df <= 0;
  RETURN NULL;
END $$;

CREATE TRIGGER kb_postings_added AFTER INSERT ON kb_postings
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_added();
CREATE TRIGGER kb_postings_removed AFTER DELETE ON kb_postings
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_removed();

CREATE FUNCTION kb_chunks_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kb_corpus_stats SET chunks = chunks + (SELECT count(*) FROM added),
                             total_len = total_len + (SELECT coalesce(sum(doc_len), 0) FROM added);
  RETURN NULL;
END $$;

CREATE FUNCTION kb_chunks_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kb_corpus_stats SET chunks = chunks - (SELECT count(*) FROM removed),
                             total_len = total_len - (SELECT coalesce(sum(doc_len), 0) FROM removed);
  RETURN NULL;
END $$;

CREATE TRIGGER kb_chunks_added AFTER INSERT ON kb_chunks
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kb_chunks_added();
CREATE TRIGGER kb_chunks_removed AFTER DELETE ON kb_chunks
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION kb_chunks_removed();

-- TRUNCATE fires no row or transition-table triggers: empty the statistics with it.
CREATE FUNCTION kb_postings_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kb_term_df;
  RETURN NULL;
END $$;

CREATE FUNCTION kb_chunks_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kb_corpus_stats SET chunks = 0, total_len = 0;
  RETURN NULL;
END $$;

CREATE TRIGGER kb_postings_truncated AFTER TRUNCATE ON kb_postings
  FOR EACH STATEMENT EXECUTE FUNCTION kb_postings_truncated();
CREATE TRIGGER kb_chunks_truncated AFTER TRUNCATE ON kb_chunks
  FOR EACH STATEMENT EXECUTE FUNCTION kb_chunks_truncated();
