-- Run once by a superuser (or the managed service's admin role) on a new database, before the first migration.
--
-- 1. Extensions. The first migration runs CREATE EXTENSION IF NOT EXISTS, which needs privileges an app role on a
--    managed Postgres usually lacks: create them here.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- 2. The app's role. Since PostgreSQL 15 only the database owner (and superusers) may create in schema `public`:
--    an app role that does not own the database fails its first migration with
--    `permission denied for schema public`. Either make the app role the owner of the database:
--
--      ALTER DATABASE tiepdan OWNER TO tiepdan_app;
--
--    or give it the schema (run in the app's database; `tiepdan_app` is the role in DATABASE_URL):
--
--      GRANT USAGE, CREATE ON SCHEMA public TO tiepdan_app;
--
--    The migrations create every table, so the role that runs them owns them; replicas that run with another role
--    (read/write only, no DDL) also need, after the migrations ran:
--
--      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tiepdan_replica;
--      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tiepdan_replica;
--      ALTER DEFAULT PRIVILEGES FOR ROLE tiepdan_app IN SCHEMA public
--        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tiepdan_replica;
--      ALTER DEFAULT PRIVILEGES FOR ROLE tiepdan_app IN SCHEMA public
--        GRANT USAGE, SELECT ON SEQUENCES TO tiepdan_replica;
