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

/** Cross-process notifications (Postgres LISTEN/NOTIFY): present on a server, absent on the embedded database. */
export interface Notifications {
  /** Listens on a channel over this process's one listening connection; returns the unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Sends a payload (at most ~8,000 bytes) to every process listening on the channel. */
  notify(channel: string, payload: string): Promise<void>;
}

/** The one database interface: PGlite embedded or a Postgres server, same SQL on both. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Runs fn in a transaction: commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs fn while holding the advisory lock `key`, so one process at a time does it (start-time seeding). fn uses
   * the database as usual; the lock is held on a connection of its own.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** LISTEN/NOTIFY between processes sharing a server; undefined on the embedded database (one process). */
  readonly notifications?: Notifications;
  /** Flushes and closes; idempotent. */
  close(): Promise<void>;
}

/** Postgres type OIDs the drivers parse the same way. */
export const PG_TYPES = { INT8: 20, NUMERIC: 1700 } as const;

/** int8 counts and ids fit in a double here; both drivers return numbers so code never sees bigint or string. */
export function parseInt8(value: string): number {
  return Number(value);
}

/** Advisory lock keys; any constants work as long as every replica uses the same ones. */
export const LOCK_KEYS = {
  migrations: 7_338_001,
  seeding: 7_338_002,
  knowledgeWrites: 7_338_003,
} as const;
