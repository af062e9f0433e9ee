/** Rows and count returned by a query, the same shape on both drivers. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs SQL: the database itself or an open transaction handle. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** An open transaction; pass it down to repositories so every write lands in one commit. */
export type Transaction = Queryable;

/** The one database interface: PGlite embedded or a Postgres server, same SQL on both. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Runs fn in a transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Flushes and closes; idempotent. */
  close(): Promise<void>;
}

/** Postgres type OIDs the drivers parse the same way. */
export const PG_TYPES = { INT8: 20, NUMERIC: 1700 } as const;

/** int8 counts and ids fit in a double here; both drivers return numbers so code never sees bigint or string. */
export function parseInt8(value: string): number {
  return Number(value);
}
