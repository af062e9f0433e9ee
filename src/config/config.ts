import path from 'node:path';
import { z } from 'zod';
import { directLineConfigOf, directLineEnv, type DirectLineConfig } from './directline.config';
import { commaList, int, optional, withDefault } from './env-schema';
import { knowledgeConfigOf, knowledgeEnv, type KnowledgeConfig } from './knowledge.config';
import { productionRequirements } from './requirements';
import { ticketsConfigOf, ticketsEnv, type TicketsConfig } from './tickets.config';
import { trustProxySchema } from './trust-proxy';
import { zaloConfigOf, zaloEnv, zaloRequirements, type ZaloConfig } from './zalo.config';

export type { DirectLineConfig, KnowledgeConfig, TicketsConfig, ZaloConfig };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
  PORT: withDefault(int(0, 65535), 3978),
  HOST: withDefault(z.string().min(1), '0.0.0.0'),
  DATA_DIR: withDefault(z.string().min(1), './data'),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .pipe(z.url()),
  ),
  DATABASE_POOL_MAX: withDefault(int(1, 200), 10),
  DATABASE_CONNECT_TIMEOUT_MS: withDefault(int(0, 600_000), 10_000),
  DATABASE_STATEMENT_TIMEOUT_MS: withDefault(int(0, 3_600_000), 30_000),
  PROVINCE_CODE: withDefault(z.string().regex(/^\d{2}$/, 'must be a two-digit province code, e.g. 38'), '38'),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS), 'info'),
  BODY_LIMIT_BYTES: withDefault(int(1024, 50 * 1024 * 1024), 256 * 1024),
  SHUTDOWN_TIMEOUT_MS: withDefault(int(100, 120_000), 10_000),
  TRUST_PROXY: withDefault(trustProxySchema(), 'false'),
  PUBLIC_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((v) => v.replace(/\/+$/, '')),
  ),
  LINK_ALLOWED_HOSTS: optional(
    commaList(
      (h) => h.toLowerCase(),
      z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'hosts are names such as thanhhoa.gov.vn'),
    ),
  ),
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  METRICS_PORT: optional(int(1, 65535)),
  ...knowledgeEnv,
  ...directLineEnv,
  ...ticketsEnv,
  ...zaloEnv,
});

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
  directLine: DirectLineConfig;
  tickets: TicketsConfig;
  zalo: ZaloConfig | undefined;
  /** The code of Zalo's domain verification (served as a zalo_verifier file); works without the channel. */
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
    knowledge: knowledgeConfigOf(e),
    directLine: directLineConfigOf(e),
    tickets: ticketsConfigOf(e),
    zalo: zaloConfigOf(e),
    zaloSiteVerification: e.ZALO_SITE_VERIFICATION,
  });
}
