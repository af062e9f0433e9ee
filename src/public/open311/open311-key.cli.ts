import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { createLogger } from '../../logger';
import { Open311Repository } from './open311.repository';

/** `npm run open311:key -- --name "Client"`: registers an Open311 API client and prints its key once. */
async function run(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  if (!values.name?.trim()) throw new Error('Usage: npm run open311:key -- --name "Client application name"');
  const config = loadConfig(process.env);
  const db = await openDatabase(config, createLogger('warn'));
  const key = randomBytes(24).toString('base64url');
  try {
    await migrate(db);
    await new Open311Repository(db).addClient(values.name.trim(), key);
  } finally {
    await db.close();
  }
  process.stdout.write(`API key for ${values.name.trim()} (shown once, store it safely): ${key}\n`);
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
