-- Zalo in production: events with a valid signature that we cannot use are kept as rejected (with the reason)
-- instead of being refused, so Zalo stops redelivering them; bot replies wait in the outbox in order per
-- conversation; photos are copied from Zalo's CDN on receipt; channel alerts reach administrators.

ALTER TABLE zalo_inbound_events DROP CONSTRAINT zalo_inbound_events_status_check;
ALTER TABLE zalo_inbound_events ADD CONSTRAINT zalo_inbound_events_status_check
  CHECK (status IN ('pending', 'done', 'failed', 'rejected'));
ALTER TABLE zalo_inbound_events ADD COLUMN reject_reason text;
ALTER TABLE zalo_inbound_events ALTER COLUMN payload DROP NOT NULL;

-- Which environment pair seeded the stored tokens (a SHA-256, never the tokens): a new pair in the environment
-- replaces a stored pair that came from an older one; a pair stored by `npm run zalo:tokens` says so in source.
ALTER TABLE zalo_tokens ADD COLUMN env_pair_hash text, ADD COLUMN source text NOT NULL DEFAULT 'env';

-- A conversation's messages leave in the order they were queued: a row waits while an earlier one is unsent.
CREATE INDEX outbox_conversation_unsent ON outbox (channel, conversation_id, id) WHERE status IN ('pending', 'sending');
-- Every citizen message looks for that citizen's messages held by a closed window; now that every bot reply is an
-- outbox row, that lookup must not scan the table.
CREATE INDEX outbox_failed_by_user ON outbox (channel, user_id) WHERE status = 'failed';

-- Photos a citizen sent on Zalo, downloaded on receipt (Zalo's CDN links are not ours to keep).
CREATE TABLE zalo_media (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  message_id text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX zalo_media_message ON zalo_media (message_id, id);

-- Problems a channel cannot solve alone (quota used up, permission withdrawn): one open row per channel and code,
-- shown to administrators until they mark it resolved.
CREATE TABLE channel_alerts (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  occurrences integer NOT NULL DEFAULT 1,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  resolved_at timestamptz
);
CREATE UNIQUE INDEX channel_alerts_open ON channel_alerts (channel, code) WHERE resolved_at IS NULL;
