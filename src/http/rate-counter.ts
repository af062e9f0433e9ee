import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/database';
import { AppError } from './errors';
import { FixedWindowRateLimiter } from './fixed-window-limiter';

/** Counts requests per key against one limit; hit() throws 429 `rate_limited` (with a retry hint) past it. */
export interface RateCounter {
  hit(key: string): Promise<void>;
}

/** Makes the counter of one named limit: `limit` requests per `windowMs` and key. */
export type RateCounters = (name: string, limit: number, windowMs: number) => RateCounter;

/** In this process only: the embedded database has one process. */
export const memoryRateCounters: RateCounters = (_name, limit, windowMs) => {
  const window = new FixedWindowRateLimiter(limit, windowMs);
  return { hit: async (key) => window.hit(key) };
};

/**
 * Counters in Postgres (rate-limiter-flexible's Postgres store on the `rate_limit` table), so every replica counts
 * against the same limit. Should the database fail, each replica falls back to counting in memory.
 */
export function postgresRateCounters(db: Database): RateCounters {
  // The store speaks node-postgres' query-object form; the app's database interface is enough for it.
  const storeClient = { query: (q: { text: string; values?: unknown[] }) => db.query(q.text, q.values) };
  return (name, limit, windowMs) => {
    const duration = Math.max(1, Math.round(windowMs / 1000));
    const limiter = new RateLimiterPostgres({
      storeClient,
      storeType: 'client',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: name,
      points: limit,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points: limit, duration, keyPrefix: name }),
    });
    return {
      async hit(key) {
        try {
          await limiter.consume(key);
        } catch (res) {
          if (!(res instanceof RateLimiterRes)) throw res;
          const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
          throw new AppError('rate_limited', 429, undefined, { retryAfterSeconds });
        }
      },
    };
  };
}

/** Shared counters on a Postgres server, per-process ones on the embedded database. */
export function rateCountersFor(db: Database): RateCounters {
  return db.driver === 'pg' ? postgresRateCounters(db) : memoryRateCounters;
}
