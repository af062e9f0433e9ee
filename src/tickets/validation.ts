import type { z } from 'zod';
import { appError, type AppError } from '../http/errors';

/** A 400 validation_failed error listing each bad field (path and reason) of a zod failure. */
export function validationError(error: z.ZodError): AppError {
  return appError(
    'validation_failed',
    400,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
