import type { Database } from '../../src/db/database';
import { createChannels } from '../../src/channels/channels';
import type { WebChatFeature } from '../../src/channels/directline/directline.feature';
import { startServer, type RunningServer } from '../../src/server';
import { memoryLogger, testConfig } from './app';
import { createTestDb } from './db';

/** The server-to-server secret tests configure (≥ 32 characters, as the config demands). */
export const TEST_DIRECT_LINE_SECRET = 'test-direct-line-secret-0123456789abcdef';

/** A real server (socket, migrations, tickets, web chat feature) on a fresh test database. */
export interface WebChatServer {
  url: string;
  db: Database;
  feature: WebChatFeature;
  running: RunningServer;
  stop(): Promise<void>;
}

/**
 * Starts the server with the web chat feature; env overrides config (rate limits, secret, …). Given a database, it
 * runs on that one (replicas sharing a server database), else on a fresh test database.
 */
export async function startWebChatServer(
  env: Record<string, string> = {},
  database?: Database,
): Promise<WebChatServer> {
  const db = database ?? (await createTestDb());
  const config = testConfig({
    DIRECT_LINE_SECRET: TEST_DIRECT_LINE_SECRET,
    DIRECT_LINE_STREAM_POLL_MS: '200',
    ...env,
  });
  const { logger } = memoryLogger('silent');
  let feature: WebChatFeature | undefined;
  const running = await startServer(config, db, logger, async ({ tickets, knowledge }) => {
    // As main.ts wires it: the real knowledge and tickets areas.
    const channels = await createChannels({
      config,
      db,
      logger,
      tickets,
      answers: knowledge.answerService,
    });
    feature = channels.webchat;
    return channels.features;
  });
  return { url: running.url, db, feature: feature!, running, stop: () => running.stop() };
}

/** Polls until check() returns a value, or fails after timeoutMs (clients deliver asynchronously). */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
