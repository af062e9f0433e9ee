-- A ticket still new (nobody took it into work) after its acknowledgement deadline is escalated once, like a
-- ticket past its answer deadline: this records when.
ALTER TABLE tickets ADD COLUMN ack_overdue_at timestamptz;
