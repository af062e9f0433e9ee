import { ConfigError, loadConfig } from './config/config';
import { JobRunner } from './jobs/job-runner';
import { createKnowledge } from './knowledge/knowledge';
import { createLogger } from './logger';
import { seedReferenceData } from './tickets/tickets.module';
import { openDatabase } from './db/connect';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import type { Config } from './config/config';
import type { Logger } from 'pino';

const USAGE = 'usage: npm run db:migrate [-- --seed]';

/**
 * `--seed`: also writes what a first start would (reference data, the demo corpus when the knowledge base is
 * empty). A deployment's migration Job runs this once, so replicas start on a ready database.
 */
async function seed(db: Database, config: Config, logger: Logger): Promise<void> {
  await seedReferenceData(db, config);
  // Jobs are registered but never started: the Job only seeds.
  const jobs = new JobRunner({ logger, clock: () => new Date() });
  const knowledge = await createKnowledge({ db, config, logger, jobs });
  const ingested = await knowledge.ingestCorpusIfEmpty();
  process.stdout.write(
    ingested ? `Seeded: ${ingested.length} knowledge documents.\n` : 'Knowledge base already seeded.\n',
  );
}

/** `npm run db:migrate [-- --seed]`: applies pending migrations (and seeds) on the configured database, then exits. */
async function run(args: string[]): Promise<void> {
  const unknown = args.filter((a) => a !== '--seed');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
    if (args.includes('--seed')) await seed(db, config, logger);
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
