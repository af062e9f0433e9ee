-- The inbound worker claims a user's event only when no earlier event of that user is pending (ordering across a
-- crash); this index keeps that check cheap however long the event log grows.
CREATE INDEX zalo_inbound_events_pending_user_idx ON zalo_inbound_events (user_id, id) WHERE status = 'pending';
