import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../../http/access';
import { multipartForm } from '../../agencies/admin/knowledge-admin.routes';
import { requirePortalUser, verifyCsrf } from '../../agencies/portal-session.middleware';
import type { Database } from '../../db/database';
import { AppError } from '../../http/errors';
import { html } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { vnDay } from '../../reference/vn-time';
import { importProgrammeFile } from '../import/import.service';
import { parseVnNumber } from '../import/values';
import { MAX_EVIDENCE_BYTES, type ProgrammeReportService } from '../programme-report.service';
import { agencyItems, listProgrammes, programmeItems } from '../programme.repository';
import type { ProgrammeService } from '../programme.service';
import { isProvincialOffice, seesAllItems, type OversightService } from '../oversight/oversight.service';
import type { ReportingService } from '../oversight/reporting.service';
import { oversightRoutes } from './oversight.routes';
import { figuresCard, noticesCard, oversightParts } from './oversight.view';
import { agencyItemPage, agencyItemsPage, importAdminPage } from './portal.view';

/** What the programme portal pages need. */
export interface ProgrammePortalDeps {
  db: Database;
  service: ProgrammeService;
  reports: ProgrammeReportService;
  oversight: OversightService;
  reporting: ReportingService;
  clock: () => Date;
  maxImportBytes: number;
}

const decimal = z
  .string()
  .max(30)
  .transform((v, ctx) => {
    const n = parseVnNumber(v);
    if (n !== null && Number.isNaN(n)) ctx.addIssue({ code: 'custom', message: P.errors.report_invalid });
    return n;
  });
const reportForm = z.object({
  reportedOn: z.iso.date(),
  percent: decimal.prefault(''),
  value: decimal.prefault(''),
  note: z
    .string()
    .trim()
    .max(4000)
    .default('')
    .transform((v) => v || null),
});
const linkForm = z.object({ trackingCode: z.string().trim().min(1).max(20) });
const codeOf = (req: Request) => z.string().min(1).max(40).parse(req.params.code);
const send = (res: Response, body: string, status = 200) =>
  res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** `/portal/tien-do[/:code]` (agencies' items, reports, ticket links) and `/portal/admin/programmes` (import). */
export function programmePortalRoutes(deps: ProgrammePortalDeps): Router {
  const router = Router();
  const { service, reports, oversight } = deps;
  const showItem = async (req: Request, res: Response, notice?: string) => {
    const user = req.staff!;
    const v = await service.item(codeOf(req));
    const canReport = reports.canReport(user, v.item);
    const today = vnDay(deps.clock());
    const extra = oversightParts(user, v.item.code, {
      comments: await oversight.comments(v.item.code, user),
      canComment: user.role === 'oversight',
      canModerate: isProvincialOffice(user),
      following: (await oversight.followed(user)).has(v.item.code),
    });
    const canLink = user.role !== 'oversight';
    const page = { ...v, canReport, canLink, today, maxMb: mb(MAX_EVIDENCE_BYTES), extra };
    send(res, agencyItemPage(user, page, notice));
  };

  router.get('/portal/tien-do', requirePortalUser, async (req, res) => {
    const user = req.staff!;
    const all = seesAllItems(user) || !user.agencyId;
    const rows = all ? await programmeItems(deps.db, null) : await agencyItems(deps.db, user.agencyId!);
    const top = html`${noticesCard(user, await oversight.notices(user))}${
      isProvincialOffice(user)
        ? html`<p class="card"><a href="/portal/bao-cao-tien-do">${P.reporting.link}</a></p>`
        : ''
    }`;
    const bottom = seesAllItems(user) ? figuresCard(await oversight.figures(user)) : '';
    send(res, agencyItemsPage(user, await service.withStatus(rows), { top, bottom, allItems: all }));
  });
  router.use(oversightRoutes({ ...deps, showItem, send }));
  router.get('/portal/tien-do/:code', requirePortalUser, (req, res) => showItem(req, res));
  router.post(
    '/portal/tien-do/:code/report',
    requirePortalUser,
    ...multipartForm(MAX_EVIDENCE_BYTES),
    verifyCsrf,
    async (req, res) => {
      const f = reportForm.safeParse(req.body ?? {});
      if (!f.success) throw new AppError('report_invalid', 400, P.errors.report_invalid);
      const file = req.uploadedFile?.name
        ? { filename: req.uploadedFile.name, bytes: req.uploadedFile.bytes }
        : undefined;
      await reports.fileReport(req.staff!, codeOf(req), { ...f.data, evidence: file });
      await showItem(req, res, P.portal.reported);
    },
  );
  router.post('/portal/tien-do/:code/link', requirePortalUser, verifyCsrf, async (req, res) => {
    const { trackingCode } = linkForm.parse(req.body ?? {});
    await reports.linkTicket(req.staff!, codeOf(req), trackingCode);
    await showItem(req, res, P.portal.linked(trackingCode.toUpperCase()));
  });

  const adminOnly = (req: Request, _res: Response, next: () => void) => {
    requireRole(req.staff!, 'admin');
    next();
  };
  router.get('/portal/admin/programmes', requirePortalUser, adminOnly, async (req, res) =>
    send(res, importAdminPage(req.staff!, await listProgrammes(deps.db), mb(deps.maxImportBytes))),
  );
  router.post(
    '/portal/admin/programmes/import',
    requirePortalUser,
    adminOnly,
    ...multipartForm(deps.maxImportBytes),
    verifyCsrf,
    async (req, res) => {
      const file = req.uploadedFile;
      if (!file || file.bytes.length === 0)
        throw new AppError('import_file_invalid', 400, P.errors.import_file_invalid);
      const result = await importProgrammeFile(deps.db, file.bytes);
      send(res, importAdminPage(req.staff!, await listProgrammes(deps.db), mb(deps.maxImportBytes), result));
    },
  );
  return router;
}
