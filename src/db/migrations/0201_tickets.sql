-- Tickets and agencies: administrative units, agencies, categories, routing rules, holidays, tickets,
-- append-only ticket events, the outbox of messages to citizens and notifications to agencies.
-- Units, agencies and holidays are seeded at start from bundled data (idempotent); categories and rules here.

CREATE TABLE admin_units (
  code text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'commune')),
  province_code text NOT NULL,
  short_name text NOT NULL
);
CREATE INDEX admin_units_province ON admin_units (province_code);

CREATE TABLE admin_unit_renames (
  old_code text NOT NULL,
  old_name text NOT NULL,
  old_province_code text NOT NULL,
  new_code text NOT NULL REFERENCES admin_units (code),
  PRIMARY KEY (old_code, new_code)
);

CREATE TABLE agencies (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('department', 'police', 'inspectorate', 'office', 'commune')),
  province_code text NOT NULL,
  commune_code text REFERENCES admin_units (code),
  active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX agencies_commune ON agencies (commune_code) WHERE commune_code IS NOT NULL;

CREATE TABLE categories (
  code text PRIMARY KEY,
  name text NOT NULL,
  sort int NOT NULL
);
INSERT INTO categories (code, name, sort) VALUES
  ('giao-thong', 'Giao thông, đường sá', 1),
  ('trat-tu-xay-dung', 'Trật tự xây dựng, đô thị', 2),
  ('dat-dai', 'Đất đai, bồi thường', 3),
  ('moi-truong', 'Môi trường, rác thải, ô nhiễm', 4),
  ('nong-nghiep', 'Nông nghiệp, thủy lợi', 5),
  ('lao-dong-an-sinh', 'Lao động, việc làm, an sinh, BHXH', 6),
  ('hanh-chinh-cong', 'Thủ tục hành chính, thái độ cán bộ', 7),
  ('dien-nuoc', 'Điện, nước sinh hoạt, chiếu sáng', 8),
  ('an-ninh-trat-tu', 'An ninh, trật tự, tiếng ồn', 9),
  ('y-te', 'Y tế, an toàn thực phẩm', 10),
  ('giao-duc', 'Giáo dục', 11),
  ('doanh-nghiep-dau-tu', 'Doanh nghiệp, đầu tư, thuế', 12),
  ('khac', 'Khác', 13);

-- A rule matches when each non-null condition equals the ticket's; the lowest priority wins. The target is a fixed
-- agency, or (to_commune) the UBND of the ticket's commune when the commune is known and has an agency.
CREATE TABLE routing_rules (
  id serial PRIMARY KEY,
  priority int NOT NULL,
  kind text,
  category text REFERENCES categories (code),
  commune_known boolean,
  to_commune boolean NOT NULL DEFAULT false,
  agency_id text,
  CHECK (to_commune OR agency_id IS NOT NULL)
);
INSERT INTO routing_rules (priority, kind, category, commune_known, to_commune, agency_id) VALUES
  (10, 'complaint', NULL, NULL, false, 'thanh-tra-tinh'),
  (10, 'denunciation', NULL, NULL, false, 'thanh-tra-tinh'),
  (50, NULL, 'giao-thong', true, true, NULL),
  (50, NULL, 'trat-tu-xay-dung', true, true, NULL),
  (50, NULL, 'dat-dai', true, true, NULL),
  (50, NULL, 'moi-truong', true, true, NULL),
  (50, NULL, 'nong-nghiep', true, true, NULL),
  (50, NULL, 'lao-dong-an-sinh', true, true, NULL),
  (50, NULL, 'hanh-chinh-cong', true, true, NULL),
  (60, NULL, 'giao-thong', NULL, false, 'so-xay-dung'),
  (60, NULL, 'trat-tu-xay-dung', NULL, false, 'so-xay-dung'),
  (60, NULL, 'dat-dai', NULL, false, 'so-nong-nghiep-moi-truong'),
  (60, NULL, 'moi-truong', NULL, false, 'so-nong-nghiep-moi-truong'),
  (60, NULL, 'nong-nghiep', NULL, false, 'so-nong-nghiep-moi-truong'),
  (60, NULL, 'lao-dong-an-sinh', NULL, false, 'so-noi-vu'),
  (60, NULL, 'hanh-chinh-cong', NULL, false, 'so-noi-vu'),
  (60, NULL, 'dien-nuoc', NULL, false, 'so-cong-thuong'),
  (60, NULL, 'an-ninh-trat-tu', NULL, false, 'cong-an-tinh'),
  (60, NULL, 'y-te', NULL, false, 'so-y-te'),
  (60, NULL, 'giao-duc', NULL, false, 'so-giao-duc-dao-tao'),
  (60, NULL, 'doanh-nghiep-dau-tu', NULL, false, 'so-tai-chinh'),
  (100, NULL, NULL, NULL, false, 'van-phong-ubnd-tinh');
-- A question goes to the agency owning its topic, never to a commune (DESIGN: default Văn phòng UBND tỉnh).
INSERT INTO routing_rules (priority, kind, category, commune_known, to_commune, agency_id)
  SELECT 40, 'question', category, NULL, false, agency_id FROM routing_rules WHERE priority = 60;

CREATE TABLE holidays (
  day date PRIMARY KEY,
  name text NOT NULL,
  source text NOT NULL DEFAULT 'law' CHECK (source IN ('law', 'admin')),
  -- An administrator can cancel a computed day (the Government moved it) without the seeder adding it back.
  cancelled boolean NOT NULL DEFAULT false
);

CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code text NOT NULL UNIQUE,
  pin_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('question', 'feedback', 'complaint', 'denunciation')),
  category text NOT NULL REFERENCES categories (code),
  commune_code text REFERENCES admin_units (code),
  description text NOT NULL,
  attachments jsonb NOT NULL DEFAULT '[]',
  location jsonb,
  contact_name text,
  contact_phone text,
  contact_consent_at timestamptz,
  origin_channel text NOT NULL,
  origin_conversation_id text NOT NULL,
  origin_user_id text NOT NULL,
  idempotency_key text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  status text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'answered', 'closed', 'reopened', 'transferred', 'rejected')),
  duplicate_of uuid REFERENCES tickets (id),
  acknowledge_due_at timestamptz NOT NULL,
  resolve_due_at timestamptz NOT NULL,
  overdue_at timestamptz,
  answer text,
  answered_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  failed_lookups int NOT NULL DEFAULT 0,
  lookup_locked_until timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Contact details only with a recorded consent.
  CHECK ((contact_name IS NULL AND contact_phone IS NULL) OR contact_consent_at IS NOT NULL),
  UNIQUE (origin_channel, idempotency_key)
);
CREATE INDEX tickets_open_due ON tickets (resolve_due_at) WHERE status NOT IN ('answered', 'closed', 'rejected');
CREATE INDEX tickets_agency ON tickets (agency_id, status);
CREATE INDEX tickets_dedupe ON tickets (commune_code, category) WHERE status NOT IN ('answered', 'closed', 'rejected');

CREATE TABLE ticket_events (
  id bigserial PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  type text NOT NULL,
  status text,
  agency_id text,
  note text,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

-- Append-only: history is evidence (who did what, when) and is never rewritten.
CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ticket_events is append-only';
END $$;
CREATE TRIGGER ticket_events_no_change BEFORE UPDATE OR DELETE ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  -- One row per event ("ticket:<id>:created"): the unique key is what keeps a message from being queued twice.
  event_key text NOT NULL UNIQUE,
  ticket_id uuid REFERENCES tickets (id),
  channel text NOT NULL,
  conversation_id text NOT NULL,
  user_id text NOT NULL,
  text text NOT NULL,
  suggested_actions jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  external_id text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE agency_notifications (
  id bigserial PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies (id),
  ticket_id uuid NOT NULL REFERENCES tickets (id),
  type text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (ticket_id, type)
);

-- Server-side secrets of the tickets area (the key PINs are derived with), generated once at first start.
CREATE TABLE ticket_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
