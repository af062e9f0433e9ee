-- Per Zalo user: the choices of the bot's last message, so a reply of "2" can mean the second choice
-- (Zalo's v3 button templates are unconfirmed, so choices go out as a numbered list).
CREATE TABLE zalo_conversations (
  user_id text PRIMARY KEY,
  last_choices jsonb NOT NULL DEFAULT '[]'::jsonb,
  following boolean NOT NULL DEFAULT true,
  last_inbound_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
