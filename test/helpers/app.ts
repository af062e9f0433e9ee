import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config/config';
import { createLogger } from '../../src/logger';

/** A logger that keeps its JSON lines in memory, so tests can assert what was (and was not) logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger(level, sink), lines: () => chunks.join('').split('\n').filter(Boolean) };
}

/** Test configuration: defaults plus the given overrides. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env });
}
