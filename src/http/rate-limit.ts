import type { Request, RequestHandler } from 'express';
import type { RateCounter } from './rate-counter';
import { rateLimit } from 'express-rate-limit';
import { appError } from './errors';

/** Options of one limiter: at most `limit` requests per `windowMs` for one key (client address by default). */
export interface RateLimitOptions {
  windowMs: number;
  limit: number;
  /** What to count by; defaults to the client address (behind a proxy, set TRUST_PROXY=true). */
  key?: (req: Request) => string;
  /** Count only failed requests (status ≥ 400), e.g. for PIN or password guessing. */
  failedOnly?: boolean;
}

/**
 * A per-replica, in-memory limiter answering 429 with the standard error envelope and `RateLimit-*` headers.
 * With N replicas the effective limit is up to N times higher; put a limit at the proxy too for hard caps.
 */
export function rateLimiter(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: options.failedOnly ?? false,
    keyGenerator: options.key ?? clientAddress,
    // The key generator above may see IPv6 addresses; express-rate-limit's own IPv6 subnet check is for its default.
    validate: { keyGeneratorIpFallback: false },
    handler: (_req, _res, next) => next(appError('rate_limited', 429)),
  });
}

/** Middleware counting each request by client address on a (possibly shared) counter; 429 past its limit. */
export function countedBy(
  counter: RateCounter,
  key: (req: Request) => string = clientAddress,
): RequestHandler {
  return (req, _res, next) => {
    counter.hit(key(req)).then(() => next(), next);
  };
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
