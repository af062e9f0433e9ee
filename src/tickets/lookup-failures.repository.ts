import type { Queryable } from '../db/database';

/** A pair with no failure for this long starts again from zero (and its row may be deleted). */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Counts one wrong PIN for the key at `now` (from one after a day of quiet) and returns the failures counted. One
 * statement, so failures from every replica add up.
 */
export async function addFailure(db: Queryable, key: string, now: Date): Promise<number> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  const r = await db.query<{ failures: number }>(
    `INSERT INTO ticket_lookup_failures AS f (key, failures, last_failed_at) VALUES ($1, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN f.last_failed_at < $3 THEN 1 ELSE f.failures + 1 END,
       held_until = CASE WHEN f.last_failed_at < $3 THEN NULL ELSE f.held_until END,
       last_failed_at = $2
     RETURNING failures`,
    [key, now, forgotten],
  );
  return r.rows[0]!.failures;
}

/** Holds the key back until `until` (never shortens a longer hold set by a concurrent failure). */
export async function holdUntil(db: Queryable, key: string, until: Date): Promise<void> {
  await db.query('UPDATE ticket_lookup_failures SET held_until = GREATEST(held_until, $2) WHERE key = $1', [
    key,
    until,
  ]);
}

/** Until when the key is held back, or null. */
export async function heldUntil(db: Queryable, key: string): Promise<Date | null> {
  const r = await db.query<{ held_until: Date | null }>(
    'SELECT held_until FROM ticket_lookup_failures WHERE key = $1',
    [key],
  );
  return r.rows[0]?.held_until ?? null;
}

/** Forgets the key's failures (a right PIN). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM ticket_lookup_failures WHERE key = $1', [key]);
}

/** Deletes the rows of pairs with no failure for a day. */
export async function deleteForgotten(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM ticket_lookup_failures WHERE last_failed_at < $1', [
    new Date(now.getTime() - FORGET_AFTER_MS),
  ]);
}
