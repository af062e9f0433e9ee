import type { Database } from '../db/database';
import { rateCountersFor, type RateCounter } from '../http/rate-counter';
import * as repo from './lookup-failures.repository';

/** Wrong PINs for one (code, source) before that pair is held back. */
export const FAILURES_BEFORE_DELAY = 5;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;
const MEMORY_MAX_PAIRS = 50_000;

/** Wrong PINs per (code, source) key: counted, and the hold the guard puts on a key. */
export interface LookupFailures {
  /** Counts one failure at `now` and returns the key's failures (counting again from one after a day of quiet). */
  add(key: string, now: number): Promise<number>;
  /** Holds the key back until `until` (a longer hold already set stays). */
  hold(key: string, until: number): Promise<void>;
  /** Until when the key is held back (epoch ms); 0 when it is not. */
  heldUntil(key: string): Promise<number>;
  /** Forgets the key's failures. */
  clear(key: string): Promise<void>;
}

/** In this process only: the embedded database has one process. */
export function memoryLookupFailures(): LookupFailures {
  const pairs = new Map<string, { failures: number; until: number; last: number }>();
  const sweep = (now: number) => {
    for (const [key, f] of pairs) if (f.last < now - repo.FORGET_AFTER_MS) pairs.delete(key);
    if (pairs.size > MEMORY_MAX_PAIRS) for (const [key, f] of pairs) if (f.until <= now) pairs.delete(key);
  };
  return {
    async add(key, now) {
      const old = pairs.get(key);
      const f = old && old.last >= now - repo.FORGET_AFTER_MS ? old : { failures: 0, until: 0, last: now };
      f.failures += 1;
      f.last = now;
      pairs.set(key, f);
      if (pairs.size > MEMORY_MAX_PAIRS) sweep(now);
      return f.failures;
    },
    async hold(key, until) {
      const f = pairs.get(key);
      if (f) f.until = Math.max(f.until, until);
    },
    heldUntil: async (key) => pairs.get(key)?.until ?? 0,
    clear: async (key) => void pairs.delete(key),
  };
}

/** In the `ticket_lookup_failures` table, so every replica sees the same failures and holds. */
export function postgresLookupFailures(db: Database): LookupFailures {
  return {
    async add(key, now) {
      const failures = await repo.addFailure(db, key, new Date(now));
      // A new pair: a cheap moment to drop the pairs forgotten since (an index range, usually empty).
      if (failures === 1) await repo.deleteForgotten(db, new Date(now));
      return failures;
    },
    hold: (key, until) => repo.holdUntil(db, key, new Date(until)),
    heldUntil: async (key) => (await repo.heldUntil(db, key))?.getTime() ?? 0,
    clear: (key) => repo.clearFailures(db, key),
  };
}

/** What a guard counts on: the per-source window and the failures store. */
export interface LookupGuardStores {
  perSource: RateCounter;
  failures: LookupFailures;
}

/** Shared stores on a Postgres server (as the other rate limits), per-process ones on the embedded database. */
export function lookupGuardStoresFor(db: Database, lookupsPerMinute: number): LookupGuardStores {
  return {
    perSource: rateCountersFor(db)('ticket-lookup', lookupsPerMinute, 60_000),
    failures: db.driver === 'pg' ? postgresLookupFailures(db) : memoryLookupFailures(),
  };
}

/**
 * Guessing protection for tracking lookups. A lock is per (code, source) — a chat user, or a hashed client address
 * — with a delay that doubles after each further failure, so nobody can lock a citizen out of their own ticket by
 * failing on purpose (every code is public in Open311). Every lookup path (chat, /tra-cuu, /api/tickets/lookup,
 * ratings) counts against one per-source window, so the chat is no side door. On a Postgres server the window and
 * the failures are shared by every replica; on the embedded database they are held in memory.
 */
export class LookupGuard {
  constructor(
    private readonly stores: LookupGuardStores,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt for the source (429 past the window); false when this (code, source) is held back. */
  async admit(code: string, source: string): Promise<boolean> {
    await this.stores.perSource.hit(source);
    return (await this.stores.failures.heldUntil(`${code}|${source}`)) <= this.now();
  }

  /** Records a wrong PIN: from the fifth, the pair waits 1, 2, 4 … minutes (at most an hour). */
  async failed(code: string, source: string): Promise<void> {
    const key = `${code}|${source}`;
    const now = this.now();
    const failures = await this.stores.failures.add(key, now);
    if (failures >= FAILURES_BEFORE_DELAY)
      await this.stores.failures.hold(
        key,
        now + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FAILURES_BEFORE_DELAY)),
      );
  }

  /** A right PIN clears the pair's failures. */
  async succeeded(code: string, source: string): Promise<void> {
    await this.stores.failures.clear(`${code}|${source}`);
  }
}
