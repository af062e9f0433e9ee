import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { whileRenewing } from '../db/lease';

/**
 * A per-conversation lease in Postgres, so two replicas never run turns of one conversation at the same time
 * (the in-process queue covers one replica; this covers several). The holder renews its short lease while the turn
 * runs, so a long turn keeps it and a replica that dies mid-turn blocks its conversation for at most `leaseMs`.
 */
export class TurnLock {
  constructor(
    private readonly db: Queryable,
    private readonly leaseMs = 6_000,
    private readonly retryMs = 25,
    private readonly maxWaitMs = 15_000,
  ) {}

  /** Tries once to take the lease; returns the holder id when taken. */
  async tryAcquire(key: string): Promise<string | undefined> {
    const holder = randomUUID();
    const { rows } = await this.db.query<{ holder: string }>(
      `INSERT INTO bot_turn_lock (key, holder, expires_at)
       VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE bot_turn_lock.expires_at <= clock_timestamp()
       RETURNING holder`,
      [key, holder, this.leaseMs],
    );
    return rows[0]?.holder === holder ? holder : undefined;
  }

  /** Extends the lease (only if still ours). */
  async renew(key: string, holder: string): Promise<void> {
    await this.db.query(
      `UPDATE bot_turn_lock SET expires_at = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE key = $1 AND holder = $2`,
      [key, holder, this.leaseMs],
    );
  }

  /** Gives the lease back (only if still ours). */
  async release(key: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM bot_turn_lock WHERE key = $1 AND holder = $2', [key, holder]);
  }

  /**
   * Runs task while holding the lease. If the lease cannot be had within maxWaitMs the turn runs anyway: a late
   * answer with a small risk of a stale dialog step beats a citizen's message that is never answered.
   */
  async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.maxWaitMs;
    let holder = await this.tryAcquire(key);
    while (!holder && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, this.retryMs));
      holder = await this.tryAcquire(key);
    }
    if (!holder) return task();
    try {
      return await whileRenewing(() => this.renew(key, holder), this.leaseMs / 3, task);
    } finally {
      await this.release(key, holder);
    }
  }
}
