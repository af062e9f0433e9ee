import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError, appError } from '../http/errors';
import type { RateCounter } from '../http/rate-counter';
import { countedBy } from '../http/rate-limit';
import { setCookie } from '../http/security';
import type { AuthService } from './auth.service';
import { SESSION_COOKIE, requirePortalUser, verifyCsrf } from './portal-session.middleware';
import { accountPasswordPage } from './views/account.view';

const PASSWORD_PAGE = '/portal/account/password';
const form = z.object({
  current: z.string().max(1024).default(''),
  next: z.string().max(1024).default(''),
  confirm: z.string().max(1024).default(''),
});

/**
 * Until an issued password is changed, every portal page leads to the change form (GET redirects, other
 * methods 403 password_change_required); only that form and sign-out stay open.
 */
export function requireOwnPassword(req: Request, res: Response, next: NextFunction): void {
  const path = req.originalUrl.split('?')[0];
  if (!req.staff?.mustChangePassword || path === PASSWORD_PAGE || path === '/portal/logout') return next();
  if (req.method === 'GET') return res.redirect(303, PASSWORD_PAGE);
  next(appError('password_change_required', 403));
}

function send(res: Response, status: number, page: string): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(page);
}

/** `/portal/account/password`: the signed-in user changes their password (current password and CSRF token). */
export function accountRoutes(auth: AuthService, attempts: RateCounter): Router {
  const router = Router();
  router.get(PASSWORD_PAGE, requirePortalUser, (req, res) => {
    send(res, 200, accountPasswordPage(req.staff!, { done: req.query.xong === '1' }));
  });
  router.post(PASSWORD_PAGE, requirePortalUser, verifyCsrf, countedBy(attempts), async (req, res) => {
    const f = form.parse(req.body ?? {});
    const user = req.staff!;
    try {
      if (f.next !== f.confirm) throw new AppError('password_mismatch', 400);
      const { token } = await auth.changeOwnPassword(user, f.current, f.next, {
        ip: req.ip ?? '',
        userAgent: req.get('user-agent') ?? '',
      });
      setCookie(req, res, SESSION_COOKIE, token, { path: '/portal', maxAgeSeconds: 12 * 3600 });
      res.redirect(303, `${PASSWORD_PAGE}?xong=1`);
    } catch (err) {
      // The form is shown again with the reason; anything unexpected goes to the error handler.
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      send(res, 400, accountPasswordPage(user, { error: err.message }));
    }
  });
  return router;
}
