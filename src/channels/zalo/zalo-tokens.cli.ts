import { ConfigError, loadConfig } from '../../config/config';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { createLogger } from '../../logger';
import { parseTokenPair, recoverTokens } from './zalo.token-recovery';

const USAGE =
  "usage: npm run zalo:tokens < pair.txt   (access token and refresh token, or Zalo's JSON answer, on standard input)";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `npm run zalo:tokens`: stores a new OA token pair read from standard input and verifies it against Zalo. */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.zalo) throw new Error('ZALO_APP_ID is not set: the Zalo channel is off');
  const pair = parseTokenPair(await readStdin());
  if (!pair) throw new Error(USAGE);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    await migrate(db);
    const { oaName } = await recoverTokens(pair, { db, config: config.zalo, logger });
    process.stdout.write(`Stored and verified the Zalo token pair (OA: ${oaName}).\n`);
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
