import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../../config/config';
import { clientAddress } from '../../http/client-address';
import { AppError } from '../../http/errors';
import { publicHttpOrigin } from '../../http/public-origin';
import { identifyCaller, type Caller } from './directline.auth';
import type { DirectLineRepository } from './directline.repository';
import type { DirectLineService, Origin } from './directline.service';
import type { DirectLineTokens } from './directline.token';
import type { UploadLinks } from './upload-link';
import { uploadRoutes } from './directline.upload-routes';
import type { RateCounters } from '../../http/rate-counter';

/** What the Direct Line routes need. */
export interface DirectLineRouteDeps {
  config: Config;
  service: DirectLineService;
  repo: DirectLineRepository;
  tokens: DirectLineTokens;
  links: UploadLinks;
  /** Request counters: shared by replicas on a server, per process on the embedded database. */
  rateCounters: RateCounters;
}

/** Our public origin (see publicHttpOrigin: configuration only, never the Host header), for HTTP and WebSocket. */
export function requestOrigin(req: Request, publicBaseUrl: string | undefined): Origin {
  const http = publicHttpOrigin(req, publicBaseUrl);
  return { http, ws: http.replace(/^http/, 'ws') };
}

/** Direct Line 3.0 under /v3/directline: thin handlers over DirectLineService. */
export function directLineRoutes(deps: DirectLineRouteDeps): Router {
  const { config, service } = deps;
  const dl = config.directLine;
  const perAddress = deps.rateCounters('dl-tokens', dl.tokensPerMinute, 60_000);
  const perToken = deps.rateCounters('dl-requests', dl.requestsPerMinute, 60_000);
  const messages = deps.rateCounters('dl-messages', dl.messagesPerMinute, 60_000);
  const router = Router();
  const caller = async (req: Request): Promise<Caller> => {
    const c = identifyCaller(req.get('authorization'), deps.tokens, dl.secret);
    if (c.kind === 'token') await perToken.hit(c.claims.conv);
    return c;
  };
  const origin = (req: Request) => requestOrigin(req, config.publicBaseUrl);
  const base = '/v3/directline';
  router.use(base, corsFor(dl.corsOrigins));

  router.post(`${base}/tokens/generate`, async (req, res) => {
    const c = await caller(req);
    if (c.kind === 'anonymous') await perAddress.hit(`ip:${clientAddress(req)}`);
    res.json(await service.generateToken(c, req.body));
  });
  router.post(`${base}/tokens/refresh`, async (req, res) => {
    res.json(await service.refreshToken(await caller(req)));
  });
  router.post(`${base}/conversations`, async (req, res) => {
    const { created, grant } = await service.startConversation(await caller(req), req.body, origin(req));
    res.status(created ? 201 : 200).json(grant);
  });
  router.get(`${base}/conversations/:id`, async (req, res) => {
    res.json(
      await service.reconnect(
        await caller(req),
        req.params.id,
        queryString(req.query.watermark),
        origin(req),
      ),
    );
  });
  router.get(`${base}/conversations/:id/activities`, async (req, res) => {
    res.json(await service.activities(await caller(req), req.params.id, queryString(req.query.watermark)));
  });
  router.post(`${base}/conversations/:id/activities`, async (req, res) => {
    const c = await caller(req);
    if (c.kind === 'token') await messages.hit(c.claims.conv);
    res.json(await service.postActivity(c, req.params.id, req.body, origin(req)));
  });
  router.use(uploadRoutes({ ...deps, caller, origin, messages }));
  // directlinejs honours Retry-After on 429; the shared error handler writes the envelope.
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const retry =
      err instanceof AppError ? (err.details as { retryAfterSeconds?: number } | undefined) : undefined;
    if (err instanceof AppError && err.status === 429 && retry?.retryAfterSeconds)
      res.set('Retry-After', String(retry.retryAfterSeconds));
    next(err);
  });
  return router;
}

/** CORS for the configured portal origins only: a portal page on another domain may embed the chat. */
function corsFor(origins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (!origin || !origins.includes(origin)) return next();
    res.set({
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, x-ms-bot-agent',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    });
    if (req.method === 'OPTIONS') res.status(204).end();
    else next();
  };
}

function queryString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
