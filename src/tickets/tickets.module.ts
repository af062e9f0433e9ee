import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { ensureSecret } from '../db/app-secret.repository';
import type { Database } from '../db/database';
import type { Jobs } from '../jobs/job-runner';
import { foldDiacritics } from '../text/normalize';
import { loadAdminUnits } from '../reference/admin-units/admin-units';
import { requeueWaiting } from './notify/outbox.repository';
import { OutboundChannelRegistry, performOutbox, type OutboxDeps } from './notify/outbox.worker';
import { seedAdminUnits, seedAgencies } from './seed.repository';
import { seedHolidays } from './sla/holiday.repository';
import { performEscalation } from './sla/escalation.job';
import { statutoryHolidays } from './sla/holidays';
import type { TicketContext } from './ticket.context';
import { CitizenTicketService } from './citizen-ticket.service';
import { TicketLifecycle } from './lifecycle/ticket-lifecycle';
import { StaffTicketService } from './staff-ticket.service';
import { LookupGuard, lookupGuardStoresFor } from './lookup-guard';
import { ticketRoutes } from './tickets.routes';
import { newSecret, randomTrackingCode } from './tracking-code';
import { TicketTriageService } from './triage/ticket-triage.service';
import { MessageAnalyzer } from './triage/message.analyzer';
import { systemClock, type Clock } from '../reference/clock';

/** The tickets area, wired: services for the bot and portal, HTTP routes; its jobs are registered with the runner. */
export interface TicketsModule {
  triage: TicketTriageService;
  tickets: CitizenTicketService;
  staff: StaffTicketService;
  channels: OutboundChannelRegistry;
  routes: Router;
  /** The citizen wrote again on a channel: messages held back by a closed window are sent now. */
  resumeDeliveries(channel: string, userId: string): Promise<number>;
  /** Sends one conversation's due messages now (a channel's turn just queued its replies); retries stay with the job. */
  deliverConversation(channel: string, conversationId: string): Promise<void>;
}

/** The tickets area's background jobs: outbound delivery and deadline escalation. */
export const TICKET_JOBS = { outbox: 'outbox', escalation: 'escalation' } as const;

/** What createTickets needs; it registers its jobs with `jobs`. */
export interface TicketsDeps {
  db: Database;
  config: Config;
  logger: Logger;
  jobs: Jobs;
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
  const analyzer = MessageAnalyzer.fromDataFiles(config.provinceCode);
  const logger = deps.logger.child({ component: 'tickets' });
  const ctx: TicketContext = {
    db,
    config,
    logger,
    clock,
    analyzer,
    codePrefix,
    pinSecret: await ensureSecret(db, 'tickets.pin', newSecret),
    nextCode: deps.nextCode ?? (() => randomTrackingCode(codePrefix)),
  };
  const triage = new TicketTriageService(db, analyzer);
  const lifecycle = new TicketLifecycle(clock);
  const guard = new LookupGuard(lookupGuardStoresFor(db, config.tickets.lookupsPerMinute), () =>
    clock().getTime(),
  );
  const tickets = new CitizenTicketService(ctx, lifecycle, guard);
  const channels = new OutboundChannelRegistry();
  const outbox: OutboxDeps = {
    db,
    channels,
    logger,
    maxAttempts: config.tickets.outboxMaxAttempts,
    leaseMs: 60_000,
    backoffBaseMs: 5_000,
  };
  addTicketJobs(deps.jobs, config, outbox);
  return {
    triage,
    tickets,
    staff: new StaffTicketService(db, lifecycle, clock),
    channels,
    routes: ticketRoutes({ triage, tickets }),
    resumeDeliveries: (channel, userId) => requeueWaiting(db, channel, userId, clock()),
    deliverConversation: async (channel, conversationId) => {
      await performOutbox({ now: clock(), only: { channel, conversationId } }, outbox);
    },
  };
}

function addTicketJobs(jobs: Jobs, config: Config, outbox: OutboxDeps): void {
  jobs.add({
    name: TICKET_JOBS.outbox,
    intervalMs: config.tickets.outboxPollMs,
    // A pass that made progress goes round again: a conversation's next message became due when this one left.
    perform: async (now) => {
      const pass = await performOutbox({ now }, outbox);
      return { more: pass.sent + pass.failed > 0 };
    },
  });
  jobs.add({
    name: TICKET_JOBS.escalation,
    intervalMs: config.tickets.escalationIntervalMs,
    perform: async (now) => {
      await performEscalation({ now }, { db: outbox.db });
    },
  });
}
