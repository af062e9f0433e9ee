import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { ZALO_WEBHOOK_PATH } from './channels/zalo/zalo.routes';
import { cleanBody } from './http/clean-body';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { healthRoutes } from './http/health.routes';
import { createMetrics, metricsMiddleware, type Metrics } from './http/metrics';
import { metricsGuard } from './http/metrics-access';
import { requestLogger } from './http/request-context';
import { rateCountersFor } from './http/rate-counter';
import { knowledgeRoutes } from './knowledge/knowledge.routes';
import type { AnswerService } from './ports';

/** Everything the HTTP app needs, built by main (or a test) and handed in. */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  metrics?: Metrics;
  /**
   * Feature routers (channels, APIs), mounted after the JSON parser and before the 404 handler; an error handler
   * among them sees errors raised before any router ran (routers' own error handlers never do).
   */
  routers?: Array<Router | ErrorRequestHandler>;
  /** Reports whether graceful shutdown has begun (readiness turns 503). */
  isShuttingDown?: () => boolean;
  /** The knowledge base behind `POST /api/ask`; without it the route is not mounted. */
  knowledge?: { answerService: AnswerService; askRateLimitPerMinute: number };
}

declare module 'http' {
  interface IncomingMessage {
    /** The exact bytes of a JSON body, kept for webhook signature checks. */
    rawBody?: Buffer;
  }
}

/** Builds the Express app without listening; tests drive it with supertest or a real socket. */
export function createApp(deps: AppDeps): Express {
  const metrics = deps.metrics ?? createMetrics();
  const app = express();
  app.disable('x-powered-by');
  const trust = deps.config.trustProxy;
  app.set('trust proxy', Array.isArray(trust) ? [...trust] : trust);
  app.use(requestLogger(deps.logger));
  app.use(metricsMiddleware(metrics));
  // HSTS only on a TLS request: on plain HTTP it is ignored at best and, behind a misconfigured proxy, misleading.
  app.use(helmet({ strictTransportSecurity: false }));
  app.use((req, res, next) => {
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  app.use(
    express.json({
      limit: deps.config.bodyLimitBytes,
      type: ['application/json', 'application/*+json'],
      verify: (req, _res, buf) => {
        req.rawBody = buf;
      },
    }),
  );
  // The Zalo webhook cleans its body itself, after checking the signature over the raw bytes: a signed event that
  // cannot be used is acknowledged and recorded as rejected, so Zalo does not redeliver it for hours.
  app.use((req, res, next) => (req.path === ZALO_WEBHOOK_PATH ? next() : cleanBody(req, res, next)));
  app.use(
    healthRoutes({
      db: deps.db,
      metrics,
      isShuttingDown: deps.isShuttingDown ?? (() => false),
      metricsGuard: metricsGuard(deps.config),
    }),
  );
  if (deps.knowledge) app.use(knowledgeRoutes({ ...deps.knowledge, rateCounters: rateCountersFor(deps.db) }));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger.child({ component: 'http' }), metrics));
  return app;
}
