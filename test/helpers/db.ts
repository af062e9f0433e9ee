import { readFile } from 'node:fs/promises';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Database } from '../../src/db/database';
import { openPg } from '../../src/db/pg.driver';
import { openPGlite } from '../../src/db/pglite.driver';
import { createEmptyServerDatabase, createServerTestDb } from './server-db';

let snapshot: Buffer | undefined;

/** True in the `server` Jest project: test databases live on the Postgres server of TEST_DATABASE_URL. */
export const onServer = (): boolean => process.env.TIEPDAN_TEST_DB === 'server';

/** A fresh in-memory PGlite with every migration applied, started from the run's snapshot. */
export async function createEmbeddedTestDb(): Promise<Awaited<ReturnType<typeof openPGlite>>> {
  const file = process.env.TIEPDAN_TEST_SNAPSHOT;
  if (!file)
    throw new Error('TIEPDAN_TEST_SNAPSHOT is not set: run tests through jest (globalSetup builds it)');
  snapshot ??= await readFile(file);
  return openPGlite({ loadDataDir: new Blob([new Uint8Array(snapshot)]) });
}

/**
 * A fresh migrated test database: embedded PGlite, or in the `server` project a database of its own on the
 * Postgres server (cloned from the run's migrated template, dropped by close()).
 */
export async function createTestDb(): Promise<Database> {
  return onServer() ? createServerTestDb() : createEmbeddedTestDb();
}

/** A test database reached through a driver: PGlite directly, or node-postgres over pglite-socket or a server. */
export interface DriverHandle {
  db: Database;
  close(): Promise<void>;
}

/** Which drivers a repository suite runs on: both embedded paths, or the real server in the `server` project. */
export type TestDriver = 'pglite' | 'pg' | 'server';

/** Opens a migrated test database through the named driver; the pg path uses a pool of 1, as PGlite serves one connection. */
export async function openTestDriver(driver: TestDriver): Promise<DriverHandle> {
  if (driver === 'server') {
    const db = await createServerTestDb();
    return { db, close: () => db.close() };
  }
  const pglite = await createEmbeddedTestDb();
  if (driver === 'pglite') return { db: pglite, close: () => pglite.close() };
  const server = new PGLiteSocketServer({ db: pglite.raw, host: '127.0.0.1', port: 0 });
  await server.start();
  const db = await openPg({
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
    max: 1,
    singleConnection: true,
  });
  return {
    db,
    async close() {
      await db.close();
      await server.stop();
      await pglite.close();
    },
  };
}

/** Runs the same suite against every driver of this project, so repositories are proven on each. */
export function describeEachDriver(name: string, suite: (get: () => Database) => void): void {
  const drivers: TestDriver[] = onServer() ? ['server'] : ['pglite', 'pg'];
  describe.each(drivers)(`${name} [%s]`, (driver) => {
    let handle: DriverHandle;
    beforeAll(async () => {
      handle = await openTestDriver(driver);
    });
    afterAll(async () => {
      await handle.close();
    });
    suite(() => handle.db);
  });
}

/** Where a spawned server keeps its data: a fresh DATA_DIR, or in the `server` project an empty server database. */
export async function processDatabaseEnv(
  dataDir: string,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!onServer()) return { env: { DATA_DIR: dataDir }, drop: async () => undefined };
  const created = await createEmptyServerDatabase();
  return { env: { DATABASE_URL: created.url }, drop: created.drop };
}
