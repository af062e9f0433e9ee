-- Agency staff accounts and their sessions. Passwords are argon2id hashes; session tokens are stored as SHA-256
-- hashes only, so a database leak does not hand out live sessions.

CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('staff', 'supervisor', 'admin')),
  -- The agency the user works for; administrators may have none.
  agency_id text,
  active boolean NOT NULL DEFAULT true,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  CHECK (role = 'admin' OR agency_id IS NOT NULL)
);
CREATE UNIQUE INDEX staff_users_username_idx ON staff_users (lower(username));
CREATE INDEX staff_users_agency_idx ON staff_users (agency_id);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expiry_idx ON staff_sessions (expires_at);
