import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

// A caller's X-Request-Id is kept only if it is short and plain, so logs cannot be injected through it.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Picks the request id: the caller's X-Request-Id when safe, otherwise a new UUID; echoes it on the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** pino-http logging one line per request with its id; bodies are never logged, only method, path and status. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger: logger.child({ component: 'http' }),
    genReqId: requestId,
    customLogLevel: (req, res, err) =>
      err || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : // Load balancers and kubelets probe every few seconds: successful probes are debug lines.
            req.url === '/readyz'
            ? 'debug'
            : 'info',
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings may carry tracking codes or tokens; log the path only.
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
