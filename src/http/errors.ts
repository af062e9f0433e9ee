import { vi } from '../i18n/strings.vi';
import type { ErrorCode } from './error-codes';

/** The one error type services throw; only the error middleware turns it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? vi.errors[code]);
    this.name = 'AppError';
  }
}

/** The JSON body of every error response. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** Builds an AppError for a known code with its Vietnamese message. */
export function appError(code: ErrorCode, status: number, details?: unknown): AppError {
  return new AppError(code, status, vi.errors[code], details);
}
