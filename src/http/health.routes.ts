import { Router, type RequestHandler } from 'express';
import type { Database } from '../db/database';
import { migrationStatus, readMigrations, type Migration } from '../db/migrate';
import type { Metrics } from './metrics';

/** What the readiness probe needs to know. */
export interface HealthDeps {
  db: Database;
  metrics: Metrics;
  /** True once shutdown began: the instance stops taking new traffic. */
  isShuttingDown: () => boolean;
  /** Decides who may read /metrics (see metrics-access.ts). */
  metricsGuard: RequestHandler;
}

/** `/healthz` (process alive), `/readyz` (database reachable, schema current), `/metrics` (Prometheus). */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  let migrations: Migration[] | undefined;

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    let ready = !deps.isShuttingDown();
    if (!ready) checks.shutdown = 'in progress';
    try {
      await deps.db.query('SELECT 1');
      checks.database = 'ok';
      migrations ??= await readMigrations();
      const status = await migrationStatus(deps.db, migrations);
      const current = status.pending.length === 0 && status.changed.length === 0;
      checks.migrations = current
        ? 'ok'
        : `pending: ${status.pending.join(',') || '-'}; changed: ${status.changed.join(',') || '-'}`;
      ready &&= current;
    } catch {
      checks.database = 'unreachable';
      ready = false;
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });

  router.get('/metrics', deps.metricsGuard, async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  return router;
}
