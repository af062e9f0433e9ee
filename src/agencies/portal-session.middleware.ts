import { randomBytes } from 'node:crypto';
import { parse as parseCookie, serialize } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { appError } from '../http/errors';
import { safeEqual, type AuthService, type StaffPrincipal } from './auth.service';

/** Name of the portal session cookie. */
export const SESSION_COOKIE = 'tiepdan_portal';
/** Name of the double-submit cookie guarding the sign-in form (there is no session yet). */
export const LOGIN_CSRF_COOKIE = 'tiepdan_login_csrf';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in staff user, set by portalSession. */
    staff?: StaffPrincipal;
  }
}

/** Reads a cookie from the request. */
export function readCookie(req: Request, name: string): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[name];
}

/** Sets a cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over TLS (or via a TLS proxy). */
export function setCookie(
  req: Request,
  res: Response,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  res.append(
    'Set-Cookie',
    serialize(name, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/portal',
      maxAge: maxAgeSeconds,
    }),
  );
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

/** A fresh random token for the sign-in form's double-submit check. */
export function newLoginCsrf(): string {
  return randomBytes(24).toString('base64url');
}
