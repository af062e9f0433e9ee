import { FixedWindowRateLimiter } from '../http/fixed-window-limiter';

/** Wrong PINs for one (code, source) before that pair is held back. */
export const FAILURES_BEFORE_DELAY = 5;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * Guessing protection for tracking lookups. A lock is per (code, source) — a chat user, or a hashed client address
 * — with a delay that doubles after each further failure, so nobody can lock a citizen out of their own ticket by
 * failing on purpose (every code is public in Open311). Every lookup path (chat, /tra-cuu, /api/tickets/lookup,
 * ratings) counts against one per-source window, so the chat is no side door. Held in memory per replica.
 */
export class LookupGuard {
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly perSource: FixedWindowRateLimiter;

  constructor(
    lookupsPerMinute: number,
    private readonly now: () => number,
  ) {
    this.perSource = new FixedWindowRateLimiter(lookupsPerMinute, 60_000, now);
  }

  /** Counts one attempt for the source (429 past the window); false when this (code, source) is held back. */
  admit(code: string, source: string): boolean {
    this.perSource.hit(source);
    const f = this.failures.get(`${code}|${source}`);
    return !f || f.until <= this.now();
  }

  /** Records a wrong PIN: from the fifth, the pair waits 1, 2, 4 … minutes (at most an hour). */
  failed(code: string, source: string): void {
    const key = `${code}|${source}`;
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= FAILURES_BEFORE_DELAY)
      f.until = this.now() + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (f.count - FAILURES_BEFORE_DELAY));
    this.failures.set(key, f);
    if (this.failures.size > 50_000) this.sweep();
  }

  /** A right PIN clears the pair's failures. */
  succeeded(code: string, source: string): void {
    this.failures.delete(`${code}|${source}`);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, f] of this.failures) if (f.until <= now) this.failures.delete(key);
  }
}
