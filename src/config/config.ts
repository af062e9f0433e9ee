import path from 'node:path';
import { z } from 'zod';
import { optional, withDefault } from './env-schema';
import { productionRequirements, zaloRequirements } from './requirements';
import { trustProxySchema } from './trust-proxy';
import { zaloConfigFrom, zaloEnvShape, type ZaloConfig } from './zalo.config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3978),
  HOST: withDefault(z.string().min(1), '0.0.0.0'),
  DATA_DIR: withDefault(z.string().min(1), './data'),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .pipe(z.url()),
  ),
  DATABASE_POOL_MAX: withDefault(z.coerce.number().int().min(1).max(200), 10),
  DATABASE_CONNECT_TIMEOUT_MS: withDefault(z.coerce.number().int().min(0).max(600_000), 10_000),
  DATABASE_STATEMENT_TIMEOUT_MS: withDefault(z.coerce.number().int().min(0).max(3_600_000), 30_000),
  PROVINCE_CODE: withDefault(z.string().regex(/^\d{2}$/, 'must be a two-digit province code, e.g. 38'), '38'),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS), 'info'),
  BODY_LIMIT_BYTES: withDefault(
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024),
    256 * 1024,
  ),
  SHUTDOWN_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 10_000),
  TRUST_PROXY: withDefault(trustProxySchema(), 'false'),
  PUBLIC_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((v) => v.replace(/\/+$/, '')),
  ),
  LINK_ALLOWED_HOSTS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'hosts are names such as thanhhoa.gov.vn')),
      ),
  ),
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  METRICS_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  KNOWLEDGE_DIR: withDefault(z.string().min(1), './knowledge'),
  KNOWLEDGE_MIN_CONFIDENCE: withDefault(z.coerce.number().min(0).max(1), 0.6),
  KNOWLEDGE_EMBEDDINGS_PROVIDER: withDefault(z.enum(['hashed', 'openai']), 'hashed'),
  KNOWLEDGE_EMBEDDINGS_MODEL: withDefault(z.string().min(1), 'text-embedding-3-small'),
  KNOWLEDGE_EMBEDDINGS_BASE_URL: optional(z.url()),
  KNOWLEDGE_EMBEDDINGS_API_KEY: optional(z.string()),
  KNOWLEDGE_EMBEDDINGS_DIMENSIONS: withDefault(z.coerce.number().int().min(8).max(512), 512),
  KNOWLEDGE_LLM_BASE_URL: optional(z.url()),
  KNOWLEDGE_LLM_MODEL: withDefault(z.string().min(1), 'gpt-4o-mini'),
  KNOWLEDGE_LLM_API_KEY: optional(z.string()),
  KNOWLEDGE_LLM_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 15_000),
  KNOWLEDGE_UPLOAD_MAX_BYTES: withDefault(
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(200 * 1024 * 1024),
    20 * 1024 * 1024,
  ),
  ASK_RATE_LIMIT_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(100_000), 30),
  DIRECT_LINE_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  DIRECT_LINE_TOKEN_TTL_SECONDS: withDefault(z.coerce.number().int().min(60).max(86_400), 1800),
  DIRECT_LINE_TOKENS_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(10_000), 20),
  DIRECT_LINE_REQUESTS_PER_MINUTE: withDefault(z.coerce.number().int().min(10).max(100_000), 300),
  DIRECT_LINE_MESSAGES_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(10_000), 30),
  DIRECT_LINE_UPLOAD_MAX_BYTES: withDefault(
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024),
    5 * 1024 * 1024,
  ),
  DIRECT_LINE_STREAM_POLL_MS: withDefault(z.coerce.number().int().min(100).max(60_000), 1500),
  DIRECT_LINE_CORS_ORIGINS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'origins are scheme://host[:port] without a path'))),
  ),
  TICKET_CODE_PREFIX: optional(z.string().regex(/^[A-Z]{2,3}$/, 'must be 2–3 capital letters, e.g. TH')),
  TICKET_ACK_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(30), 1),
  TICKET_QUESTION_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 5),
  TICKET_FEEDBACK_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 10),
  TICKET_COMPLAINT_DAYS: withDefault(z.coerce.number().int().min(1).max(180), 30),
  TICKET_LOOKUPS_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(1000), 10),
  OUTBOX_POLL_MS: withDefault(z.coerce.number().int().min(100).max(600_000), 2000),
  OUTBOX_MAX_ATTEMPTS: withDefault(z.coerce.number().int().min(1).max(50), 8),
  ESCALATION_INTERVAL_MS: withDefault(z.coerce.number().int().min(1000).max(86_400_000), 60_000),
  ...zaloEnvShape,
});

/** Knowledge-base settings: corpus folder, answer threshold, embedding and LLM endpoints. */
export type KnowledgeConfig = Readonly<{
  dir: string;
  minConfidence: number;
  embeddingsProvider: 'hashed' | 'openai';
  embeddingsModel: string;
  embeddingsBaseUrl: string | undefined;
  embeddingsApiKey: string | undefined;
  embeddingsDimensions: number;
  /** Set to use an LLM (OpenAI-compatible chat completions) for answers; unset means extractive answers. */
  llmBaseUrl: string | undefined;
  llmModel: string;
  llmApiKey: string | undefined;
  llmTimeoutMs: number;
  /** Largest document an administrator may upload in the portal. */
  uploadMaxBytes: number;
  askRateLimitPerMinute: number;
}>;

export type { ZaloConfig } from './zalo.config';

/** The application's typed, frozen configuration. */
export type Config = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  /** Wait for a server connection (new or pooled) before failing; 0 waits forever. */
  databaseConnectTimeoutMs: number;
  /** Server-side `statement_timeout` of pooled connections; 0 means none. */
  databaseStatementTimeoutMs: number;
  provinceCode: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  /** Express's `trust proxy`: false, a hop count, or the proxies' addresses/CIDRs (never "trust everything"). */
  trustProxy: false | number | readonly string[];
  /** Our public origin; required in production. Links, streamUrl and allow-lists use it, never the Host header. */
  publicBaseUrl: string | undefined;
  /** Hosts (and their subdomains) that links sent to citizens may point to, besides ours and documents' sources. */
  linkAllowedHosts: readonly string[];
  /** Who may read /metrics: a bearer token, and/or a separate port; neither in production means not served. */
  metrics: Readonly<{ token: string | undefined; port: number | undefined }>;
  knowledge: KnowledgeConfig;
  directLine: Readonly<{
    /** Server-to-server secret accepted as Bearer; also the token signing key when set. */
    secret: string | undefined;
    tokenTtlSeconds: number;
    /** Public token requests per client address per minute. */
    tokensPerMinute: number;
    /** Authenticated requests per conversation token per minute. */
    requestsPerMinute: number;
    /** Posted activities per conversation token per minute. */
    messagesPerMinute: number;
    uploadMaxBytes: number;
    /** How often an open WebSocket re-reads the database (replies written by another replica). */
    streamPollMs: number;
    /** Portal origins whose pages may call Direct Line from the browser (CORS). */
    corsOrigins: readonly string[];
  }>;
  tickets: Readonly<{
    codePrefix: string | undefined;
    ackWorkingDays: number;
    questionWorkingDays: number;
    feedbackWorkingDays: number;
    complaintDays: number;
    lookupsPerMinute: number;
    outboxPollMs: number;
    outboxMaxAttempts: number;
    escalationIntervalMs: number;
  }>;
  zalo: ZaloConfig | undefined;
  /** The code of Zalo's domain verification (served as a meta tag and a zalo_verifier file); works without the channel. */
  zaloSiteVerification: string | undefined;
}>;

/** Thrown when the environment holds invalid settings; lists every bad key at once. */
export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<{ key: string; message: string }>) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings from an environment map (pure: pass process.env in main, a literal in tests). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      key: String(issue.path[0] ?? '(root)'),
      message: issue.message,
    }));
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems = [...zaloRequirements(e), ...productionRequirements(e)];
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    provinceCode: e.PROVINCE_CODE,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: Array.isArray(e.TRUST_PROXY) ? Object.freeze([...e.TRUST_PROXY]) : e.TRUST_PROXY,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    linkAllowedHosts: Object.freeze(e.LINK_ALLOWED_HOSTS ?? []),
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT }),
    knowledge: Object.freeze({
      dir: path.resolve(e.KNOWLEDGE_DIR),
      minConfidence: e.KNOWLEDGE_MIN_CONFIDENCE,
      embeddingsProvider: e.KNOWLEDGE_EMBEDDINGS_PROVIDER,
      embeddingsModel: e.KNOWLEDGE_EMBEDDINGS_MODEL,
      embeddingsBaseUrl: e.KNOWLEDGE_EMBEDDINGS_BASE_URL,
      embeddingsApiKey: e.KNOWLEDGE_EMBEDDINGS_API_KEY,
      embeddingsDimensions: e.KNOWLEDGE_EMBEDDINGS_DIMENSIONS,
      llmBaseUrl: e.KNOWLEDGE_LLM_BASE_URL,
      llmModel: e.KNOWLEDGE_LLM_MODEL,
      llmApiKey: e.KNOWLEDGE_LLM_API_KEY,
      llmTimeoutMs: e.KNOWLEDGE_LLM_TIMEOUT_MS,
      uploadMaxBytes: e.KNOWLEDGE_UPLOAD_MAX_BYTES,
      askRateLimitPerMinute: e.ASK_RATE_LIMIT_PER_MINUTE,
    }),
    directLine: Object.freeze({
      secret: e.DIRECT_LINE_SECRET,
      tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      tokensPerMinute: e.DIRECT_LINE_TOKENS_PER_MINUTE,
      requestsPerMinute: e.DIRECT_LINE_REQUESTS_PER_MINUTE,
      messagesPerMinute: e.DIRECT_LINE_MESSAGES_PER_MINUTE,
      uploadMaxBytes: e.DIRECT_LINE_UPLOAD_MAX_BYTES,
      streamPollMs: e.DIRECT_LINE_STREAM_POLL_MS,
      corsOrigins: Object.freeze(e.DIRECT_LINE_CORS_ORIGINS ?? []),
    }),
    tickets: Object.freeze({
      codePrefix: e.TICKET_CODE_PREFIX,
      ackWorkingDays: e.TICKET_ACK_WORKING_DAYS,
      questionWorkingDays: e.TICKET_QUESTION_WORKING_DAYS,
      feedbackWorkingDays: e.TICKET_FEEDBACK_WORKING_DAYS,
      complaintDays: e.TICKET_COMPLAINT_DAYS,
      lookupsPerMinute: e.TICKET_LOOKUPS_PER_MINUTE,
      outboxPollMs: e.OUTBOX_POLL_MS,
      outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      escalationIntervalMs: e.ESCALATION_INTERVAL_MS,
    }),
    zalo: zaloConfigFrom(e),
    zaloSiteVerification: e.ZALO_SITE_VERIFICATION,
  });
}
