import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../../i18n/strings.vi';
import { requireRole } from '../../http/access';
import { AppError } from '../../http/errors';
import type { StaffPrincipal } from '../auth.service';
import { requirePortalUser, verifyCsrf } from '../portal-session.middleware';
import { agenciesPage, categoriesPage, routingPage, usersPage } from '../views/admin.view';
import type { AdminService } from './admin.service';

const userForm = z.object({
  username: z.string().trim().min(1).max(64),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(['staff', 'supervisor', 'admin', 'oversight']),
  agencyId: z
    .string()
    .max(100)
    .transform((v) => v || null),
});
const agencyForm = z.object({ name: z.string().trim().min(1).max(200), active: z.string().optional() });
const categoryForm = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
});
const cannedForm = z.object({
  category: z
    .string()
    .max(60)
    .transform((v) => v || null),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
});

function send(res: Response, body: string): void {
  res.type('html').set('Cache-Control', 'no-store').send(body);
}

function admin(req: Request): StaffPrincipal {
  requireRole(req.staff!, 'admin');
  return req.staff!;
}

/** `/portal/admin/*`: accounts, agencies, routing rules, categories and canned answers (administrators only). */
export function adminRoutes(service: AdminService, categories: () => Promise<Map<string, string>>): Router {
  const router = Router();
  const r = service.repo;
  const guard = [requirePortalUser];
  const write = [requirePortalUser, verifyCsrf];
  const usersWith = async (req: Request, res: Response, notice?: string) =>
    send(res, usersPage(admin(req), await r.users(), await r.agencies(), notice));

  router.get('/portal/admin', ...guard, (req, res) => res.redirect(303, '/portal/admin/users'));
  router.get('/portal/admin/users', ...guard, (req, res) => usersWith(req, res));
  router.post('/portal/admin/users', ...write, async (req, res) => {
    const f = userForm.parse(req.body ?? {});
    try {
      const password = await service.createUser(admin(req), f);
      await usersWith(req, res, vi.admin.oneTimePassword(f.username, password));
    } catch (err) {
      // A refused account (name taken, agency missing for staff) comes back on the same page, with the reason.
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      res.status(err.status);
      await usersWith(req, res, err.message);
    }
  });
  router.post('/portal/admin/users/:id/reset', ...write, async (req, res) => {
    const id = String(req.params.id);
    const password = await service.resetPassword(admin(req), id);
    await usersWith(req, res, vi.admin.oneTimePassword((await r.username(id)) ?? '', password));
  });
  for (const [action, active] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    router.post(`/portal/admin/users/:id/${action}`, ...write, async (req, res) => {
      await service.setActive(admin(req), String(req.params.id), active);
      res.redirect(303, '/portal/admin/users');
    });
  }

  router.get('/portal/admin/agencies', ...guard, async (req, res) =>
    send(res, agenciesPage(admin(req), await r.agencies())),
  );
  router.post('/portal/admin/agencies/:id', ...write, async (req, res) => {
    const f = agencyForm.parse(req.body ?? {});
    await service.updateAgency(admin(req), String(req.params.id), f.name, f.active === '1');
    res.redirect(303, '/portal/admin/agencies');
  });

  router.get('/portal/admin/routing', ...guard, async (req, res) =>
    send(res, routingPage(admin(req), await r.rules(), await r.agencies(), await categories())),
  );
  router.post('/portal/admin/routing/:id', ...write, async (req, res) => {
    const agencyId = z.object({ agencyId: z.string().max(100) }).parse(req.body ?? {}).agencyId || null;
    await service.setRuleTarget(admin(req), Number(req.params.id), agencyId);
    res.redirect(303, '/portal/admin/routing');
  });

  router.get('/portal/admin/categories', ...guard, async (req, res) =>
    send(res, categoriesPage(admin(req), await r.categories(), await r.cannedAnswers())),
  );
  router.post('/portal/admin/categories', ...write, async (req, res) => {
    const f = categoryForm.parse(req.body ?? {});
    await service.upsertCategory(admin(req), f.code, f.name);
    res.redirect(303, '/portal/admin/categories');
  });
  router.post('/portal/admin/canned', ...write, async (req, res) => {
    const f = cannedForm.parse(req.body ?? {});
    await service.addCannedAnswer(admin(req), f.category, f.title, f.body);
    res.redirect(303, '/portal/admin/categories');
  });
  router.post('/portal/admin/canned/:id/delete', ...write, async (req, res) => {
    await service.deleteCannedAnswer(admin(req), Number(req.params.id));
    res.redirect(303, '/portal/admin/categories');
  });
  return router;
}
