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
import { codeByToken, Open311Repository, type RequestFilter, type RequestRow } from './open311.repository';
import { open311Discovery } from './open311.discovery';
import { systemClock, type Clock } from '../../reference/clock';

/** What the Open311 endpoints need. */
export interface Open311Deps {
  db: Database;
  tickets: TicketService;
  /** The jurisdiction this deployment answers for (the province code); other values are refused. */
  jurisdictionId: string;
  /** PUBLIC_BASE_URL, for the discovery document's endpoint URL. */
  publicBaseUrl?: string;
  clock?: Clock;
}

const BASE = '/open311/v2';
const format = z.enum(['json', 'xml']);
const num = z.coerce.number();
/** GeoReport v2: "an empty parameter is the same as not giving it" (`lat=&long=`, `media_url=`). */
const given = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const postSchema = z.object({
  service_code: z.string().min(1).max(60),
  description: given(z.string().trim().max(4000)),
  lat: given(num.min(-90).max(90)),
  long: given(num.min(-180).max(180)),
  address_string: given(z.string().trim().max(500)),
  address_id: given(z.string().max(100)),
  media_url: given(z.url({ protocol: /^https?$/ }).max(2000)),
  first_name: given(z.string().max(100)),
  last_name: given(z.string().max(100)),
  phone: given(z.string().max(20)),
  // Not in GeoReport v2: personal data is kept only when the client says the citizen agreed (consent=true).
  consent: given(z.enum(['true', 'false'])),
  idempotency_key: given(z.string().min(1).max(200)),
});
/** A comma-delimited list parameter (`status=open,closed`), each value checked. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  given(
    z
      .string()
      .max(2000)
      .transform((v) =>
        v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item).max(100)),
  );
const listSchema = z.object({
  service_request_id: list(z.string().max(40)),
  service_code: list(z.string().max(60)),
  start_date: given(z.iso.datetime({ offset: true })),
  end_date: given(z.iso.datetime({ offset: true })),
  status: list(z.enum(['open', 'closed'])),
});
type ListQuery = z.infer<typeof listSchema>;
type PostBody = z.infer<typeof postSchema>;

function fmt(req: Request): Open311Format {
  const parsed = format.safeParse(req.params.format);
  if (!parsed.success) throw new Open311Error(400, 'format must be json or xml');
  return parsed.data;
}

/** `jurisdiction_id` is optional on every endpoint (one jurisdiction here); any other value is a 404. */
function checkJurisdiction(req: Request, deps: Open311Deps): void {
  const raw = (req.query.jurisdiction_id ??
    (req.body as Record<string, unknown> | undefined)?.jurisdiction_id) as unknown;
  const j = typeof raw === 'string' && raw.trim() === '' ? undefined : raw;
  if (j !== undefined && j !== deps.jurisdictionId) throw new Open311Error(404, 'jurisdiction_id not found');
}

/** The filter of GET requests: `service_request_id` overrides every other filter (GeoReport v2). */
function requestFilter(q: ListQuery, now: Date): RequestFilter {
  if (q.service_request_id?.length)
    return {
      codes: q.service_request_id.map((c) => c.toUpperCase()),
      from: new Date('1970-01-01T00:00:00Z'),
      to: new Date('9999-12-31T00:00:00Z'),
      limit: 1000,
    };
  const to = q.end_date ? new Date(q.end_date) : new Date(now.getTime() + 60_000);
  const from = q.start_date ? new Date(q.start_date) : new Date(to.getTime() - 90 * 86_400_000);
  const statuses = new Set(q.status ?? []);
  return {
    categories: q.service_code?.length ? q.service_code : undefined,
    from,
    to,
    status: statuses.size === 1 ? [...statuses][0] : undefined,
    limit: 1000,
  };
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

/** A point is usable when both coordinates are given and it is not (0,0), the "null island" of empty fields. */
function pointOf(body: PostBody): { lat: number; lon: number } | undefined {
  if (body.lat === undefined || body.long === undefined || (body.lat === 0 && body.long === 0))
    return undefined;
  return { lat: body.lat, lon: body.long };
}

function newTicket(
  body: PostBody,
  serviceName: string,
  clientId: string,
): Parameters<TicketService['create']>[0] {
  const point = pointOf(body);
  if (!point && !body.address_string && !body.address_id)
    throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const name = [body.first_name, body.last_name].filter(Boolean).join(' ');
  const consented = body.consent === 'true' && (name || body.phone);
  const description = body.description || vi.public.open311NoDescription(serviceName);
  return {
    kind: 'feedback',
    category: body.service_code,
    description: body.address_string ? `${description}\nĐịa điểm: ${body.address_string}` : description,
    ...(point ? { location: { ...point, address: body.address_string } } : {}),
    ...(body.media_url
      ? { attachments: [{ url: body.media_url, contentType: 'application/octet-stream' }] }
      : {}),
    ...(consented ? { contact: { name: name || undefined, phone: body.phone, consentAt: new Date() } } : {}),
    origin: { channel: 'open311', conversationId: clientId, userId: clientId },
    idempotencyKey: `${clientId}:${body.idempotency_key ?? randomUUID()}`,
  };
}

/** Open311 GeoReport v2 at /open311/v2: services, service definitions, requests (GET and POST), tokens. */
export function open311Routes(deps: Open311Deps): Router {
  const router = Router();
  const repo = new Open311Repository(deps.db);
  router.use(BASE, ...formParser('32kb'));
  router.use(open311Discovery(deps));

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
    checkJurisdiction(req, deps);
    const known = (await repo.services()).some((s) => s.code === req.params.code);
    if (!known) throw new Open311Error(404, 'service_code not found');
    sendObject(res, f, 'service_definition', { service_code: req.params.code, attributes: [] });
  });

  router.get(`${BASE}/requests.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
    const q = listSchema.parse(req.query);
    const rows = await repo.requests(requestFilter(q, (deps.clock ?? systemClock)()));
    sendList(res, f, 'service_requests', 'request', rows.map(toRequest));
  });

  router.get(`${BASE}/requests/:id.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
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
    checkJurisdiction(req, deps);
    const code = await codeByToken(deps.db, String(req.params.id));
    if (!code) throw new Open311Error(404, 'token not found');
    sendList(res, f, 'service_requests', 'request', [{ service_request_id: code, token: req.params.id }]);
  });

  router.post(`${BASE}/requests.:format`, async (req, res) => {
    const f = fmt(req);
    checkJurisdiction(req, deps);
    // The key first: without a valid one a caller learns nothing about the rest of its request.
    const key = (req.body as Record<string, unknown> | undefined)?.api_key;
    const client =
      typeof key === 'string' && key && key.length <= 200 ? await repo.clientByKey(key) : undefined;
    if (!client) throw new Open311Error(403, 'api_key is missing or not valid');
    const body = postSchema.parse(req.body ?? {});
    const service = (await repo.services()).find((s) => s.code === body.service_code);
    if (!service) throw new Open311Error(404, 'service_code not found');
    const receipt = await deps.tickets.create(newTicket(body, service.name, client.id));
    const notice = `Đã chuyển ${receipt.agency.name}; hạn trả lời ${vnDay(receipt.resolveDueAt)}.`;
    // The tracking code exists at once, so the answer carries service_request_id and no token (GeoReport v2).
    const answer = { service_request_id: receipt.trackingCode, service_notice: notice, account_id: null };
    sendList(res, f, 'service_requests', 'request', [answer], 201);
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
