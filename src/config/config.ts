import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A boolean from the environment: only the usual spellings, so a typo fails instead of reading as false. */
const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Empty strings in the environment mean "not set" (docker-compose and k8s often pass KEY= for optional keys). */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.prefault(fallback as never));

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
  TRUST_PROXY: withDefault(envBoolean, 'false'),
  PUBLIC_BASE_URL: optional(z.url()),
  KNOWLEDGE_DIR: withDefault(z.string().min(1), './knowledge'),
  KNOWLEDGE_MIN_CONFIDENCE: withDefault(z.coerce.number().min(0).max(1), 0.45),
  KNOWLEDGE_EMBEDDINGS_PROVIDER: withDefault(z.enum(['hashed', 'openai']), 'hashed'),
  KNOWLEDGE_EMBEDDINGS_MODEL: withDefault(z.string().min(1), 'text-embedding-3-small'),
  KNOWLEDGE_EMBEDDINGS_BASE_URL: optional(z.url()),
  KNOWLEDGE_EMBEDDINGS_API_KEY: optional(z.string()),
  KNOWLEDGE_EMBEDDINGS_DIMENSIONS: withDefault(z.coerce.number().int().min(8).max(512), 512),
  KNOWLEDGE_LLM_BASE_URL: optional(z.url()),
  KNOWLEDGE_LLM_MODEL: withDefault(z.string().min(1), 'gpt-4o-mini'),
  KNOWLEDGE_LLM_API_KEY: optional(z.string()),
  KNOWLEDGE_LLM_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 15_000),
  ASK_RATE_LIMIT_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(100_000), 30),
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
  askRateLimitPerMinute: number;
}>;

/** The application's typed, frozen configuration. */
export type Config = Readonly<{
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  provinceCode: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  publicBaseUrl: string | undefined;
  knowledge: KnowledgeConfig;
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
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    provinceCode: e.PROVINCE_CODE,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    publicBaseUrl: e.PUBLIC_BASE_URL,
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
      askRateLimitPerMinute: e.ASK_RATE_LIMIT_PER_MINUTE,
    }),
  });
}
