import type { Database } from '../../src/db/database';
import type { WebChatFeature } from '../../src/channels/directline/directline.feature';
import type { RunningServer } from '../../src/server';
import { startTestServer, type TestSystemOptions } from './system';

/** The server-to-server secret tests configure (≥ 32 characters, as the config demands). */
export const TEST_DIRECT_LINE_SECRET = 'test-direct-line-secret-0123456789abcdef';

/** A real server (socket, migrations, the whole system) on a fresh test database, with the web chat at hand. */
export interface WebChatServer {
  url: string;
  db: Database;
  feature: WebChatFeature;
  running: RunningServer;
  stop(): Promise<void>;
}

/** Starts the server as main.ts does; env overrides config (rate limits, secret, …); jobs run when kicked. */
export async function startWebChatServer(
  env: Record<string, string> = {},
  options: TestSystemOptions = {},
): Promise<WebChatServer> {
  const running = await startTestServer({
    ...options,
    env: { DIRECT_LINE_SECRET: TEST_DIRECT_LINE_SECRET, DIRECT_LINE_STREAM_POLL_MS: '200', ...env },
  });
  const { system } = running;
  return {
    url: running.url,
    db: system.db,
    feature: system.channels.webchat,
    running,
    stop: () => running.stop(),
  };
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
