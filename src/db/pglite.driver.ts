import { PGlite, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { PG_TYPES, parseInt8, type Database, type QueryResult, type Queryable } from './database';

/** Options for the embedded driver. */
export interface PGliteOptions {
  /** Folder for a persistent database; omit for an in-memory one (tests). */
  dataDir?: string;
  /** A gzip tarball from dumpDataDir to start from (tests reuse a migrated snapshot). */
  loadDataDir?: Blob;
}

/** Extensions the schema relies on; loaded on every open. */
export const PGLITE_EXTENSIONS = { vector, unaccent, pg_trgm };

type Runner = Pick<PGlite, 'query' | 'exec'> | PGliteTransaction;

function wrap(runner: Runner): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const result = await runner.query<T>(sql, params ? [...params] : undefined);
      // PGlite reports affectedRows 0 for a SELECT; node-postgres reports the number of rows. Match pg.
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await runner.exec(sql);
    },
  };
}

/** Opens the embedded database (Postgres in WASM with pgvector, unaccent and pg_trgm). */
export async function openPGlite(options: PGliteOptions = {}): Promise<Database & { raw: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
    parsers: { [PG_TYPES.INT8]: parseInt8, [PG_TYPES.NUMERIC]: Number },
  });
  const base = wrap(pglite);
  const locks = new Map<number, Promise<unknown>>();
  let closed = false;
  return {
    driver: 'pglite',
    raw: pglite,
    ...base,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // PGlite serialises transactions on its single connection, so no other query interleaves.
      return pglite.transaction((tx) => fn(wrap(tx)));
    },
    withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T> {
      // One process owns an embedded database (the data-dir lock), so an in-process queue per key suffices.
      const previous = locks.get(key) ?? Promise.resolve();
      const result = previous.then(fn, fn);
      locks.set(
        key,
        result.catch(() => undefined),
      );
      return result;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
