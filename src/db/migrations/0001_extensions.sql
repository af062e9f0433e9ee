-- Extensions every later migration may rely on. On a Postgres server they must be installable
-- (pgvector/pgvector images ship vector; unaccent and pg_trgm are in contrib).
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary), so it cannot appear in an index expression.
-- This wrapper names the dictionary explicitly and is safe to mark IMMUTABLE.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
