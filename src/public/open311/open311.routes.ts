import { randomUUID } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z, ZodError } from 'zod';
import { vi } from '../../i18n/strings.vi';
import type { Database } from '../../db/database';
import { formParser } from '../../http/clean-body';
import { toAppError } from '../../http/error-handler';
import { uploadIdOf } from '../../http/upload-url';
import { redactPersonalData } from '../../text/redact';
import { vnDay } from '../../reference/vn-time';
import type { TicketService } from '../../ports';
import { isOpenStatus } from '../../tickets/lifecycle/ticket-status';
import { Open311Error, sendError, sendList, sendObject, type Open311Format } from './open311.format';
import { codeByToken, Open311Repository, type RequestRow } from './open311.repository';
import { systemClock, type Clock } from '../../reference/clock';

/** What the Open311 endpoints need. */
export interface Open311Deps {
  db: Database;
  tickets: TicketService;
  /** The jurisdiction this deployment answers for (the province code); other values are refused. */
  jurisdictionId: string;
  clock?: Clock;
}

const BASE = '/open311/v2';
const format = z.enum(['json', 'xml']);
const num = z.coerce.number();
const postSchema = z.object({
  api_key: z.string().min(1).max(200),
  service_code: z.string().min(1).max(60),
  description: z.string().trim().min(5).max(4000),
  lat: num.min(-90).max(90).optional(),
  long: num.min(-180).max(180).optional(),
  address_string: z.string().trim().max(500).optional(),
  address_id: z.string().max(100).optional(),
  media_url: z.url().max(2000).optional(),
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  phone: z.string().max(20).optional(),
  // Not in GeoReport v2: personal data is kept only when the client says the citizen agreed (consent=true).
  consent: z.enum(['true', 'false']).optional(),
  idempotency_key: z.string().min(1).max(200).optional(),
});
const listSchema = z.object({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(60).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
});

function fmt(req: Request): Open311Format {
  const parsed = format.safeParse(req.params.format);
  if (!parsed.success) throw new Open311Error(400, 'format must be json or xml');
  return parsed.data;
}

function checkJurisdiction(req: Request, deps: Open311Deps): void {
  const j = (req.query.jurisdiction_id ??
    (req.body as Record<string, unknown> | undefined)?.jurisdiction_id) as unknown;
  if (j !== undefined && j !== deps.jurisdictionId) throw new Open311Error(404, 'jurisdiction_id not found');
}

/** Every free-text field of a public request passes the one redaction function. */
function publicText<T extends string | null>(text: T): T {
  return (text === null ? null : redactPersonalData(text)) as T;
}

/**
 * Photos are not public while a ticket is open, and a citizen's web-chat upload never is (it is served only to its
 * conversation and the agency); a closed request shows only a media URL its Open311 client published itself.
 */
function publicMediaUrl(r: RequestRow, closed: boolean): string | null {
  const url = r.attachments[0]?.url;
  if (!closed || !url || uploadIdOf(url) || r.origin_channel !== 'open311') return null;
  return url;
}

function toRequest(r: RequestRow): Record<string, unknown> {
  const closed = !isOpenStatus(r.status);
  return {
    service_request_id: r.tracking_code,
    status: closed ? 'closed' : 'open',
    status_notes: closed ? publicText(r.answer ?? null) : null,
    service_name: r.category_name,
    service_code: r.category,
    description: publicText(r.description),
    agency_responsible: r.agency_name,
    service_notice: null,
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.resolve_due_at.toISOString(),
    address: publicText(r.location?.address ?? r.commune_name ?? null),
    address_id: null,
    zipcode: null,
    lat: r.location?.lat ?? null,
    long: r.location?.lon ?? null,
    media_url: publicMediaUrl(r, closed),
  };
}

/** Open311 GeoReport v2 at /open311/v2: services, service definitions, requests (GET and POST), tokens. */
export function open311Routes(deps: Open311Deps): Router {
  const router = Router();
  const repo = new Open311Repository(deps.db);
  router.use(BASE, ...formParser('32kb'));

  router.get(`${BASE}/services.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
    const services = (await repo.services()).map((s) => ({
      service_code: s.code,
      service_name: s.name,
      description: s.name,
      metadata: false,
      type: 'realtime',
      keywords: s.code.replace(/-/g, ','),
      group: 'phan-anh-kien-nghi',
    }));
    sendList(res, f, 'services', 'service', services);
  });

  router.get(`${BASE}/services/:code.:format`, async (req, res) => {
    const f = fmt(req);
    const known = (await repo.services()).some((s) => s.code === req.params.code);
    if (!known) throw new Open311Error(404, 'service_code not found');
    sendObject(res, f, 'service_definition', { service_code: req.params.code, attributes: [] });
  });

  router.get(`${BASE}/requests.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
    const q = listSchema.parse(req.query);
    const now = (deps.clock ?? systemClock)();
    const to = q.end_date ? new Date(q.end_date) : new Date(now.getTime() + 60_000);
    const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - 90 * 86_400_000);
    const codes = q.service_request_id
      ?.split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const rows = await repo.requests({
      codes,
      category: q.service_code,
      from,
      to,
      status: q.status,
      limit: 1000,
    });
    sendList(res, f, 'service_requests', 'request', rows.map(toRequest));
  });

  router.get(`${BASE}/requests/:id.:format`, async (req, res) => {
    const f = fmt(req);
    const rows = await repo.requests({
      codes: [String(req.params.id).toUpperCase()],
      from: new Date('1970-01-01T00:00:00Z'),
      to: new Date('9999-12-31T00:00:00Z'),
      limit: 1,
    });
    if (!rows[0]) throw new Open311Error(404, 'service_request_id not found');
    sendList(res, f, 'service_requests', 'request', rows.map(toRequest));
  });

  router.get(`${BASE}/tokens/:id.:format`, async (req, res) => {
    const f = fmt(req);
    const code = await codeByToken(deps.db, String(req.params.id));
    if (!code) throw new Open311Error(404, 'token not found');
    sendList(res, f, 'service_requests', 'request', [{ service_request_id: code, token: req.params.id }]);
  });

  router.post(`${BASE}/requests.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
    const body = postSchema.parse(req.body ?? {});
    const client = await repo.clientByKey(body.api_key);
    if (!client) throw new Open311Error(403, 'api_key is missing or not valid');
    if (!(await repo.services()).some((s) => s.code === body.service_code))
      throw new Open311Error(404, 'service_code not found');
    const hasPoint = body.lat !== undefined && body.long !== undefined;
    if (!hasPoint && !body.address_string && !body.address_id) {
      throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
    }
    const name = [body.first_name, body.last_name].filter(Boolean).join(' ');
    const consented = body.consent === 'true' && (name || body.phone);
    const receipt = await deps.tickets.create({
      kind: 'feedback',
      category: body.service_code,
      description: body.address_string
        ? `${body.description}\nĐịa điểm: ${body.address_string}`
        : body.description,
      ...(hasPoint ? { location: { lat: body.lat!, lon: body.long!, address: body.address_string } } : {}),
      ...(body.media_url
        ? { attachments: [{ url: body.media_url, contentType: 'application/octet-stream' }] }
        : {}),
      ...(consented
        ? { contact: { name: name || undefined, phone: body.phone, consentAt: new Date() } }
        : {}),
      origin: { channel: 'open311', conversationId: client.id, userId: client.id },
      idempotencyKey: `${client.id}:${body.idempotency_key ?? randomUUID()}`,
    });
    const notice = `Đã chuyển ${receipt.agency.name}; hạn trả lời ${vnDay(receipt.resolveDueAt)}.`;
    sendList(
      res,
      f,
      'service_requests',
      'request',
      [
        {
          service_request_id: receipt.trackingCode,
          token: receipt.id,
          service_notice: notice,
          account_id: null,
        },
      ],
      201,
    );
  });

  // An Open311 path no route matched is an Open311 404, not the app's envelope.
  router.use(BASE, (_req, _res, next) => next(new Open311Error(404, vi.errors.not_found)));
  router.use(BASE, open311ErrorHandler);
  return router;
}

/**
 * Answers client errors under /open311/v2 in Open311's `[{code, description}]` shape (JSON or XML). Also mounted at
 * the app level (server.ts), because errors raised before any router ran (the app's JSON parser: invalid JSON,
 * unsupported charset) skip routers' own error handlers (found by the fuzzer).
 */
export function open311ErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (!req.originalUrl.startsWith(`${BASE}/`)) return next(err);
  const f: Open311Format = /\.xml(\?|$)/.test(req.originalUrl) ? 'xml' : 'json';
  if (err instanceof Open311Error) return sendError(res, f, err);
  if (err instanceof ZodError) {
    const description = err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return sendError(res, f, new Open311Error(400, description));
  }
  const appErr = toAppError(err);
  if (appErr.status < 500) return sendError(res, f, new Open311Error(appErr.status, appErr.message));
  next(err);
}
