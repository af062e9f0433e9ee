-- Knowledge base: documents, their chunks, a BM25 postings table and the embedding model in use.

CREATE TABLE kb_documents (
  id           text PRIMARY KEY,             -- stable: the file path relative to its root, or an external id
  title        text NOT NULL,
  issuer       text,
  number       text,                         -- the document's own number, e.g. 58-NQ/TW
  doc_numbers  text[] NOT NULL DEFAULT '{}', -- every number token the document names (normalised, e.g. nq:58)
  date         text,                         -- ISO date or year-month as the source gives it
  source       text,                         -- URL, or the publisher when the text gives no URL
  content_hash text NOT NULL,                -- sha256 of text + metadata: re-ingesting an unchanged file is a no-op
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kb_chunks (
  id          bigserial PRIMARY KEY,
  chunk_key   text NOT NULL UNIQUE,          -- stable id: <document id>#<ordinal>
  document_id text NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
  ordinal     int NOT NULL,
  text        text NOT NULL,                 -- display form (NFC, canonical tone marks)
  folded      text NOT NULL,                 -- lower-case, diacritics removed
  tsv         tsvector NOT NULL,             -- accented syllables (A) + folded syllables (B), for ad-hoc search
  doc_len     int NOT NULL,                  -- syllables in title + text: BM25 length normalisation
  embedding   vector(512)
);
CREATE INDEX kb_chunks_document_idx ON kb_chunks (document_id, ordinal);
CREATE INDEX kb_chunks_tsv_idx ON kb_chunks USING gin (tsv);
CREATE INDEX kb_chunks_embedding_idx ON kb_chunks USING hnsw (embedding vector_cosine_ops);

-- Exact BM25 needs term frequencies per chunk and document frequencies per term: one row per (term, chunk).
-- Terms carry their field in a prefix: "a:" accented syllable or bigram, "f:" folded, "n:" document number.
CREATE TABLE kb_postings (
  term     text NOT NULL,
  chunk_id bigint NOT NULL REFERENCES kb_chunks(id) ON DELETE CASCADE,
  tf       real NOT NULL,
  doc_len  int NOT NULL,                     -- copied from the chunk so scoring reads one table
  -- Covering key: df counts and BM25 sums read the index only (after VACUUM sets the visibility map).
  PRIMARY KEY (term, chunk_id) INCLUDE (tf, doc_len)
);
CREATE INDEX kb_postings_chunk_idx ON kb_postings (chunk_id);

-- Which embedding model produced the stored vectors, and its native dimension (vectors are padded to 512).
CREATE TABLE kb_embedding_model (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  model      text NOT NULL,
  dimensions int NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
