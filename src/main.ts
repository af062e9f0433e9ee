import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/connect';
import { createLogger } from './logger';
import { startServer } from './server';

/** Entry point: config → database → the system (src/system.ts) served over HTTP, stopped gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  const running = await startServer(config, db, logger);
  logger.info({ url: running.url, readyMs: Date.now() - startedAt }, 'tiepdan is ready');

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((err: unknown) => {
  process.stderr.write(`tiepdan failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
