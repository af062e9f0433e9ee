import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../../dialogs/strings.vi';
import { AppError } from '../http/errors';
import { rateLimiter } from '../http/rate-limit';
import type { AuthService } from './auth.service';
import {
  LOGIN_CSRF_COOKIE,
  SESSION_COOKIE,
  newLoginCsrf,
  portalSession,
  readCookie,
  requirePortalUser,
  setCookie,
  verifyCsrf,
} from './portal-session.middleware';
import { dashboardPage } from './views/dashboard.view';
import { loginPage } from './views/login.view';

/** What the portal routes need. */
export interface PortalDeps {
  auth: AuthService;
  /** Looks up an agency's display name (the agency directory). */
  agencyName: (agencyId: string) => Promise<string | null>;
}

const loginForm = z.object({
  _csrf: z.string().max(200).default(''),
  username: z.string().trim().max(64).default(''),
  password: z.string().max(1024).default(''),
});

// Only same-site portal paths may be redirect targets after sign-in (no open redirect).
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/portal(\/[\w\-/?=&%.]*)?$/.test(value) ? value : '/portal';
}

function renderLogin(req: Request, res: Response, status: number, error?: string, username?: string): void {
  const csrf = newLoginCsrf();
  setCookie(req, res, LOGIN_CSRF_COOKIE, csrf, 3600);
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(loginPage(csrf, error, username));
}

/** `/portal`: sign-in, sign-out and the signed-in pages. */
export function portalRoutes(deps: PortalDeps): Router {
  const router = Router();
  router.use('/portal', express.urlencoded({ extended: false, limit: '32kb' }), portalSession(deps.auth));

  router.get('/portal/login', (req, res) => {
    if (req.staff) return res.redirect(303, '/portal');
    renderLogin(req, res, 200);
  });

  router.post('/portal/login', rateLimiter({ windowMs: 60_000, limit: 10 }), async (req, res) => {
    const form = loginForm.parse(req.body ?? {});
    const cookie = readCookie(req, LOGIN_CSRF_COOKIE);
    if (!cookie || cookie !== form._csrf) return renderLogin(req, res, 403, vi.errors.csrf_failed);
    try {
      const { token } = await deps.auth.signIn(form.username, form.password, {
        ip: req.ip ?? '',
        userAgent: req.get('user-agent') ?? '',
      });
      setCookie(req, res, SESSION_COOKIE, token, 12 * 3600);
      res.redirect(303, safeNext(req.query.next));
    } catch (err) {
      // The form is re-shown with the reason; anything unexpected goes to the error handler.
      if (!(err instanceof AppError) || (err.status !== 401 && err.status !== 423)) throw err;
      renderLogin(req, res, err.status, err.message, form.username);
    }
  });

  router.post('/portal/logout', requirePortalUser, verifyCsrf, async (req, res) => {
    await deps.auth.signOut(req.staff!.sessionHash);
    setCookie(req, res, SESSION_COOKIE, '', 0);
    res.redirect(303, '/portal/login');
  });

  router.get('/portal', requirePortalUser, async (req, res) => {
    const user = req.staff!;
    const agency = user.agencyId ? await deps.agencyName(user.agencyId) : null;
    res.type('html').set('Cache-Control', 'no-store').send(dashboardPage(user, agency));
  });

  return router;
}
