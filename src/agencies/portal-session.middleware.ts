import type { NextFunction, Request, Response } from 'express';
import { appError } from '../http/errors';
import { readCookie, safeEqual } from '../http/security';
import type { AuthService, StaffPrincipal } from './auth.service';

/** Name of the portal session cookie. */
export const SESSION_COOKIE = 'tiepdan_portal';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in staff user, set by portalSession. */
    staff?: StaffPrincipal;
  }
}

/** Resolves the session cookie to req.staff (absent when not signed in). */
export function portalSession(auth: AuthService) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token && token.length <= 128) req.staff = await auth.resolve(token);
    next();
  };
}

/** Pages: redirect to sign-in when there is no session. */
export function requirePortalUser(req: Request, res: Response, next: NextFunction): void {
  if (req.staff) return next();
  if (req.method === 'GET')
    return res.redirect(303, `/portal/login?next=${encodeURIComponent(req.originalUrl)}`);
  next(appError('unauthorized', 401));
}

/** State-changing requests must carry the session's CSRF token (form field `_csrf` or header `X-CSRF-Token`). */
export function verifyCsrf(req: Request, _res: Response, next: NextFunction): void {
  const sent = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');
  if (req.staff && typeof sent === 'string' && safeEqual(sent, req.staff.csrfToken)) return next();
  next(appError('csrf_failed', 403));
}
