-- Knowledge-base administration in the portal: uploaded documents waiting for (or done with) ingestion, the
-- questions the bot could not answer, and the missing foreign key from staff accounts to their agency.

-- An upload keeps its bytes until it is ingested, so a crash between upload and ingestion loses nothing: the
-- worker claims queued rows (and rows whose lease expired) after a restart.
CREATE TABLE kb_uploads (
  id            bigserial PRIMARY KEY,
  filename      text NOT NULL,
  document_id   text NOT NULL,                -- the id the document gets in kb_documents (uploads/<name>)
  size_bytes    int NOT NULL,
  metadata      jsonb NOT NULL DEFAULT '{}',  -- title, issuer, number, date, source given on the form
  bytes         bytea,                        -- dropped once ingested
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  outcome       text,                         -- added / updated / unchanged when done
  chunks        int,
  error_code    text,
  error_message text,
  uploaded_by   uuid REFERENCES staff_users (id),
  lease_until   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX kb_uploads_pending_idx ON kb_uploads (id) WHERE status IN ('queued', 'running');

-- One row per distinct question (by its folded form); personal data is redacted before it is stored.
CREATE TABLE kb_unanswered (
  id             bigserial PRIMARY KEY,
  question_key   text NOT NULL UNIQUE,
  question       text NOT NULL,
  asked_count    int NOT NULL DEFAULT 1,
  best_confidence real,
  first_asked_at timestamptz NOT NULL DEFAULT now(),
  last_asked_at  timestamptz NOT NULL DEFAULT now(),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'dismissed')),
  document_id    text,                         -- the published answer, when answered
  handled_by     uuid REFERENCES staff_users (id),
  handled_at     timestamptz
);
CREATE INDEX kb_unanswered_open_idx ON kb_unanswered (status, asked_count DESC, last_asked_at DESC);

ALTER TABLE staff_users
  ADD CONSTRAINT staff_users_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id);
