import { z } from 'zod';
import { commaList, int, optional, settings, withDefault } from './env-schema';

const directLine = settings({
  /** Server-to-server secret accepted as Bearer; also the token signing key when set. */
  secret: ['DIRECT_LINE_SECRET', optional(z.string().min(32, 'must be at least 32 characters'))],
  tokenTtlSeconds: ['DIRECT_LINE_TOKEN_TTL_SECONDS', withDefault(int(60, 86_400), 1800)],
  /** Public token requests per client address per minute. */
  tokensPerMinute: ['DIRECT_LINE_TOKENS_PER_MINUTE', withDefault(int(1, 10_000), 20)],
  /** Authenticated requests per conversation token per minute. */
  requestsPerMinute: ['DIRECT_LINE_REQUESTS_PER_MINUTE', withDefault(int(10, 100_000), 300)],
  /** Posted activities per conversation token per minute. */
  messagesPerMinute: ['DIRECT_LINE_MESSAGES_PER_MINUTE', withDefault(int(1, 10_000), 30)],
  uploadMaxBytes: ['DIRECT_LINE_UPLOAD_MAX_BYTES', withDefault(int(1024, 50 * 1024 * 1024), 5 * 1024 * 1024)],
  /** How often an open WebSocket re-reads the database (replies written by another replica). */
  streamPollMs: ['DIRECT_LINE_STREAM_POLL_MS', withDefault(int(100, 60_000), 1500)],
  /** Portal origins whose pages may call Direct Line from the browser (CORS). */
  corsOrigins: [
    'DIRECT_LINE_CORS_ORIGINS',
    optional(
      commaList(
        (o) => o,
        z.url().regex(/^https?:\/\/[^/]+$/, 'origins are scheme://host[:port] without a path'),
      ),
    ),
  ],
});

/** The Direct Line channel's environment keys. */
export const directLineEnv = directLine.env;

/** The Direct Line settings from the parsed environment. */
export function directLineConfigOf(e: Parameters<typeof directLine.read>[0]) {
  const s = directLine.read(e);
  return Object.freeze({ ...s, corsOrigins: Object.freeze(s.corsOrigins ?? []) as readonly string[] });
}

/** Direct Line (the web chat's channel): secret, token lifetime, per-client limits, uploads, CORS. */
export type DirectLineConfig = ReturnType<typeof directLineConfigOf>;
