import { readFile } from 'node:fs/promises';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Database } from '../../src/db/database';
import { openPg } from '../../src/db/pg.driver';
import { openPGlite } from '../../src/db/pglite.driver';

let snapshot: Buffer | undefined;

/** A fresh in-memory PGlite with every migration applied, started from the run's snapshot. */
export async function createTestDb(): Promise<Awaited<ReturnType<typeof openPGlite>>> {
  const file = process.env.TIEPDAN_TEST_SNAPSHOT;
  if (!file)
    throw new Error('TIEPDAN_TEST_SNAPSHOT is not set: run tests through jest (globalSetup builds it)');
  snapshot ??= await readFile(file);
  return openPGlite({ loadDataDir: new Blob([new Uint8Array(snapshot)]) });
}

/** A test database reached through a driver: PGlite directly, or node-postgres over pglite-socket. */
export interface DriverHandle {
  db: Database;
  close(): Promise<void>;
}

/** Opens a migrated test database through the named driver; the pg path uses a pool of 1, as PGlite serves one connection. */
export async function openTestDriver(driver: 'pglite' | 'pg'): Promise<DriverHandle> {
  const pglite = await createTestDb();
  if (driver === 'pglite') return { db: pglite, close: () => pglite.close() };
  const server = new PGLiteSocketServer({ db: pglite.raw, host: '127.0.0.1', port: 0 });
  await server.start();
  const db = await openPg({
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
    max: 1,
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

/** Runs the same suite against both drivers, so repositories are proven on PGlite and on the pg driver. */
export function describeEachDriver(name: string, suite: (get: () => Database) => void): void {
  describe.each(['pglite', 'pg'] as const)(`${name} [%s]`, (driver) => {
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
