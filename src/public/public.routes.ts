import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../i18n/strings.vi';
import { addressTag } from '../http/client-address';
import { formParser } from '../http/clean-body';
import { AppError } from '../http/errors';
import { memoryRateCounters, type RateCounters } from '../http/rate-counter';
import { countedBy } from '../http/rate-limit';
import { doubleSubmitCsrf } from '../http/security';
import { afterVnDay, startOfVnDay } from '../reference/vn-time';
import { redactPersonalData } from '../text/redact';
import type { TicketService, TicketStatusView } from '../ports';
import { STATS_CHART_JS } from './assets/stats-chart';
import type { PublicRepository } from './public.repository';
import type { StatisticsService } from './statistics.service';
import { publishedPage } from './views/published.view';
import { statisticsPage } from './views/statistics.view';
import { trackingFormPage, trackingResultPage } from './views/tracking.view';

/** What the public pages need. */
export interface PublicDeps {
  tickets: TicketService;
  repo: PublicRepository;
  statistics: StatisticsService;
  /** Lookups per minute per client address (wrong PINs are also held back per code and source by the lookup guard). */
  lookupsPerMinute: number;
  /** Where lookups are counted (shared by every replica on a server). */
  rateCounters?: RateCounters;
}

const trackingCsrf = doubleSubmitCsrf('tiepdan_public_csrf', '/tra-cuu');
const PAGE_SIZE = 20;
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
const lookupForm = z.object({
  _csrf: z.string().max(200).default(''),
  code: z.string().trim().max(20).default(''),
  pin: z.string().trim().max(12).default(''),
});
const ratingForm = lookupForm.extend({
  rating: z.coerce.number().int().min(1).max(5),
  comment: z.string().max(1000).optional(),
});
const period = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

function sendPage(res: Response, status: number, body: string): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
}

function periodOf(req: Request): { from: Date; to: Date; query: string } {
  const q = period.parse(req.query);
  const from = q.from ? startOfVnDay(q.from) : new Date('2000-01-01T00:00:00Z');
  const to = q.to ? afterVnDay(q.to) : new Date(Date.now() + 86_400_000);
  const params = new URLSearchParams(
    Object.entries(q).filter(([, v]) => v) as Array<[string, string]>,
  ).toString();
  return { from, to, query: params ? `?${params}` : '' };
}

/** `/tra-cuu` (track and rate by code + PIN), `/thong-ke` (+ `.csv`), `/phan-anh`, and their static assets. */
export function publicRoutes(deps: PublicDeps): Router {
  const router = Router();
  const form = formParser('16kb');
  const limiter = countedBy(
    (deps.rateCounters ?? memoryRateCounters)('tra-cuu', deps.lookupsPerMinute, 60_000),
  );

  // The status page of a ticket the citizen proved they own (code and PIN), with a fresh form token for rating.
  const showResult = async (req: Request, res: Response, view: TicketStatusView, pin: string) => {
    const names = await deps.repo.categoryNames();
    const category = names.get(view.category) ?? view.category;
    sendPage(res, 200, trackingResultPage(view, category, pin, trackingCsrf.issue(req, res)));
  };

  router.get('/tra-cuu', (req, res) => sendPage(res, 200, trackingFormPage(trackingCsrf.issue(req, res))));

  router.post('/tra-cuu', limiter, ...form, async (req, res) => {
    const f = lookupForm.parse(req.body ?? {});
    if (!trackingCsrf.check(req, f._csrf))
      return sendPage(
        res,
        403,
        trackingFormPage(trackingCsrf.issue(req, res), vi.errors.csrf_failed, f.code),
      );
    const view = /^\d{6}$/.test(f.pin) ? await deps.tickets.lookup(f.code, f.pin, addressTag(req)) : null;
    if (!view)
      return sendPage(res, 404, trackingFormPage(trackingCsrf.issue(req, res), vi.public.notFound, f.code));
    await showResult(req, res, view, f.pin);
  });

  router.post('/tra-cuu/danh-gia', limiter, ...form, async (req, res) => {
    const f = ratingForm.parse(req.body ?? {});
    if (!trackingCsrf.check(req, f._csrf))
      return sendPage(
        res,
        403,
        trackingFormPage(trackingCsrf.issue(req, res), vi.errors.csrf_failed, f.code),
      );
    try {
      const by = { channel: 'tracking-page', rater: addressTag(req) };
      const view = await deps.tickets.rate(f.code, f.pin, f.rating, by, f.comment?.trim() || undefined);
      await showResult(req, res, view, f.pin);
    } catch (err) {
      // Known refusals (wrong PIN, not answered yet) are shown on the form; anything else goes to the error handler.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      sendPage(res, err.status, trackingFormPage(trackingCsrf.issue(req, res), err.message, f.code));
    }
  });

  router.get('/thong-ke', async (req, res) => {
    const { from, to, query } = periodOf(req);
    res
      .type('html')
      .set('Cache-Control', 'public, max-age=60')
      .send(statisticsPage(await deps.statistics.report(from, to), query));
  });

  router.get('/thong-ke.csv', async (req, res) => {
    const { from, to } = periodOf(req);
    const csv = deps.statistics.toCsv(await deps.statistics.report(from, to));
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="thong-ke.csv"')
      .send(csv);
  });

  router.get('/phan-anh', async (req, res) => {
    const page = Math.max(1, Math.min(1000, Number.parseInt(String(req.query.trang ?? '1'), 10) || 1));
    const rows = await deps.repo.published(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const safe = rows.slice(0, PAGE_SIZE).map((r) => ({
      ...r,
      summary: redactPersonalData(r.summary),
      answer: redactPersonalData(r.answer),
    }));
    res
      .type('html')
      .set('Cache-Control', 'public, max-age=60')
      .send(publishedPage(safe, page, rows.length > PAGE_SIZE));
  });

  router.get('/assets/chart.umd.min.js', (_req, res) => res.sendFile(CHART_JS, { maxAge: '7d' }));
  router.get('/assets/thong-ke.js', (_req, res) =>
    res.type('application/javascript').set('Cache-Control', 'public, max-age=86400').send(STATS_CHART_JS),
  );
  return router;
}
