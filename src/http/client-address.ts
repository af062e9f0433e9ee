import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * The client's address as every limit and log sees it: Express's `req.ip`, which follows `X-Forwarded-For` only
 * through the hops TRUST_PROXY names (a hop count or the proxies' addresses), never the client's own entries.
 */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** A short, stable tag for the client address, recorded where the address itself is personal data (ratings). */
export function addressTag(req: Request): string {
  return `addr:${createHash('sha256').update(clientAddress(req)).digest('hex').slice(0, 16)}`;
}
