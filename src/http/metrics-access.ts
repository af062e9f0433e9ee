import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { appError } from './errors';
import type { Metrics } from './metrics';
import { safeEqual } from './security';

/**
 * Who may read `/metrics` on the public port: nobody when a separate METRICS_PORT is configured; the bearer of
 * METRICS_TOKEN when one is set; everybody in development and tests; nobody otherwise (production without either).
 */
export function metricsGuard(config: Config) {
  const { token, port } = config.metrics;
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (port !== undefined) return next(appError('not_found', 404));
    if (token) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
      return next(safeEqual(given, token) ? undefined : appError('unauthorized', 401));
    }
    next(config.nodeEnv === 'production' ? appError('not_found', 404) : undefined);
  };
}

/** With METRICS_PORT set: a second listener serving only GET /metrics (bind it where only Prometheus reaches). */
export async function startMetricsServer(
  config: Config,
  metrics: Metrics,
): Promise<{ port: number; close(): Promise<void> } | undefined> {
  if (config.metrics.port === undefined) return undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics.port, config.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
