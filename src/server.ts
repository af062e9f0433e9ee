import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { AdminService } from './agencies/admin/admin.service';
import { AuthService } from './agencies/auth.service';
import { CaseworkRepository } from './agencies/casework/casework.repository';
import { CaseworkService } from './agencies/casework/casework.service';
import { portalRoutes } from './agencies/portal.routes';
import { createApp } from './app';
import { open311Channel } from './public/open311/open311.channel';
import { open311ErrorHandler, open311Routes } from './public/open311/open311.routes';
import { PublicRepository } from './public/public.repository';
import { publicRoutes } from './public/public.routes';
import { StatisticsService } from './public/statistics.service';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { createKnowledge, type Knowledge } from './knowledge/knowledge';
import { createProgrammes } from './programmes/programmes.module';
import { createTickets, type TicketsModule } from './tickets/tickets.module';

/** A running instance: its address and a stop() that drains requests and closes the database. */
export interface RunningServer {
  url: string;
  port: number;
  server: http.Server;
  tickets: TicketsModule;
  stop(): Promise<void>;
}

/**
 * A feature built after migrations and the tickets area (whose services it may use): routes to mount, and
 * optionally the HTTP server to attach to (WebSockets).
 */
export interface ServerFeature {
  routers: Router[];
  attach?(server: http.Server): void;
  close?(): Promise<void>;
}

/** Migrates, builds the app and listens; stop() stops accepting, finishes in-flight requests, then closes the db. */
export async function startServer(
  config: Config,
  db: Database,
  logger: Logger,
  buildFeatures: (built: {
    tickets: TicketsModule;
    knowledge: Knowledge;
  }) => Promise<ServerFeature[]> = async () => [],
): Promise<RunningServer> {
  const applied = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  const knowledge = await createKnowledge({ db, config, logger });
  // First start: the demo corpus in knowledge/ is ingested before the server reports ready.
  const ingestStarted = Date.now();
  const ingested = await knowledge.ingestCorpusIfEmpty();
  if (ingested)
    logger.info({ documents: ingested.length, ms: Date.now() - ingestStarted }, 'knowledge base seeded');
  let shuttingDown = false;
  const tickets = await createTickets({ db, config, logger });
  const programmes = createProgrammes({ db, config, logger });
  await programmes.seedDemoIfEmpty();
  // Programme questions are answered from the programmes' data, everything else by the knowledge base.
  const asked = { ...knowledge, answerService: programmes.answers(knowledge.answerService) };
  const features = await buildFeatures({ tickets, knowledge: asked });
  const publicRepo = new PublicRepository(db);
  const caseRepo = new CaseworkRepository(db);
  const auth = new AuthService(db);
  const routers = [
    portalRoutes({
      auth,
      admin: new AdminService(db, auth),
      knowledge: { admin: knowledge.admin, maxUploadBytes: config.knowledge.uploadMaxBytes },
      agencyName: (id) => caseRepo.agencyName(id),
      casework: new CaseworkService(db, tickets.workflow),
      categories: () => publicRepo.categoryNames(),
      routers: programmes.portalRouters,
    }),
    publicRoutes({
      tickets: tickets.tickets,
      repo: publicRepo,
      statistics: new StatisticsService(publicRepo),
      lookupsPerMinute: config.tickets.lookupsPerMinute,
    }),
    open311Routes({ db, tickets: tickets.tickets, jurisdictionId: config.provinceCode }),
    open311ErrorHandler,
    tickets.routes,
    ...programmes.routers,
    ...features.flatMap((f) => f.routers),
  ];
  tickets.channels.register(open311Channel);
  const app = createApp({
    config,
    db,
    logger,
    routers,
    knowledge: asked,
    isShuttingDown: () => shuttingDown,
  });
  const server = http.createServer(app);
  for (const feature of features) feature.attach?.(server);
  // Keep-alive sockets must not outlive a graceful stop; headers must arrive promptly.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  tickets.startWorkers();
  // Uploads a crash left queued or half-ingested are picked up again.
  knowledge.admin.kick();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  await programmes.announce(`http://${host}:${port}`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      for (const feature of features) await feature.close?.();
      await closed;
      clearTimeout(timer);
      // Workers stop after requests drain and before the database closes, so no pass dies mid-transaction.
      await tickets.stopWorkers();
      await knowledge.admin.stop();
      await programmes.stop();
      await db.close();
    })());
  return { url: `http://${host}:${port}`, port, server, tickets, stop };
}
