import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database } from './database';
import { acquireDataDirLock } from './data-dir-lock';
import { openPg } from './pg.driver';
import { openPGlite } from './pglite.driver';

/** Opens the configured database: a Postgres server when DATABASE_URL is set, otherwise PGlite in DATA_DIR. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  if (config.databaseUrl) {
    const db = await openPg({
      connectionString: config.databaseUrl,
      max: config.databasePoolMax,
      connectionTimeoutMs: config.databaseConnectTimeoutMs,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      hnswEfSearch: config.knowledge.hnswEfSearch,
      onIdleError: (err) => logger.warn({ err }, 'idle database client failed; the pool will replace it'),
    });
    logger.info({ driver: 'pg' }, 'connected to Postgres server');
    return db;
  }
  await mkdir(config.dataDir, { recursive: true });
  // PGlite is single-process: a second server on the same folder would corrupt it.
  const lock = await acquireDataDirLock(config.dataDir);
  const started = Date.now();
  let db: Awaited<ReturnType<typeof openPGlite>>;
  try {
    db = await openPGlite({ dataDir: config.dataDir });
    // One connection for the process: a session setting holds for every query.
    await db.exec(`SET hnsw.ef_search = ${Math.trunc(config.knowledge.hnswEfSearch)}`);
  } catch (err) {
    await lock.release();
    throw err;
  }
  logger.info(
    { driver: 'pglite', dataDir: config.dataDir, ms: Date.now() - started },
    'opened embedded database',
  );
  return {
    ...db,
    async close() {
      await db.close();
      await lock.release();
    },
  };
}
