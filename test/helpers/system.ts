import path from 'node:path';
import type { Logger } from 'pino';
import type { Database } from '../../src/db/database';
import { startServer, type RunningServer } from '../../src/server';
import { buildSystem, type System, type SystemOverrides } from '../../src/system';
import { TICKET_JOBS } from '../../src/tickets/tickets.module';
import { memoryLogger, testConfig } from './app';
import { createTestDb } from './db';

/** The repository's own corpus folder (the five demo documents). */
export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');

/** How a test builds the system: config overrides, the system's own seams, and the test's database or logger. */
export interface TestSystemOptions extends SystemOverrides {
  env?: Record<string, string>;
  /** A plain "now" source (a test's fake clock); becomes the system clock. */
  now?: () => Date;
  /** Defaults to a fresh migrated test database, closed by close(). */
  db?: Database;
  logger?: Logger;
  /** Ingest the demo corpus (knowledge/) before the test runs, as the first start does. */
  ingest?: boolean;
}

/** A built system (not listening) on a test database; close() stops its jobs and closes a database it opened. */
export interface TestSystem extends System {
  close(): Promise<void>;
}

function overridesOf(options: TestSystemOptions): SystemOverrides {
  const { now, clock, fetch, answers, nextCode } = options;
  // A "now" function becomes a clock whose sleep returns at once (nothing in a test may wait on real time).
  const fromNow = now && { now: () => now(), sleep: async () => undefined };
  return { clock: clock ?? fromNow, fetch, answers, nextCode };
}

/** Builds the system as main.ts does, on a fresh test database; tests drive `app` and kick `jobs`. */
export async function testSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const db = options.db ?? (await createTestDb());
  const config = testConfig({ KNOWLEDGE_DIR, ...options.env });
  const logger = options.logger ?? memoryLogger('silent').logger;
  const system = await buildSystem(config, db, logger, overridesOf(options));
  if (options.ingest) await system.knowledge.ingestCorpusIfEmpty();
  return {
    ...system,
    async close() {
      await system.stop();
      if (!options.db) await db.close();
    },
  };
}

/** startServer on a fresh test database with the jobs left to the test's kicks. */
export async function startTestServer(options: TestSystemOptions = {}): Promise<RunningServer> {
  const db = options.db ?? (await createTestDb());
  const config = testConfig({ KNOWLEDGE_DIR, ...options.env });
  const logger = options.logger ?? memoryLogger('silent').logger;
  return startServer(config, db, logger, { ...overridesOf(options), startJobs: false });
}

/** One outbox pass, then one escalation pass: what the tickets area's timers do, at the system clock's now. */
export async function runTicketJobs(system: System): Promise<void> {
  await system.jobs.kick(TICKET_JOBS.outbox);
  await system.jobs.kick(TICKET_JOBS.escalation);
}
