import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import { AppError, appError } from '../../http/errors';
import { cleanValue, InputTooDeepError } from '../../text/clean-input';
import { eventDedupeKey, eventUserId, zaloEventSchema, type ZaloEvent } from './zalo.events';
import type { ZaloRepository } from './zalo.repository';
import { verifyZaloSignature } from './zalo.signature';
import type { Timer } from '../../reference/clock';

/** Where Zalo posts OA events. */
export const ZALO_WEBHOOK_PATH = '/channels/zalo/webhook';

/** What the webhook route needs. */
export interface ZaloWebhookDeps {
  config: ZaloConfig;
  repo: ZaloRepository;
  clock: Timer;
  logger: Logger;
  /** Called after the 200 is sent, to process the stored event promptly. */
  onAccepted: () => void;
}

// Zalo may stamp an event slightly ahead of our clock.
const FUTURE_SKEW_MS = 5 * 60_000;

function rawBodyOf(req: Request): Buffer {
  if (req.rawBody) return req.rawBody;
  if (Buffer.isBuffer(req.body)) return req.body;
  throw appError('invalid_json', 400);
}

// Only an object can carry the app id and timestamp the signature covers; anything else cannot be verified.
function parseJson(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw appError('invalid_json', 400);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw appError('invalid_json', 400);
  return value as Record<string, unknown>;
}

/**
 * A signed event we keep but do not process: stale, too deep, too long or of an unknown shape. The reason is a
 * stable code; the event (cleaned) is kept when it can be, for whoever investigates.
 */
type Checked = { event: ZaloEvent } | { reason: string; payload: unknown };

function check(body: Record<string, unknown>, timestamp: string, config: ZaloConfig, now: number): Checked {
  let cleaned: unknown;
  try {
    // Lone surrogates and control characters (see text/clean-input) are cleaned so Postgres never refuses them.
    cleaned = cleanValue(body);
  } catch (err) {
    if (err instanceof InputTooDeepError) return { reason: 'input_too_deep', payload: null };
    throw err;
  }
  const at = Number(timestamp);
  if (!(at > now - config.webhookMaxAgeMs && at < now + FUTURE_SKEW_MS))
    return { reason: 'stale_event', payload: cleaned };
  const parsed = zaloEventSchema.safeParse(cleaned);
  if (parsed.success) return { event: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(root)';
  const tooLong = issue?.code === 'too_big';
  return { reason: `${tooLong ? 'too_long' : 'unknown_shape'}:${where}`.slice(0, 200), payload: null };
}

/**
 * `POST /channels/zalo/webhook`: verify the MAC over the raw body (401 only when it fails), then always 200: a
 * usable event is stored once and processed after, anything else is recorded as rejected with its reason.
 */
export function zaloWebhookRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  router.post(ZALO_WEBHOOK_PATH, async (req, res) => {
    const raw = rawBodyOf(req);
    const body = parseJson(raw);
    const { config } = deps;
    const timestamp = String(body.timestamp ?? '');
    const secret = config.signatureSecret === 'app_secret' ? config.appSecret : config.oaSecretKey;
    const signed = verifyZaloSignature(req.get('x-zevent-signature'), {
      appId: config.appId,
      rawBody: raw,
      timestamp,
      secret,
    });
    if (!signed || String(body.app_id ?? '') !== config.appId) throw new AppError('invalid_signature', 401);
    const now = deps.clock.now();
    const checked = check(body, timestamp, config, now.getTime());
    if ('reason' in checked) {
      const key = `rejected:${createHash('sha256').update(raw).digest('hex')}`;
      const name = typeof body.event_name === 'string' ? body.event_name.slice(0, 64) : 'unknown';
      await deps.repo.insertRejected(key, name, checked.payload, checked.reason, now);
      deps.logger.warn({ event: name, reason: checked.reason }, 'Zalo event rejected');
      res.status(200).json({ ok: true, rejected: checked.reason });
      return;
    }
    const { event } = checked;
    const fresh = await deps.repo.insertEvent(eventDedupeKey(event), event, eventUserId(event), now);
    res.status(200).json({ ok: true, duplicate: !fresh });
    if (fresh) deps.onAccepted();
  });
  return router;
}
