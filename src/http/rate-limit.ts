import type { Request, RequestHandler } from 'express';
import type { RateCounter } from './rate-counter';

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
