-- Run once by a superuser on a new database. The app's first migration also runs CREATE EXTENSION IF NOT EXISTS,
-- which needs these privileges when the app's role is not a superuser (managed Postgres): create them here.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
