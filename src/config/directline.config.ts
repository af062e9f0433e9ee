import { z } from 'zod';
import { commaList, int, optional, withDefault } from './env-schema';

/** The Direct Line channel's environment keys. */
export const directLineEnv = {
  DIRECT_LINE_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  DIRECT_LINE_TOKEN_TTL_SECONDS: withDefault(int(60, 86_400), 1800),
  DIRECT_LINE_TOKENS_PER_MINUTE: withDefault(int(1, 10_000), 20),
  DIRECT_LINE_REQUESTS_PER_MINUTE: withDefault(int(10, 100_000), 300),
  DIRECT_LINE_MESSAGES_PER_MINUTE: withDefault(int(1, 10_000), 30),
  DIRECT_LINE_UPLOAD_MAX_BYTES: withDefault(int(1024, 50 * 1024 * 1024), 5 * 1024 * 1024),
  DIRECT_LINE_STREAM_POLL_MS: withDefault(int(100, 60_000), 1500),
  DIRECT_LINE_CORS_ORIGINS: optional(
    commaList(
      (o) => o,
      z.url().regex(/^https?:\/\/[^/]+$/, 'origins are scheme://host[:port] without a path'),
    ),
  ),
};

type DirectLineEnv = z.infer<z.ZodObject<typeof directLineEnv>>;

/** The Direct Line settings from the parsed environment. */
export function directLineConfigOf(e: DirectLineEnv) {
  return Object.freeze({
    /** Server-to-server secret accepted as Bearer; also the token signing key when set. */
    secret: e.DIRECT_LINE_SECRET,
    tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
    /** Public token requests per client address per minute. */
    tokensPerMinute: e.DIRECT_LINE_TOKENS_PER_MINUTE,
    /** Authenticated requests per conversation token per minute. */
    requestsPerMinute: e.DIRECT_LINE_REQUESTS_PER_MINUTE,
    /** Posted activities per conversation token per minute. */
    messagesPerMinute: e.DIRECT_LINE_MESSAGES_PER_MINUTE,
    uploadMaxBytes: e.DIRECT_LINE_UPLOAD_MAX_BYTES,
    /** How often an open WebSocket re-reads the database (replies written by another replica). */
    streamPollMs: e.DIRECT_LINE_STREAM_POLL_MS,
    /** Portal origins whose pages may call Direct Line from the browser (CORS). */
    corsOrigins: Object.freeze(e.DIRECT_LINE_CORS_ORIGINS ?? []) as readonly string[],
  });
}

/** Direct Line (the web chat's channel): secret, token lifetime, per-client limits, uploads, CORS. */
export type DirectLineConfig = ReturnType<typeof directLineConfigOf>;
