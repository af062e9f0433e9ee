import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { ensureSecret } from '../db/app-secret.repository';
import type { Database } from '../db/database';
import { foldDiacritics } from '../text/normalize';
import { loadAdminUnits } from '../reference/admin-units/admin-units';
import { requeueWaiting } from './notify/outbox.repository';
import { OutboundChannelRegistry, performOutbox } from './notify/outbox.worker';
import { seedAdminUnits, seedAgencies } from './seed.repository';
import { seedHolidays } from './sla/holiday.repository';
import { performEscalation } from './sla/escalation.job';
import { statutoryHolidays } from './sla/holidays';
import type { TicketContext } from './ticket.context';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketsService } from './ticket.service';
import { FixedWindowRateLimiter } from '../http/fixed-window-limiter';
import { ticketRoutes } from './tickets.routes';
import { newSecret, randomTrackingCode } from './tracking-code';
import { TicketTriageService } from './triage/triage.service';
import { TriageModel } from './triage/triage.model';
import { systemClock, type Clock } from '../reference/clock';

/** The tickets area, wired: services for the bot and portal, HTTP routes, background workers. */
export interface TicketsModule {
  triage: TicketTriageService;
  tickets: TicketsService;
  workflow: TicketWorkflowService;
  channels: OutboundChannelRegistry;
  routes: Router;
  /** One outbox pass and one escalation pass at the clock's now (what the workers run on a timer). */
  runOnce(): Promise<void>;
  /** The citizen wrote again on a channel: messages held back by a closed window are sent now. */
  resumeDeliveries(channel: string, userId: string): Promise<number>;
  startWorkers(): void;
  stopWorkers(): Promise<void>;
}

/** What createTickets needs. */
export interface TicketsDeps {
  db: Database;
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Tracking-code source; tests inject one to force collisions. */
  nextCode?: () => string;
}

/** "Thanh Hóa" → "TH": the default tracking-code prefix of a province. */
export function provincePrefix(provinceCode: string): string {
  const province = loadAdminUnits().units.find((u) => u.level === 'province' && u.code === provinceCode);
  const initials = foldDiacritics(province?.shortName ?? 'VN')
    .toUpperCase()
    .split(/\s+/)
    .map((w) => w[0])
    .join('');
  return initials.length >= 2 ? initials.slice(0, 3) : `${initials}X`;
}

/** Seeds the reference data (administrative units, agencies, holidays); idempotent, edits are kept. */
export async function seedReferenceData(db: Database, config: Config, now: Date = new Date()): Promise<void> {
  const admin = loadAdminUnits();
  await seedAdminUnits(db, admin.units, admin.former);
  await seedAgencies(db, config.provinceCode);
  const year = now.getUTCFullYear();
  await seedHolidays(
    db,
    [year - 1, year, year + 1, year + 2].flatMap((y) => statutoryHolidays(y)),
  );
}

/** Seeds reference data (idempotent) and builds the tickets area. */
export async function createTickets(deps: TicketsDeps): Promise<TicketsModule> {
  const { db, config } = deps;
  const clock = deps.clock ?? systemClock;
  await seedReferenceData(db, config, clock());
  const codePrefix = config.tickets.codePrefix ?? provincePrefix(config.provinceCode);
  const model = TriageModel.fromDataFiles(config.provinceCode);
  const logger = deps.logger.child({ component: 'tickets' });
  const ctx: TicketContext = {
    db,
    config,
    logger,
    clock,
    model,
    codePrefix,
    pinSecret: await ensureSecret(db, 'tickets.pin', newSecret),
    nextCode: deps.nextCode ?? (() => randomTrackingCode(codePrefix)),
  };
  const triage = new TicketTriageService(db, model);
  const tickets = new TicketsService(ctx);
  const channels = new OutboundChannelRegistry();
  const limiter = new FixedWindowRateLimiter(config.tickets.lookupsPerMinute, 60_000, () =>
    clock().getTime(),
  );
  const outboxDeps = {
    db,
    channels,
    logger,
    maxAttempts: config.tickets.outboxMaxAttempts,
    leaseMs: 60_000,
    backoffBaseMs: 5_000,
  };
  const loops = new BackgroundLoops(logger);
  return {
    triage,
    tickets,
    workflow: new TicketWorkflowService(ctx),
    channels,
    routes: ticketRoutes({ triage, tickets, limiter }),
    resumeDeliveries: (channel, userId) => requeueWaiting(db, channel, userId, clock()),
    async runOnce() {
      await performOutbox({ now: clock() }, outboxDeps);
      await performEscalation({ now: clock() }, { db });
    },
    startWorkers() {
      loops.every('outbox', config.tickets.outboxPollMs, () => performOutbox({ now: clock() }, outboxDeps));
      loops.every('escalation', config.tickets.escalationIntervalMs, () =>
        performEscalation({ now: clock() }, { db }),
      );
    },
    stopWorkers: () => loops.stop(),
  };
}

/** Timers that run a pass at a time (never overlapping) and let stop() wait for the pass in flight. */
class BackgroundLoops {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  every(name: string, ms: number, pass: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const p = pass()
        .catch((err: unknown) => this.logger.error({ err, loop: name }, 'background pass failed'))
        .finally(() => {
          busy = false;
          this.running.delete(p);
        });
      this.running.add(p);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.allSettled([...this.running]);
  }
}
