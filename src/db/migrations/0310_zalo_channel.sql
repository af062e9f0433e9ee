-- Zalo Official Account channel: inbound webhook events (persisted before the 200, processed after),
-- the OA token pair (rotated; a refresh token works once), and messages sent to users with their receipts.

CREATE TABLE zalo_inbound_events (
  id bigserial PRIMARY KEY,
  -- message.msg_id when the event has one, otherwise event_name:sender:timestamp; Zalo's retries collide here.
  dedupe_key text NOT NULL UNIQUE,
  event_name text NOT NULL,
  user_id text,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  last_error text
);
CREATE INDEX zalo_inbound_events_pending_idx ON zalo_inbound_events (next_attempt_at) WHERE status = 'pending';

CREATE TABLE zalo_tokens (
  id int PRIMARY KEY CHECK (id = 1),
  access_token text NOT NULL,
  refresh_token text NOT NULL,
  expires_at timestamptz NOT NULL,
  -- A lease, not a held transaction: the replica that sets it calls Zalo's OAuth endpoint; others wait for the new pair.
  refreshing_until timestamptz,
  refresh_failures int NOT NULL DEFAULT 0,
  last_refresh_error text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE zalo_sent_messages (
  message_id text PRIMARY KEY,
  user_id text NOT NULL,
  -- The outbox row (or bot reply id) this send delivered, so a retried delivery can be recognised.
  delivery_key text,
  sent_at timestamptz NOT NULL DEFAULT now(),
  received_at timestamptz,
  seen_at timestamptz
);
CREATE UNIQUE INDEX zalo_sent_messages_delivery_key_idx ON zalo_sent_messages (delivery_key, message_id);
CREATE INDEX zalo_sent_messages_delivery_idx ON zalo_sent_messages (delivery_key);
