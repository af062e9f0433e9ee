import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { requirePortalUser, verifyCsrf } from '../../agencies/portal-session.middleware';
import { appError } from '../../http/errors';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { isProvincialOffice, MAX_COMMENT_CHARS, type OversightService } from '../oversight/oversight.service';
import { REMIND_DAYS_BEFORE, type ReportingService } from '../oversight/reporting.service';
import { reportingPage } from './oversight.view';

/** What the oversight pages need (the item page is drawn by the programme portal routes). */
export interface OversightRoutesDeps {
  oversight: OversightService;
  reporting: ReportingService;
  clock: () => Date;
  showItem(req: Request, res: Response, notice?: string): Promise<void>;
  send(res: Response, body: string): unknown;
}

const codeOf = (req: Request) => z.string().min(1).max(40).parse(req.params.code);
const commentForm = z.object({ body: z.string().max(MAX_COMMENT_CHARS * 2) });
const followForm = z.object({ on: z.enum(['0', '1']) });
const readForm = z.object({ upTo: z.coerce.number().int().positive() });

/** Comments, follow buttons and notices on the portal's programme pages; the provincial office's reporting view. */
export function oversightRoutes(deps: OversightRoutesDeps): Router {
  const router = Router();
  const { oversight } = deps;
  router.get('/portal/bao-cao-tien-do', requirePortalUser, async (req, res) => {
    if (!isProvincialOffice(req.staff!)) throw appError('forbidden', 403);
    const view = await deps.reporting.overview(deps.clock());
    deps.send(res, reportingPage(req.staff!, view, REMIND_DAYS_BEFORE));
  });
  router.post('/portal/tien-do/notices/read', requirePortalUser, verifyCsrf, async (req, res) => {
    await oversight.markRead(req.staff!, readForm.parse(req.body ?? {}).upTo);
    res.redirect(303, '/portal/tien-do');
  });
  router.post('/portal/tien-do/:code/comment', requirePortalUser, verifyCsrf, async (req, res) => {
    const { body } = commentForm.parse(req.body ?? {});
    await oversight.comment(req.staff!, codeOf(req), body);
    await deps.showItem(req, res, P.oversight.commented);
  });
  router.post('/portal/tien-do/:code/comments/:id/hide', requirePortalUser, verifyCsrf, async (req, res) => {
    const id = z.coerce.number().int().positive().parse(req.params.id);
    await oversight.hide(req.staff!, codeOf(req), id);
    await deps.showItem(req, res, P.oversight.hiddenDone);
  });
  router.post('/portal/tien-do/:code/follow', requirePortalUser, verifyCsrf, async (req, res) => {
    const on = followForm.parse(req.body ?? {}).on === '1';
    await oversight.follow(req.staff!, codeOf(req), on);
    await deps.showItem(req, res, on ? P.oversight.followed : P.oversight.unfollowed);
  });
  return router;
}
