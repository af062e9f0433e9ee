import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, appError, type ErrorEnvelope } from './errors';
import type { Metrics } from './metrics';

/** body-parser and other http-errors carry a `type` and a `status`; map the ones clients cause to stable codes. */
function fromHttpError(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: string; status?: number; statusCode?: number };
  switch (e.type) {
    case 'entity.parse.failed':
      return appError('invalid_json', 400);
    case 'entity.too.large':
      return appError('payload_too_large', 413);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return appError('unsupported_media_type', 415);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return appError('validation_failed', 400);
  }
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return appError('validation_failed', status);
  return undefined;
}

// Postgres refuses text it cannot store: a NUL byte (22021) or a \u0000 escape in jsonb (22P05). Either came from
// the client (a path id, a query value, a body field), so it is the client's error, not a 500 (found by the fuzzer).
const INVALID_TEXT_SQLSTATES = new Set(['22021', '22P05']);
// A value that does not convert to the column's type: a malformed uuid or number in a path (22P02), a number out of
// range (22003), a date that does not exist (22007, 22008). Only client input reaches these casts.
const INVALID_VALUE_SQLSTATES = new Set(['22P02', '22003', '22007', '22008']);

function fromDatabaseInputError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (INVALID_TEXT_SQLSTATES.has(code)) return appError('invalid_characters', 400);
  if (INVALID_VALUE_SQLSTATES.has(code)) return appError('validation_failed', 400);
  return undefined;
}

/** Turns any error into an AppError: known client errors keep their status, anything else is a 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return appError('validation_failed', 400, details);
  }
  return fromHttpError(err) ?? fromDatabaseInputError(err) ?? appError('internal_error', 500);
}

/** The only middleware that writes error responses: `{"error": {"code", "message"}}`. */
export function errorHandler(logger: Logger, metrics: Metrics) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appErr = toAppError(err);
    metrics.httpErrors.inc({ code: appErr.code });
    if (appErr.status >= 500) logger.error({ err, reqId: req.id }, 'request failed');
    else logger.debug({ code: appErr.code, reqId: req.id }, 'request rejected');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: ErrorEnvelope = {
      error: { code: appErr.code, message: appErr.message, requestId: String(req.id ?? '') || undefined },
    };
    if (appErr.details !== undefined && appErr.status < 500) body.error.details = appErr.details;
    res.status(appErr.status).json(body);
  };
}

/** 404 for any route nobody matched, in the same envelope. */
export function notFoundHandler(_req: Request, _res: Response, next: NextFunction): void {
  next(appError('not_found', 404));
}
