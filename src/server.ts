import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { startMetricsServer } from './http/metrics-access';
import { buildSystem, type System, type SystemOverrides } from './system';

/** A running instance: its address, the system it serves, and a stop() that drains and closes the database. */
export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  system: System;
  /** The separate /metrics listener's port, when METRICS_PORT is set. */
  metricsPort?: number;
  stop(): Promise<void>;
}

/** How startServer runs the system; `startJobs: false` leaves the jobs to the caller's kicks (tests). */
export interface ServerOptions extends SystemOverrides {
  startJobs?: boolean;
}

/**
 * Migrates, builds the system, seeds the knowledge base on first start, listens, then starts the jobs.
 * stop() stops accepting, finishes in-flight requests, stops the jobs, then closes the database.
 */
export async function startServer(
  config: Config,
  db: Database,
  logger: Logger,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  const system = await buildSystem(config, db, logger, options);
  // First start: the demo corpus in knowledge/ is ingested before the server reports ready.
  const ingestStarted = Date.now();
  const ingested = await system.knowledge.ingestCorpusIfEmpty();
  if (ingested)
    logger.info({ documents: ingested.length, ms: Date.now() - ingestStarted }, 'knowledge base seeded');
  const server = http.createServer(system.app);
  system.attach(server);
  // Keep-alive sockets must not outlive a graceful stop; headers must arrive promptly.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const metricsServer = await startMetricsServer(config, system.metrics);
  // Work a crash left behind (queued uploads, due events and messages) is picked up by each job's first pass.
  if (options.startJobs ?? true) system.jobs.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await gracefulStop(server, system, config.shutdownTimeoutMs);
      await metricsServer?.close();
    })());
  return { url: `http://${host}:${port}`, port, server, system, metricsPort: metricsServer?.port, stop };
}

/** Stop accepting → finish in-flight requests → stop the jobs → close the database. */
async function gracefulStop(server: http.Server, system: System, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await system.beginStop();
  await closed;
  clearTimeout(timer);
  // Jobs stop after requests drain and before the database closes, so no pass dies mid-transaction.
  await system.stop();
  await system.db.close();
}
