-- The province a document is about, as an administrator set it in the portal. It outlives re-ingestion (the
-- document row is replaced when its text changes) and wins over the province inferred at ingest; a row whose
-- province is NULL says the document is about no single province. No row: the inferred province applies.
CREATE TABLE kb_document_province (
  document_id text PRIMARY KEY,
  province    text CHECK (province IS NULL OR length(province) BETWEEN 1 AND 100),
  set_by      uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  set_at      timestamptz NOT NULL DEFAULT now()
);
