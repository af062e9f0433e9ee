import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../../i18n/strings.vi';
import type { StaffPrincipal } from '../auth.service';
import { requirePortalUser, verifyCsrf } from '../portal-session.middleware';
import { casePage } from '../views/case.view';
import { confirmPage, type Confirmation } from '../views/confirm.view';
import type { CaseworkService } from './casework.service';

const A = vi.portal.actions;
const C = vi.portal.confirm;

const textForm = (field: string, max: number) => z.object({ [field]: z.string().trim().min(1).max(max) });
const transferForm = z.object({
  toAgencyId: z.string().min(1).max(100),
  reason: z.string().trim().min(1).max(500),
});
// Destructive actions run only when the confirmation page sent them back with confirm=1.
const confirmed = (body: unknown) => (body as { confirm?: unknown } | undefined)?.confirm === '1';

function sendHtml(res: Response, page: string): void {
  res.type('html').set('Cache-Control', 'no-store').send(page);
}

type Run = (user: StaffPrincipal, id: string, body: unknown) => Promise<void>;
type Ask = (user: StaffPrincipal, id: string, body: unknown) => Promise<Confirmation>;

/** The case page, its files and its actions; every POST needs the session's CSRF token and ends on the case page. */
export function caseRoutes(casework: CaseworkService): Router {
  const router = Router();
  const caseUrl = (id: string) => `/portal/tickets/${id}`;
  router.get('/portal/tickets/:id', requirePortalUser, async (req, res) => {
    const view = await casework.view(req.staff!, String(req.params.id));
    const mau = Number(req.query.mau);
    const prefill = view.canned.find((c) => c.id === mau)?.body ?? '';
    sendHtml(res, casePage(req.staff!, view, prefill));
  });
  router.get('/portal/tickets/:id/tep/:n', requirePortalUser, async (req, res) => {
    const n = Number.parseInt(String(req.params.n), 10);
    const file = await casework.attachment(req.staff!, String(req.params.id), Number.isNaN(n) ? -1 : n);
    res.set({ 'Content-Type': file.contentType, 'Cache-Control': 'private, no-store' }).send(file.data);
  });
  // With `ask`, the first POST answers with a confirmation page and only the confirmed POST runs the action.
  const post = (action: string, run: Run, ask?: Ask) =>
    router.post(`/portal/tickets/:id/${action}`, requirePortalUser, verifyCsrf, async (req: Request, res) => {
      const id = String(req.params.id);
      if (ask && !confirmed(req.body))
        return sendHtml(res, confirmPage(req.staff!, await ask(req.staff!, id, req.body)));
      await run(req.staff!, id, req.body ?? {});
      res.redirect(303, caseUrl(id));
    });
  post('start', (u, id) => casework.start(u, id));
  post('answer', (u, id, b) => casework.answer(u, id, textForm('text', 4000).parse(b).text as string));
  post('request-info', (u, id, b) =>
    casework.requestInfo(u, id, textForm('question', 1000).parse(b).question as string),
  );
  post('transfer', (u, id, b) => {
    const f = transferForm.parse(b);
    return casework.transfer(u, id, f.toAgencyId, f.reason);
  });
  post(
    'reject',
    (u, id, b) => casework.reject(u, id, textForm('reason', 500).parse(b).reason as string),
    async (u, id, b) => {
      const reason = textForm('reason', 500).parse(b).reason as string;
      const t = await casework.find(u, id);
      return {
        question: C.reject(t.tracking_code),
        consequence: C.rejectNote,
        action: `${caseUrl(id)}/reject`,
        fields: { reason },
        shown: [[A.reason, reason]],
        confirmLabel: A.reject,
        cancelHref: caseUrl(id),
      };
    },
  );
  post('note', (u, id, b) => casework.note(u, id, textForm('note', 4000).parse(b).note as string));
  post('public-summary', (u, id, b) =>
    casework.approvePublicSummary(u, id, textForm('summary', 2000).parse(b).summary as string),
  );
  post(
    'delete-contact',
    (u, id) => casework.deleteContact(u, id),
    async (u, id) => {
      const t = await casework.find(u, id);
      return {
        question: C.deleteContact(t.tracking_code),
        consequence: C.deleteContactNote,
        action: `${caseUrl(id)}/delete-contact`,
        fields: {},
        confirmLabel: A.deleteContact,
        cancelHref: caseUrl(id),
      };
    },
  );
  return router;
}
