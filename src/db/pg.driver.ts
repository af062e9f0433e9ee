import pg from 'pg';
import { PG_TYPES, parseInt8, type Database, type QueryResult, type Queryable } from './database';
import { PgNotifications } from './pg.notifications';

/** Options for the server driver. */
export interface PgOptions {
  connectionString: string;
  /** Pool size; must be 1 in front of pglite-socket, which serves one connection. */
  max: number;
  /**
   * The endpoint serves a single connection (pglite-socket in tests): a second one would end the first. Then no
   * dedicated connection is opened: the one process is alone, so start-time locks are not needed and there are no
   * other processes to notify.
   */
  singleConnection?: boolean;
  /** How long to wait for a connection (new or from the pool) before failing; 0 waits forever. */
  connectionTimeoutMs?: number;
  /** Server-side limit per statement (`statement_timeout`); 0 means none. */
  statementTimeoutMs?: number;
  /** pgvector's `hnsw.ef_search` for every pooled connection (set when it opens); unset keeps the server's. */
  hnswEfSearch?: number;
  /** Called for errors on idle clients (a restarted server); the pool replaces the client. */
  onIdleError?: (err: Error) => void;
}

const typeOverrides = new pg.TypeOverrides();
typeOverrides.setTypeParser(PG_TYPES.INT8, parseInt8);
typeOverrides.setTypeParser(PG_TYPES.NUMERIC, Number);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const result = await client.query(sql, params ? [...params] : undefined);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // The simple query protocol (no parameters) accepts several statements at once.
      await client.query(sql);
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(wrap(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr as Error;
    }
    throw err;
  } finally {
    // A client whose rollback failed is in an unknown state: destroy it instead of reusing it.
    client.release(broken);
  }
}

/** A connection outside the pool (locks, LISTEN): no statement timeout, since waiting is its job. */
export function dedicatedClient(options: PgOptions): pg.Client {
  return new pg.Client({
    connectionString: options.connectionString,
    types: typeOverrides,
    connectionTimeoutMillis: options.connectionTimeoutMs,
  });
}

async function withAdvisoryLock<T>(options: PgOptions, key: number, fn: () => Promise<T>): Promise<T> {
  // A session lock on a connection of its own, so fn can use the whole pool (even a pool of 1) meanwhile.
  const client = dedicatedClient(options);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    // Closing the session releases its locks, also when the unlock itself fails.
    await client.end().catch(() => undefined);
  }
}

/** Opens a pool on a Postgres server that has the vector, unaccent and pg_trgm extensions available. */
export async function openPg(options: PgOptions): Promise<Database & { raw: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    types: typeOverrides,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    statement_timeout: options.statementTimeoutMs || undefined,
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  // A session setting sent first on each new connection (its queries queue behind it). Not a startup `-c` option:
  // connection poolers such as PgBouncer refuse those by default.
  const efSearch = options.hnswEfSearch
    ? `SET hnsw.ef_search = ${Math.trunc(options.hnswEfSearch)}`
    : undefined;
  if (efSearch)
    pool.on(
      'connect',
      (client) => void client.query(efSearch).catch((err: Error) => options.onIdleError?.(err)),
    );
  // Fail at start, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const base = wrap(pool);
  const notifications = options.singleConnection
    ? undefined
    : new PgNotifications(
        () => dedicatedClient(options),
        options.onIdleError,
        async (channel, payload) => void (await pool.query('SELECT pg_notify($1, $2)', [channel, payload])),
      );
  let closed = false;
  return {
    driver: 'pg',
    raw: pool,
    ...base,
    transaction: (fn) => inTransaction(pool, fn),
    withAdvisoryLock: (key, fn) => (options.singleConnection ? fn() : withAdvisoryLock(options, key, fn)),
    notifications,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await notifications?.close();
      await pool.end();
    },
  };
}
