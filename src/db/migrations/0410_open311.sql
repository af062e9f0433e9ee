-- API clients allowed to POST service requests through Open311 GeoReport v2. Keys are stored as SHA-256 hashes.
CREATE TABLE open311_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
