-- One table for the secrets the app generates once and every replica shares. The tickets' PIN key moves from
-- ticket_secrets (0201) into app_secret (0301), named by its area like the Direct Line key ("tickets.pin").
INSERT INTO app_secret (name, value)
SELECT 'tickets.' || name, value FROM ticket_secrets
ON CONFLICT (name) DO NOTHING;

DROP TABLE ticket_secrets;
