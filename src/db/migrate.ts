import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_KEYS, type Database } from './database';

/** A migration file as read from disk. */
export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Where the SQL files live: beside this module, in src/ and (copied by the build) in dist/. */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const MIGRATION_LOCK_KEY = LOCK_KEYS.migrations;

/** Reads the migration files in version order; refuses duplicate versions. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<string>();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name ${file} does not match NNNN_name.sql`);
    const [, version, name] = match as unknown as [string, string, string];
    if (seen.has(version)) throw new Error(`Two migrations share version ${version}`);
    seen.add(version);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Status of the schema against the files: what is applied, what is pending, what was edited after applying. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  changed: string[];
}

/** Compares the database with the migration files without changing anything. */
export async function migrationStatus(db: Database, migrations?: Migration[]): Promise<MigrationStatus> {
  const files = migrations ?? (await readMigrations());
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  const rows = exists.rows[0]?.t
    ? (
        await db.query<{ version: string; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations',
        )
      ).rows
    : [];
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  return {
    applied: [...applied.keys()].sort(),
    pending: files.filter((m) => !applied.has(m.version)).map((m) => m.version),
    changed: files
      .filter((m) => applied.has(m.version) && applied.get(m.version) !== m.checksum)
      .map((m) => m.version),
  };
}

/** Applies every pending migration, each in its own transaction under an advisory lock; returns what it applied. */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const files = migrations ?? (await readMigrations());
  // Under the lock too: replicas racing through CREATE TABLE IF NOT EXISTS can collide on the catalogue.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
  });
  const done: string[] = [];
  for (const migration of files) {
    const appliedNow = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const existing = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      const row = existing.rows[0];
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.version}_${migration.name} changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (appliedNow) done.push(`${migration.version}_${migration.name}`);
  }
  return done;
}
