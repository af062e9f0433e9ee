import { AppError } from './errors';

/**
 * Fixed-window request counter per key, in memory: the store of `memoryRateCounters` (rate-counter.ts), used on the
 * embedded database, whose one process sees every request. A Postgres server's replicas count in its table instead.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for the key; throws 429 `rate_limited` with a retry hint once the limit is passed. */
  hit(key: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.sweep(now);
    }
    window.count += 1;
    if (window.count > this.limit) {
      const retryAfterSeconds = Math.ceil((window.start + this.windowMs - now) / 1000);
      throw new AppError('rate_limited', 429, undefined, { retryAfterSeconds });
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
