import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/db/database';
import { openPg } from '../../src/db/pg.driver';

/** The Postgres server the server-backed suites use (CI sets it); unset means those suites skip. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Why a server suite did not run, printed once per file so a skipped run is never mistaken for a pass. */
export const NO_SERVER_MESSAGE =
  'TEST_DATABASE_URL is not set: skipping the suites that need a Postgres server (CI sets it; see docs/deploy.md)';

/** The URL of another database on the same server. */
export function databaseUrl(name: string, base: string = TEST_DATABASE_URL ?? ''): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a pool's tx). */
export async function adminQuery(sql: string, base: string = TEST_DATABASE_URL ?? ''): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Name of the migrated template database of a run (globalSetup creates it); its clones share the prefix. */
export function templateName(runId: string): string {
  return `tiepdan_test_${runId}_tpl`;
}

/** A fresh database on the server, cloned from the run's migrated template. */
export async function createServerDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env.TIEPDAN_TEST_TEMPLATE;
  if (!TEST_DATABASE_URL || !template)
    throw new Error('no server test database: TEST_DATABASE_URL and the globalSetup template are needed');
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(6).toString('hex')}`;
  // Two workers cloning the template at the same moment can see each other's brief connection to it: retry.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A pool on a server database, as one replica opens it. */
export function openReplicaDb(url: string, max = 5): Promise<Database> {
  return openPg({ connectionString: url, max, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
}

/** A migrated database of its own on the server, dropped again by close(). */
export async function createServerTestDb(max = 5): Promise<Database> {
  const created = await createServerDatabase();
  const db = await openReplicaDb(created.url, max);
  return {
    ...db,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

/** `describe` when a server is configured; otherwise the suite is reported skipped, with the reason printed. */
export function describeWithServer(name: string, suite: (url: string) => void): void {
  if (!TEST_DATABASE_URL) {
    // The contract: suites that need a server skip without one, and say why in the test report.
    describe(name, () => it.skip(NO_SERVER_MESSAGE, () => undefined));
    return;
  }
  describe(name, () => suite(TEST_DATABASE_URL));
}

/** An empty database on the server (no migrations: the process under test applies them), dropped by drop(). */
export async function createEmptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tiepdan_test_${process.env.TIEPDAN_TEST_TEMPLATE?.replace(/^tiepdan_test_|_tpl$/g, '') ?? 'x'}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
