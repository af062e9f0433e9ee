import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../i18n/strings.vi';
import { toAppError } from '../http/error-handler';
import { formParser } from '../http/clean-body';
import { AppError } from '../http/errors';
import { memoryRateCounters, type RateCounters } from '../http/rate-counter';
import { countedBy } from '../http/rate-limit';
import { doubleSubmitCsrf, setCookie } from '../http/security';
import { afterVnDay, startOfVnDay } from '../reference/vn-time';
import { ticketStatusSchema } from '../tickets/lifecycle/ticket-status';
import { accountRoutes, requireOwnPassword } from './account.routes';
import type { AuthService } from './auth.service';
import { SESSION_COOKIE, portalSession, requirePortalUser, verifyCsrf } from './portal-session.middleware';
import type { KnowledgeAdmin } from '../knowledge/admin/knowledge-admin';
import { adminRoutes } from './admin/admin.routes';
import { knowledgeAdminRoutes } from './admin/knowledge-admin.routes';
import type { AdminService } from './admin/admin.service';
import type { CaseworkService } from './casework/casework.service';
import { caseRoutes } from './casework/case.routes';
import { dashboardPage } from './views/dashboard.view';
import { layout } from './views/layout.view';
import { queuePage } from './views/queue.view';
import { html } from '../http/html';
import { loginPage } from './views/login.view';

/** What the portal routes need. */
export interface PortalDeps {
  auth: AuthService;
  /** Ticket work (queue, case pages, actions); without it the portal shows only the signed-in desk. */
  casework?: CaseworkService;
  /** Category names by code, for filters. */
  categories?: () => Promise<Map<string, string>>;
  /** Administration pages; mounted under /portal/admin when given. */
  admin?: AdminService;
  /** Knowledge-base administration (uploads, unanswered questions); mounted under /portal/admin when given. */
  knowledge?: { admin: KnowledgeAdmin; maxUploadBytes: number };
  /** Looks up an agency's display name (the agency directory). */
  agencyName: (agencyId: string) => Promise<string | null>;
  /** Other areas' portal pages: mounted after the session middleware and before the portal's error page. */
  routers?: Router[];
  /** Where sign-in and password-change attempts are counted (shared by every replica on a server). */
  rateCounters?: RateCounters;
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

// The sign-in form has no session yet: a double-submit cookie guards it.
const loginCsrf = doubleSubmitCsrf('tiepdan_login_csrf', '/portal', 3600);

function renderLogin(req: Request, res: Response, status: number, error?: string, username?: string): void {
  const csrf = loginCsrf.issue(req, res);
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(loginPage(csrf, error, username, safeNext(req.query.next)));
}

/** `/portal`: sign-in, sign-out and the signed-in pages. */
export function portalRoutes(deps: PortalDeps): Router {
  const router = Router();
  router.use('/portal', ...formParser('32kb'), portalSession(deps.auth));

  router.get('/portal/login', (req, res) => {
    if (req.staff) return res.redirect(303, '/portal');
    renderLogin(req, res, 200);
  });

  const counters = deps.rateCounters ?? memoryRateCounters;
  router.post('/portal/login', countedBy(counters('portal-login', 10, 60_000)), async (req, res) => {
    const form = loginForm.parse(req.body ?? {});
    if (!loginCsrf.check(req, form._csrf)) return renderLogin(req, res, 403, vi.errors.csrf_failed);
    try {
      const { token } = await deps.auth.signIn(form.username, form.password, {
        ip: req.ip ?? '',
        userAgent: req.get('user-agent') ?? '',
      });
      setCookie(req, res, SESSION_COOKIE, token, { path: '/portal', maxAgeSeconds: 12 * 3600 });
      res.redirect(303, safeNext(req.query.next));
    } catch (err) {
      // The form is re-shown with the reason; anything unexpected goes to the error handler.
      if (!(err instanceof AppError) || (err.status !== 401 && err.status !== 423)) throw err;
      renderLogin(req, res, err.status, err.message, form.username);
    }
  });

  router.post('/portal/logout', requirePortalUser, verifyCsrf, async (req, res) => {
    await deps.auth.signOut(req.staff!.sessionHash);
    setCookie(req, res, SESSION_COOKIE, '', { path: '/portal', maxAgeSeconds: 0 });
    res.redirect(303, '/portal/login');
  });

  router.use('/portal', requireOwnPassword);
  router.use(accountRoutes(deps.auth, counters('portal-password', 10, 60_000)));

  router.get('/portal', requirePortalUser, async (req, res) => {
    const user = req.staff!;
    const agency = user.agencyId ? await deps.agencyName(user.agencyId) : null;
    if (!deps.casework)
      return res.type('html').set('Cache-Control', 'no-store').send(dashboardPage(user, agency));
    const q = queueQuery.parse(req.query);
    const rows = await deps.casework.queue(user, {
      status: q.status,
      category: q.category,
      communeCode: q.commune,
      search: q.q,
      from: q.from ? startOfVnDay(q.from) : undefined,
      to: q.to ? afterVnDay(q.to) : undefined,
      overdueOnly: q.overdue === '1',
      limit: 200,
      offset: 0,
    });
    const categories = (await deps.categories?.()) ?? new Map<string, string>();
    const communes = await deps.casework.queueCommunes(user);
    const notes = await deps.casework.notifications(user);
    const query = { ...q, overdue: q.overdue === '1' };
    const page = queuePage(user, agency, rows, query, categories, communes, notes);
    res.type('html').set('Cache-Control', 'no-store').send(page);
  });

  if (deps.casework) {
    router.use(caseRoutes(deps.casework));
    notificationRoutes(router, deps.casework);
  }
  if (deps.admin) router.use(adminRoutes(deps.admin, deps.categories ?? (async () => new Map())));
  if (deps.knowledge) router.use(knowledgeAdminRoutes(deps.knowledge.admin, deps.knowledge.maxUploadBytes));
  for (const extra of deps.routers ?? []) router.use(extra);

  // Portal pages answer errors with a page, not JSON.
  router.use('/portal', (err: unknown, req: Request, res: Response, next: NextFunction) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500 || req.accepts(['json', 'html']) !== 'html') return next(err);
    const body = layout(
      appErr.message,
      html`<div class="card">
        <p class="error" role="alert">${appErr.message}</p>
        <p><a href="/portal">${vi.portal.queueTitle}</a></p>
      </div>`,
      req.staff,
    );
    res.status(appErr.status).type('html').set('Cache-Control', 'no-store').send(body);
  });
  return router;
}

const queueQuery = z.object({
  status: ticketStatusSchema.optional().catch(undefined),
  category: z.string().max(60).optional(),
  commune: z.string().max(20).optional(),
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  overdue: z.string().max(1).optional(),
});
/** The notifications' read mark (the desk). */
function notificationRoutes(router: Router, casework: CaseworkService): void {
  router.post('/portal/notifications/read', requirePortalUser, verifyCsrf, async (req, res) => {
    const { upTo } = z
      .object({
        upTo: z.coerce
          .number()
          .int()
          .min(0)
          .max(2 ** 53),
      })
      .parse(req.body ?? {});
    await casework.markNotificationsRead(req.staff!, upTo);
    res.redirect(303, '/portal');
  });
}
