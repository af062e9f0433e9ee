import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { cleanValue, InputTooDeepError } from '../text/clean-input';
import { appError } from './errors';

/** Cleans a parsed body in place (see text/clean-input): 400 `input_too_deep` for absurd nesting. */
export function cleanBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined || Buffer.isBuffer(req.body)) return next();
  try {
    req.body = cleanValue(req.body);
    next();
  } catch (err) {
    next(err instanceof InputTooDeepError ? appError('input_too_deep', 400) : err);
  }
}

/** The form parser every HTML form and Open311 POST uses: urlencoded, size-limited, then cleaned. */
export function formParser(limit: string): RequestHandler[] {
  return [express.urlencoded({ extended: false, limit }), cleanBody];
}
