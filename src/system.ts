import type http from 'node:http';
import type { ErrorRequestHandler, Express, Router } from 'express';
import type { Logger } from 'pino';
import { AdminService } from './agencies/admin/admin.service';
import { channelAlertRoutes } from './agencies/admin/channel-alerts.routes';
import { AuthService } from './agencies/auth.service';
import { CaseworkRepository } from './agencies/casework/casework.repository';
import { CaseworkService } from './agencies/casework/casework.service';
import { portalRoutes } from './agencies/portal.routes';
import { createApp } from './app';
import { createMetrics, type Metrics } from './http/metrics';
import { PostgresStorage } from './bot/bot-state.repository';
import { createBot, type Bot } from './bot/tiepdan.bot';
import { TurnLock } from './bot/turn-lock.repository';
import { createWebChatFeature, type WebChatFeature } from './channels/directline/directline.feature';
import { ZaloAdapter, ZALO_CHANNEL } from './channels/zalo/zalo.adapter';
import { createZaloChannel, type ZaloChannel } from './channels/zalo/zalo.channel';
import { ZaloMediaStore } from './channels/zalo/zalo.media';
import { ZaloConversationRepository, ZaloMediaRepository } from './channels/zalo/zalo.repository';
import { zaloVerificationRoutes } from './channels/zalo/zalo.verification';
import { systemTimer, type Timer } from './reference/clock';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { JobRunner } from './jobs/job-runner';
import { createKnowledge, type Knowledge } from './knowledge/knowledge';
import { documentSources } from './knowledge/knowledge.repository';
import { LinkAllowList } from './http/link-allow-list';
import type { AnswerService, ConversationRef } from './ports';
import { createProgrammes, type ProgrammesModule } from './programmes/programmes.module';
import { open311Channel } from './public/open311/open311.channel';
import { open311ErrorHandler, open311Routes } from './public/open311/open311.routes';
import { PublicRepository } from './public/public.repository';
import { publicRoutes } from './public/public.routes';
import { StatisticsService } from './public/statistics.service';
import { ChannelAlertRepository } from './tickets/notify/channel-alerts.repository';
import { createTickets, TICKET_JOBS, type TicketsModule } from './tickets/tickets.module';
import { rateCountersFor } from './http/rate-counter';

/** What a caller may replace when building the system: test seams and the benchmark's variations. */
export interface SystemOverrides {
  /** The one clock of every area and job; tests pass a manual one. */
  clock?: Timer;
  /** The fetch the Zalo OA client calls (a fake OA server's wire format in tests). */
  fetch?: typeof fetch;
  /** Replaces the knowledge base's answers behind the bot (the benchmark's echo mode). */
  answers?: AnswerService;
  /** Tracking-code source; tests inject one to force collisions. */
  nextCode?: () => string;
}

/** The channels the bot speaks on; Zalo only when it is configured. */
export interface SystemChannels {
  webchat: WebChatFeature;
  zalo: ZaloChannel<ZaloAdapter> | undefined;
}

/** The whole application, built and wired but not listening: areas, the bot, channels, HTTP app and jobs. */
export interface System {
  config: Config;
  db: Database;
  logger: Logger;
  knowledge: Knowledge;
  tickets: TicketsModule;
  programmes: ProgrammesModule;
  auth: AuthService;
  bot: Bot;
  channels: SystemChannels;
  /** Every background job of the process; startServer starts it, tests kick jobs by name. */
  jobs: JobRunner;
  /** The Prometheus registry behind /metrics (served on the app or on METRICS_PORT). */
  metrics: Metrics;
  /** The Express app: health, /api/ask, portal, public pages, Open311, tickets, Direct Line, Zalo webhook. */
  app: Express;
  /** Attaches what needs the HTTP server itself (the Direct Line WebSocket stream). */
  attach(server: http.Server): void;
  /** First step of a graceful stop: readiness answers 503 and streams close, so HTTP can drain. */
  beginStop(): Promise<void>;
  /** Last step before the database closes: stops the jobs, waiting for passes in flight. */
  stop(): Promise<void>;
}

/**
 * The composition root: builds every area in dependency order on a migrated database. Jobs first (areas register
 * theirs), then knowledge, tickets, the bot and its channels, the agencies' and public routes, and the app.
 */
export async function buildSystem(
  config: Config,
  db: Database,
  logger: Logger,
  overrides: SystemOverrides = {},
): Promise<System> {
  const clock = overrides.clock ?? systemTimer;
  const now = () => clock.now();
  const jobs = new JobRunner({ logger, clock: now });
  const knowledge = await createKnowledge({ db, config, logger, jobs, now });
  const tickets = await createTickets({ db, config, logger, jobs, clock: now, nextCode: overrides.nextCode });
  const programmes = createProgrammes({ db, config, logger, clock: now, jobs });
  // Programme questions are answered from the programmes' data, everything else by the knowledge base.
  const asked = { ...knowledge, answerService: programmes.answers(knowledge.answerService) };
  const bot = buildBot(db, logger, overrides.answers ?? asked.answerService, tickets, programmes);
  const channels = await buildChannels({
    config,
    db,
    logger,
    jobs,
    tickets,
    bot,
    clock,
    fetch: overrides.fetch,
  });
  const auth = new AuthService(db, now);
  let stopping = false;
  const metrics = createMetrics();
  const app = createApp({
    config,
    db,
    logger,
    metrics,
    routers: [
      ...areaRouters({ config, db, knowledge, tickets, programmes, auth, now }),
      ...channelRouters(channels),
      zaloVerificationRoutes(config.zaloSiteVerification),
    ],
    knowledge: asked,
    isShuttingDown: () => stopping,
  });
  const beginStop = async () => {
    stopping = true;
    await channels.webchat.close();
  };
  const stop = async () => {
    await beginStop();
    await jobs.stop();
  };
  const attach = (server: http.Server) => channels.webchat.attach(server);
  return {
    config,
    db,
    logger,
    knowledge,
    tickets,
    programmes,
    auth,
    bot,
    channels,
    jobs,
    metrics,
    app,
    attach,
    beginStop,
    stop,
  };
}

/** The one bot of every channel: knowledge answers, the tickets' triage and filing, state and turn lock in Postgres. */
function buildBot(
  db: Database,
  logger: Logger,
  answers: AnswerService,
  tickets: TicketsModule,
  programmes: ProgrammesModule,
): Bot {
  const follow = (code: string, ref: ConversationRef) => programmes.follow.follow(code, ref);
  return createBot({
    storage: new PostgresStorage(db),
    services: { answers, triage: tickets.triage, tickets: tickets.tickets, follow },
    logger,
    turnLock: new TurnLock(db),
  });
}

interface ChannelDeps {
  config: Config;
  db: Database;
  logger: Logger;
  jobs: JobRunner;
  tickets: TicketsModule;
  bot: Bot;
  clock: Timer;
  fetch?: typeof fetch;
}

/** One bot on every channel; each channel registers its outbound side so answers go back where citizens wrote. */
async function buildChannels(deps: ChannelDeps): Promise<SystemChannels> {
  const { config, db, logger, jobs, tickets, bot, clock } = deps;
  const links = new LinkAllowList({
    origin: config.publicBaseUrl,
    hosts: config.linkAllowedHosts,
    sources: () => documentSources(db),
  });
  const webchat = await createWebChatFeature({ config, db, logger, bot, links });
  tickets.channels.register(webchat.adapter);
  tickets.channels.register(open311Channel);
  if (!config.zalo) return { webchat, zalo: undefined };
  const media = new ZaloMediaStore({
    repo: new ZaloMediaRepository(db),
    logger: logger.child({ component: 'zalo' }),
    maxBytes: config.zalo.mediaMaxBytes ?? 5 * 1024 * 1024,
    timeoutMs: config.zalo.httpTimeoutMs,
    publicBaseUrl: config.publicBaseUrl,
    fetch: deps.fetch,
  });
  const zalo = createZaloChannel({
    db,
    config: config.zalo,
    logger,
    jobs,
    clock,
    fetch: deps.fetch,
    publicBaseUrl: config.publicBaseUrl,
    onReplies: (userId) => tickets.deliverConversation(ZALO_CHANNEL, userId),
    links,
    handler: (outbound) => {
      const adapter = new ZaloAdapter({
        outbound,
        conversations: new ZaloConversationRepository(db),
        media,
        logic: bot.handleTurn,
        clock,
        logger: logger.child({ component: 'zalo' }),
        // The citizen wrote: Zalo's window is open again, so messages it refused go out now.
        onUserActive: async (userId) => {
          if ((await tickets.resumeDeliveries(ZALO_CHANNEL, userId)) > 0) void jobs.kick(TICKET_JOBS.outbox);
        },
      });
      adapter.onTurnError = bot.onTurnError;
      return adapter;
    },
  });
  tickets.channels.register(zalo.outbound);
  return { webchat, zalo };
}

function channelRouters(channels: SystemChannels): Router[] {
  return [...channels.webchat.routers, ...(channels.zalo ? [channels.zalo.router] : [])];
}

interface AreaDeps {
  config: Config;
  db: Database;
  knowledge: Knowledge;
  tickets: TicketsModule;
  programmes: ProgrammesModule;
  auth: AuthService;
  now: () => Date;
}

/** The agency portal, the public pages, Open311 and the tickets API, in the order they are mounted. */
function areaRouters(deps: AreaDeps): Array<Router | ErrorRequestHandler> {
  const { config, db, knowledge, tickets, programmes, auth, now } = deps;
  const publicRepo = new PublicRepository(db);
  const caseRepo = new CaseworkRepository(db);
  const counters = rateCountersFor(db);
  return [
    portalRoutes({
      auth,
      admin: new AdminService(db, auth),
      knowledge: { admin: knowledge.admin, maxUploadBytes: config.knowledge.uploadMaxBytes },
      agencyName: (id) => caseRepo.agencyName(id),
      casework: new CaseworkService(db, tickets.staff, now),
      categories: () => publicRepo.categoryNames(),
      routers: [...programmes.portalRouters, channelAlertRoutes(new ChannelAlertRepository(db), now)],
      rateCounters: counters,
    }),
    publicRoutes({
      tickets: tickets.tickets,
      repo: publicRepo,
      statistics: new StatisticsService(publicRepo, now),
      lookupsPerMinute: config.tickets.lookupsPerMinute,
      rateCounters: counters,
    }),
    open311Routes({
      db,
      tickets: tickets.tickets,
      jurisdictionId: config.provinceCode,
      publicBaseUrl: config.publicBaseUrl,
      clock: now,
    }),
    open311ErrorHandler,
    tickets.routes,
    ...programmes.routers,
  ];
}
