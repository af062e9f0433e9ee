import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import { AppError, appError } from '../../http/errors';
import { cleanValue, InputTooDeepError } from '../../text/clean-input';
import { eventDedupeKey, eventUserId, zaloEventSchema } from './zalo.events';
import type { ZaloRepository } from './zalo.repository';
import { verifyZaloSignature } from './zalo.signature';
import type { Timer } from '../../reference/clock';

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

// Parsed and cleaned (lone surrogates, control characters; see text/clean-input) after the MAC is computed over
// the raw bytes, so a signed event with odd text is still accepted and stored, never refused by Postgres later.
function parseJson(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw appError('invalid_json', 400);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw appError('invalid_json', 400);
  try {
    return cleanValue(value) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof InputTooDeepError) throw appError('input_too_deep', 400);
    throw err;
  }
}

/** `POST /channels/zalo/webhook`: verify the MAC over the raw body, check age, store once, answer 200, process after. */
export function zaloWebhookRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  router.post('/channels/zalo/webhook', async (req, res) => {
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
    const now = deps.clock.now().getTime();
    const at = Number(timestamp);
    if (!(at > now - config.webhookMaxAgeMs && at < now + FUTURE_SKEW_MS))
      throw new AppError('stale_event', 401);
    const event = zaloEventSchema.parse(body);
    const fresh = await deps.repo.insertEvent(
      eventDedupeKey(event),
      event,
      eventUserId(event),
      deps.clock.now(),
    );
    res.status(200).json({ ok: true, duplicate: !fresh });
    if (fresh) deps.onAccepted();
  });
  return router;
}
