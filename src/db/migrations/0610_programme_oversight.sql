-- Oversight comments on items (shown publicly with the author's role; moderators hide, never delete), portal users
-- following items, reporting periods with their reminders, and the portal notices both of those produce.
CREATE TABLE programme_comments (
  id bigserial PRIMARY KEY,
  item_code text NOT NULL REFERENCES programme_items (code),
  author_id uuid NOT NULL REFERENCES staff_users (id),
  author_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  hidden_at timestamptz,
  hidden_by uuid REFERENCES staff_users (id)
);
CREATE INDEX programme_comments_item ON programme_comments (item_code, id);

CREATE TABLE programme_staff_followers (
  item_code text NOT NULL REFERENCES programme_items (code),
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_code, user_id)
);

-- How often the lead agencies report: every month (default) or every quarter; a period's report is due on its
-- last day.
ALTER TABLE programmes ADD COLUMN report_every text NOT NULL DEFAULT 'month'
  CHECK (report_every IN ('month', 'quarter'));

-- A notice in the portal: for one user (an item they follow changed status) or for an agency's staff (a reporting
-- reminder). dedupe_key makes a job that runs twice, or on two replicas, queue it once.
CREATE TABLE programme_notices (
  id bigserial PRIMARY KEY,
  agency_id text REFERENCES agencies (id),
  user_id uuid REFERENCES staff_users (id) ON DELETE CASCADE,
  item_code text REFERENCES programme_items (code),
  kind text NOT NULL CHECK (kind IN ('status', 'reminder')),
  text text NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  CHECK (agency_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX programme_notices_agency ON programme_notices (agency_id, id) WHERE read_at IS NULL;
CREATE INDEX programme_notices_user ON programme_notices (user_id, id) WHERE read_at IS NULL;
