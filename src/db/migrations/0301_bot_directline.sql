-- Bot state (Agents SDK Storage), Direct Line conversations, activities and uploads, and app-generated secrets.

-- One row per Storage key (`directline/conversations/<id>/`, `directline/users/<id>/`); etag increments on every write.
CREATE TABLE bot_state (
  key text PRIMARY KEY,
  doc jsonb NOT NULL,
  etag bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Secrets the app generates once and every replica shares (e.g. the Direct Line token signing key).
CREATE TABLE app_secret (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A Direct Line conversation; next_seq hands out watermarks in commit order (the row lock serialises appends).
CREATE TABLE directline_conversation (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  next_seq integer NOT NULL DEFAULT 0,
  started_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every activity of a conversation, user echoes and bot replies alike; seq is the watermark.
CREATE TABLE directline_activity (
  conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  id text NOT NULL,
  client_activity_id text,
  activity jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, seq)
);
-- A client retrying a POST with the same clientActivityID gets the same activity back, not a second turn.
CREATE UNIQUE INDEX directline_activity_client_id ON directline_activity (conversation_id, client_activity_id)
  WHERE client_activity_id IS NOT NULL;

-- Files uploaded into a conversation (photos for feedback).
CREATE TABLE directline_upload (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
  content_type text NOT NULL,
  name text,
  size integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directline_upload_conversation ON directline_upload (conversation_id);


-- Per-conversation turn lease shared by replicas: a turn runs only while its replica holds the row.
CREATE TABLE bot_turn_lock (
  key text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
