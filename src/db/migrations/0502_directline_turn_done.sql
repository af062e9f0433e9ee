-- A citizen's message is answered even when the process that stored it died before the bot's turn finished: the
-- POST that stores it leases its turn, and a client's retry (same clientActivityID) runs the turn only when it was
-- never finished and the lease ran out. Messages stored before this migration count as answered.
ALTER TABLE directline_activity ADD COLUMN turn_done_at timestamptz, ADD COLUMN turn_lease_until timestamptz;
UPDATE directline_activity SET turn_done_at = created_at WHERE client_activity_id IS NOT NULL;
