import { z } from 'zod';
import { int, optional, settings, withDefault } from './env-schema';

const zalo = settings({
  appId: [
    'ZALO_APP_ID',
    optional(z.string().regex(/^\d{1,32}$/, 'must be the numeric App ID from the Zalo developer console')),
  ],
  appSecret: ['ZALO_APP_SECRET', optional(z.string().min(8))],
  oaSecretKey: ['ZALO_OA_SECRET_KEY', optional(z.string().min(8))],
  signatureSecret: [
    'ZALO_SIGNATURE_SECRET',
    withDefault(z.enum(['oa_secret_key', 'app_secret']), 'oa_secret_key'),
  ],
  apiBaseUrl: ['ZALO_API_BASE_URL', withDefault(z.url(), 'https://openapi.zalo.me')],
  oauthBaseUrl: ['ZALO_OAUTH_BASE_URL', withDefault(z.url(), 'https://oauth.zaloapp.com')],
  initialAccessToken: ['ZALO_ACCESS_TOKEN', optional(z.string().min(8))],
  initialRefreshToken: ['ZALO_REFRESH_TOKEN', optional(z.string().min(8))],
  webhookMaxAgeMs: ['ZALO_WEBHOOK_MAX_AGE_MS', withDefault(int(60_000, 7 * 24 * 3600_000), 24 * 3600_000)],
  httpTimeoutMs: ['ZALO_HTTP_TIMEOUT_MS', withDefault(int(100, 60_000), 8_000)],
  eventLeaseMs: ['ZALO_EVENT_LEASE_MS', withDefault(int(5_000, 600_000), 60_000)],
  inboundConcurrency: ['ZALO_INBOUND_CONCURRENCY', withDefault(int(1, 256), 8)],
  templatePath: [
    'ZALO_TEMPLATE_PATH',
    optional(z.string().regex(/^\/\S*$/, 'must be a path starting with /')),
  ],
  templateId: ['ZALO_TEMPLATE_ID', optional(z.string().min(1).max(64))],
  siteVerification: [
    'ZALO_SITE_VERIFICATION',
    optional(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{4,128}$/, 'must be the code from the Zalo console (letters, digits, _ or -)'),
    ),
  ],
  mediaMaxBytes: ['ZALO_MEDIA_MAX_BYTES', withDefault(int(1024, 50 * 1024 * 1024), 5 * 1024 * 1024)],
});

/** The Zalo Official Account channel's environment keys. */
export const zaloEnv = zalo.env;

/** The Zalo Official Account channel; absent when ZALO_APP_ID is unset (the channel is off). */
export type ZaloConfig = Readonly<{
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  /** Which secret fills the last term of the webhook signature (sources disagree; see docs/channels.md). */
  signatureSecret: 'oa_secret_key' | 'app_secret';
  apiBaseUrl: string;
  oauthBaseUrl: string;
  initialAccessToken: string | undefined;
  initialRefreshToken: string | undefined;
  webhookMaxAgeMs: number;
  httpTimeoutMs: number;
  /** How long a claimed webhook event belongs to its replica; a crashed replica's events wait this long. */
  eventLeaseMs?: number;
  /** How many users' events one replica processes at once (each user's events stay in order). */
  inboundConcurrency?: number;
  /** The proactive route for answers after the 7-day window (off unless both are set). */
  template?: Readonly<{ path: string; templateId: string }>;
  /** Largest photo downloaded from Zalo on receipt. */
  mediaMaxBytes?: number;
}>;

/** With ZALO_APP_ID set, the secrets the channel cannot work without must be set too. */
export function zaloRequirements(e: {
  ZALO_APP_ID?: string;
  ZALO_APP_SECRET?: string;
  ZALO_OA_SECRET_KEY?: string;
}): Array<{ key: string; message: string }> {
  if (!e.ZALO_APP_ID) return [];
  const required = { ZALO_APP_SECRET: e.ZALO_APP_SECRET, ZALO_OA_SECRET_KEY: e.ZALO_OA_SECRET_KEY };
  return Object.entries(required)
    .filter(([, v]) => !v)
    .map(([key]) => ({ key, message: 'required when ZALO_APP_ID is set' }));
}

/** The Zalo settings from the parsed environment (checked by zaloRequirements first); undefined when off. */
export function zaloConfigOf(e: Parameters<typeof zalo.read>[0]): ZaloConfig | undefined {
  // The site verification is served without the channel (Config.zaloSiteVerification).
  const { templatePath, templateId, siteVerification: _site, mediaMaxBytes, ...s } = zalo.read(e);
  if (!s.appId) return undefined;
  return Object.freeze({
    ...s,
    appId: s.appId,
    appSecret: s.appSecret as string,
    oaSecretKey: s.oaSecretKey as string,
    apiBaseUrl: s.apiBaseUrl.replace(/\/+$/, ''),
    oauthBaseUrl: s.oauthBaseUrl.replace(/\/+$/, ''),
    template: templatePath && templateId ? Object.freeze({ path: templatePath, templateId }) : undefined,
    mediaMaxBytes,
  });
}
