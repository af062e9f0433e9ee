import { ConfigError, loadConfig } from '../config/config';
import { createLogger } from '../logger';
import { openDatabase } from './connect';
import { migrate } from './migrate';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
