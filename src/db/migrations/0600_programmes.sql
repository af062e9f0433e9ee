-- Action programmes of resolutions: programme → groups → items (targets and tasks), append-only progress
-- reports with evidence, citizens following an item, and tickets linked to an item. Status is derived on read
-- (src/programmes/status.ts), never stored, except the last status followers were told about.
CREATE TABLE programmes (
  -- A slug of the title: stable across re-imports, used in URLs (/tien-do/<id>).
  id text PRIMARY KEY,
  title text NOT NULL,
  -- The resolution the programme implements: a knowledge-base document id or a document number.
  document text,
  period_start date,
  period_end date,
  -- Demonstration data (the seed articles' programme): every page showing it says so.
  sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme_groups (
  id bigserial PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  title text NOT NULL,
  position int NOT NULL,
  UNIQUE (programme_id, title)
);

CREATE TABLE programme_items (
  code text PRIMARY KEY,
  programme_id text NOT NULL REFERENCES programmes (id),
  group_id bigint REFERENCES programme_groups (id),
  kind text NOT NULL CHECK (kind IN ('target', 'task')),
  title text NOT NULL,
  -- Lower-case, diacritic-folded title: what chat questions are matched against.
  title_folded text NOT NULL,
  -- The resolution this item comes from when it differs from the programme's.
  document text,
  lead_agency_id text REFERENCES agencies (id),
  coordinating_agency_ids text[] NOT NULL DEFAULT '{}',
  start_on date,
  deadline date,
  unit text,
  baseline text,
  baseline_value numeric,
  target text,
  target_value numeric,
  budget text,
  product text,
  position int NOT NULL,
  -- The status followers were last notified of (NULL: none yet).
  notified_status text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_items_programme ON programme_items (programme_id, position);
CREATE INDEX programme_items_lead ON programme_items (lead_agency_id);

CREATE TABLE programme_reports (
  id bigserial PRIMARY KEY,
  item_code text NOT NULL REFERENCES programme_items (code),
  reported_on date NOT NULL,
  agency_id text REFERENCES agencies (id),
  percent numeric CHECK (percent >= 0 AND percent <= 100),
  value numeric,
  note text,
  source text NOT NULL CHECK (source IN ('import', 'portal')),
  created_by uuid,
  -- Set for imported reports: importing the same row again stores nothing new.
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (percent IS NOT NULL OR value IS NOT NULL)
);
CREATE INDEX programme_reports_item ON programme_reports (item_code, reported_on DESC, id DESC);

-- Reports are a record of what was said when: corrections are new reports, never edits.
CREATE FUNCTION programme_reports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'programme_reports is append-only';
END $$;
CREATE TRIGGER programme_reports_append_only BEFORE UPDATE OR DELETE ON programme_reports
  FOR EACH ROW EXECUTE FUNCTION programme_reports_append_only();

CREATE TABLE programme_evidence (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES programme_reports (id),
  filename text NOT NULL,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_evidence_report ON programme_evidence (report_id);

CREATE TABLE programme_followers (
  item_code text NOT NULL REFERENCES programme_items (code),
  channel text NOT NULL,
  conversation_id text NOT NULL,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_code, channel, user_id)
);

CREATE TABLE programme_ticket_links (
  item_code text NOT NULL REFERENCES programme_items (code),
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  linked_by uuid,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_code, ticket_id)
);
CREATE INDEX programme_ticket_links_ticket ON programme_ticket_links (ticket_id);
