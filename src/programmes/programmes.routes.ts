import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database';
import { AppError } from '../http/errors';
import { safeEqual } from '../http/security';
import { programmesVi as P } from '../i18n/programmes.vi';
import { importProgrammeFile } from './import/import.service';
import { commentsOf } from './oversight/oversight.repository';
import { linkedTickets } from './programme-links.repository';
import { evidenceById } from './programme.repository';
import { itemJson, programmeCsv, programmeJson, reportJson } from './programme.present';
import type { ProgrammeService, ProgrammeView } from './programme.service';
import { apiListing, listingKey, pageListing } from './listing';
import { PROGRESS_CHART_JS } from './views/progress-chart';
import { itemPage, programmePage, programmesPage } from './views/programme.view';

/** What the programme routes need. */
export interface ProgrammeRoutesDeps {
  db: Database;
  service: ProgrammeService;
  /** The token the import CLI presents while this server holds the embedded database; null: no such endpoint. */
  importToken: () => string | null;
  maxImportBytes: number;
}

const id = z.string().min(1).max(100);
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
const param = (schema: z.ZodString, value: unknown, notFound: 'programme' | 'item'): string => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError(`${notFound}_not_found`, 404, P.errors[`${notFound}_not_found`]);
};
const page = (res: Response, body: string) =>
  res.type('html').set('Cache-Control', 'public, max-age=60').send(body);

function importRoute(router: Router, deps: ProgrammeRoutesDeps): void {
  router.post(
    '/api/programmes/import',
    express.raw({ type: () => true, limit: deps.maxImportBytes }),
    async (req: Request, res: Response) => {
      const token = deps.importToken();
      const sent = (req.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
      if (!token || !sent || !safeEqual(sent, token))
        throw new AppError('import_token_invalid', 401, P.errors.import_token_invalid);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        throw new AppError('import_file_invalid', 400, P.errors.import_file_invalid);
      const result = await importProgrammeFile(deps.db, req.body, { sample: req.query.sample === '1' });
      res.json(result);
    },
  );
}

/** `GET /api/programmes[/:id]`, the public pages under `/tien-do` with CSV/JSON exports, and the import endpoint. */
export function programmeRoutes(deps: ProgrammeRoutesDeps): Router {
  const router = Router();
  const { service } = deps;
  // A body of one programme, made again only when the programme data, the day or the programme row changed.
  const cached = async (name: string, pid: string, render: (p: ProgrammeView) => string) => {
    const row = await service.row(pid);
    return service.rendered(`${name}:${JSON.stringify(row)}`, async () =>
      render(await service.programme(pid)),
    );
  };
  router.get('/api/programmes', async (_req, res) => {
    const list = await service.list();
    res.json(
      list.map((p) => ({
        id: p.id,
        title: p.title,
        document: p.document,
        sample: p.sample,
        items: p.items,
        counts: p.counts,
      })),
    );
  });
  router.get('/api/programmes/:id', async (req, res) => {
    const pid = param(id, req.params.id, 'programme');
    const listing = apiListing(req.query);
    const body = await cached(`api:${listingKey(listing)}`, pid, (p) =>
      JSON.stringify(programmeJson(p, listing)),
    );
    res.type('json').send(body);
  });
  router.get('/api/programme-items/:code', async (req, res) => {
    const { item, programme, reports } = await service.item(param(code, req.params.code, 'item'));
    res.json({
      ...itemJson(item),
      programme: { id: programme.id, title: programme.title, sample: programme.sample },
      reports: reports.map(reportJson),
    });
  });
  importRoute(router, deps);

  router.get('/tien-do', async (_req, res) => {
    const rows = await service.rows();
    page(
      res,
      await service.rendered(`list:${JSON.stringify(rows)}`, async () =>
        programmesPage(await service.list()),
      ),
    );
  });
  router.get('/tien-do/nhiem-vu/:code', async (req, res) => {
    const v = await service.item(param(code, req.params.code, 'item'));
    const [comments, tickets] = await Promise.all([
      commentsOf(deps.db, v.item.code, false),
      linkedTickets(deps.db, v.item.code),
    ]);
    page(res, itemPage({ ...v, comments, tickets }));
  });
  router.get('/tien-do/minh-chung/:id', async (req, res) => {
    const n = Number(req.params.id);
    const file = Number.isSafeInteger(n) && n > 0 ? await evidenceById(deps.db, n) : null;
    if (!file) throw new AppError('item_not_found', 404, P.errors.item_not_found);
    // Files are served as downloads: an uploaded HTML page must never run on this origin.
    res
      .type(
        /^(image\/(png|jpeg)|application\/pdf)$/.test(file.content_type)
          ? file.content_type
          : 'application/octet-stream',
      )
      .set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .send(file.bytes);
  });
  router.get('/tien-do/:id', async (req, res) => {
    const listing = pageListing(req.query);
    const pid = param(id, req.params.id, 'programme');
    page(res, await cached(`page:${listingKey(listing)}`, pid, (p) => programmePage(p, listing)));
  });
  router.get('/tien-do/:id/du-lieu.csv', async (req, res) => {
    const pid = param(id, req.params.id, 'programme');
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="tien-do-${pid}.csv"`)
      .send(await cached('csv', pid, programmeCsv));
  });
  router.get('/tien-do/:id/du-lieu.json', async (req, res) => {
    const pid = param(id, req.params.id, 'programme');
    const body = await cached('api:all', pid, (p) => JSON.stringify(programmeJson(p)));
    res.type('json').set('Content-Disposition', `attachment; filename="tien-do-${pid}.json"`).send(body);
  });
  router.get('/assets/tien-do.js', (_req, res) =>
    res.type('application/javascript').set('Cache-Control', 'public, max-age=86400').send(PROGRESS_CHART_JS),
  );
  return router;
}
