-- Wrong PINs per (tracking code, source) for the lookup guard, shared by every replica when the app runs on a
-- Postgres server (the embedded database keeps them in memory). A pair is held back until held_until; a pair with
-- no failure for a day is forgotten (and its row deleted).
CREATE TABLE ticket_lookup_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  held_until timestamptz,
  last_failed_at timestamptz NOT NULL
);
CREATE INDEX ticket_lookup_failures_last_idx ON ticket_lookup_failures (last_failed_at);
