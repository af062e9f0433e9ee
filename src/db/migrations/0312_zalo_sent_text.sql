-- The text of each part sent to a citizen on Zalo, so agency staff can read the whole conversation on the case
-- page (Zalo's API offers no history of what the OA sent).
ALTER TABLE zalo_sent_messages ADD COLUMN text text;
