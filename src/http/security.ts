import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookie, serialize } from 'cookie';
import type { Request, Response } from 'express';

/** Compares two secrets in constant time (for equal lengths; a length mismatch is simply false). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
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
  options: { path: string; maxAgeSeconds?: number },
): void {
  res.append(
    'Set-Cookie',
    serialize(name, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: options.path,
      ...(options.maxAgeSeconds === undefined ? {} : { maxAge: options.maxAgeSeconds }),
    }),
  );
}

/**
 * CSRF protection for forms posted without a session (sign-in, public tracking): the page carries a random token
 * and the same token in a strict cookie; a post is accepted only when both are present and equal.
 */
export function doubleSubmitCsrf(cookieName: string, path: string, maxAgeSeconds?: number) {
  return {
    /** A fresh token for the form; also set as the cookie. */
    issue(req: Request, res: Response): string {
      const token = randomBytes(24).toString('base64url');
      setCookie(req, res, cookieName, token, { path, maxAgeSeconds });
      return token;
    },
    /** True when the posted token matches the cookie. */
    check(req: Request, sent: string): boolean {
      const cookie = readCookie(req, cookieName);
      return Boolean(cookie) && safeEqual(cookie!, sent);
    },
  };
}
