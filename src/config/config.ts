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
  TICKET_CODE_PREFIX: optional(z.string().regex(/^[A-Z]{2,3}$/, 'must be 2–3 capital letters, e.g. TH')),
  TICKET_ACK_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(30), 1),
  TICKET_QUESTION_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 5),
  TICKET_FEEDBACK_WORKING_DAYS: withDefault(z.coerce.number().int().min(1).max(90), 10),
  TICKET_COMPLAINT_DAYS: withDefault(z.coerce.number().int().min(1).max(180), 30),
  TICKET_LOOKUPS_PER_MINUTE: withDefault(z.coerce.number().int().min(1).max(1000), 10),
  OUTBOX_POLL_MS: withDefault(z.coerce.number().int().min(100).max(600_000), 2000),
  OUTBOX_MAX_ATTEMPTS: withDefault(z.coerce.number().int().min(1).max(50), 8),
  ESCALATION_INTERVAL_MS: withDefault(z.coerce.number().int().min(1000).max(86_400_000), 60_000),
});

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
  });
}
