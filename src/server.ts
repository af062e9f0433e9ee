import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { createKnowledge } from './knowledge/knowledge';

/** A running instance: its address and a stop() that drains requests and closes the database. */
export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  stop(): Promise<void>;
}

/** Migrates, builds the app and listens; stop() stops accepting, finishes in-flight requests, then closes the db. */
export async function startServer(config: Config, db: Database, logger: Logger): Promise<RunningServer> {
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  const knowledge = await createKnowledge({ db, config, logger });
  // First start: the demo corpus in knowledge/ is ingested before the server reports ready.
  const ingestStarted = Date.now();
  const ingested = await knowledge.ingestCorpusIfEmpty();
  if (ingested)
    logger.info({ documents: ingested.length, ms: Date.now() - ingestStarted }, 'knowledge base seeded');
  let shuttingDown = false;
  const app = createApp({ config, db, logger, knowledge, isShuttingDown: () => shuttingDown });
  const server = http.createServer(app);
  // Keep-alive sockets must not outlive a graceful stop; headers must arrive promptly.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(timer);
      await db.close();
    })());
  return { url: `http://${host}:${port}`, port, server, stop };
}
