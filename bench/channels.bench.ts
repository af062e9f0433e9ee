import { computeZaloSignature } from '../src/channels/zalo/zalo.signature';
import { closedLoop, openLoop, type LoadFigures } from './load';
import { since, type LatencySummary } from './stats';

/** The Zalo OA identity the bench server is configured with. */
export interface ZaloIdentity {
  appId: string;
  oaId: string;
  /** The secret the MAC is computed with (ZALO_OA_SECRET_KEY by default). */
  secret: string;
}

/** Webhook acknowledgement under an open-loop rate. */
export interface ZaloFigures {
  ratePerSecond: number;
  sent: number;
  errors: number;
  seconds: number;
  ack: LatencySummary;
  /** Replies the fake OA API had received when the section ended (the bot works after the 200). */
  repliesDelivered: number;
}

/** A `user_send_text` event as documented (ids as numeric strings, epoch-millisecond timestamp). */
function textEvent(zalo: ZaloIdentity, n: number, text: string): string {
  return JSON.stringify({
    app_id: zalo.appId,
    user_id_by_app: String(5521772797175 + (n % 200)),
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: String(2468458835291 + (n % 200)) },
    recipient: { id: zalo.oaId },
    message: { msg_id: `bench${String(n).padStart(12, '0')}${Date.now()}`, text },
  });
}

/** Signed webhooks from 200 citizens at `rate` per second; records the time to the 200 of each. */
export async function benchZaloWebhook(
  url: string,
  zalo: ZaloIdentity,
  rate: number,
  durationMs: number,
  texts: readonly string[],
  delivered: () => number,
): Promise<ZaloFigures> {
  const result = await openLoop(rate, durationMs, async (n) => {
    const body = textEvent(zalo, n, texts[n % texts.length]!);
    const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
    const signature = computeZaloSignature({
      appId: zalo.appId,
      rawBody: Buffer.from(body),
      timestamp,
      secret: zalo.secret,
    });
    const started = performance.now();
    const res = await fetch(`${url}/channels/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook: HTTP ${res.status}`);
    return since(started);
  });
  return {
    ratePerSecond: rate,
    sent: result.sent,
    errors: result.errors,
    seconds: result.seconds,
    ack: result.latency,
    repliesDelivered: delivered(),
  };
}

/**
 * Tickets filed through Open311 `POST requests.json` (the public API a partner app uses; it runs the real
 * TicketService: triage-free category, routing, SLA deadlines, outbox), `concurrency` clients back to back.
 */
export async function benchTickets(
  url: string,
  apiKey: string,
  concurrency: number,
  durationMs: number,
  texts: readonly string[],
): Promise<LoadFigures & { path: string }> {
  const services = (await (await fetch(`${url}/open311/v2/services.json`)).json()) as Array<{
    service_code: string;
  }>;
  const code = services[0]?.service_code;
  if (!code) throw new Error('no Open311 service to file tickets under');
  let seq = 0;
  const figures = await closedLoop(concurrency, durationMs, async (w, n) => {
    const form = new URLSearchParams({
      api_key: apiKey,
      service_code: code,
      // Distinct texts: identical ones would be linked as duplicates, a different (cheaper) path.
      description: `${texts[(w * 13 + n) % texts.length]} (lần ${++seq})`,
      address_string: `Thôn ${w + 1}, xã Xuân Du`,
      idempotency_key: `bench-${w}-${n}-${Date.now()}`,
    });
    const started = performance.now();
    const res = await fetch(`${url}/open311/v2/requests.json`, { method: 'POST', body: form });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`open311: HTTP ${res.status}`);
    return since(started);
  });
  return { ...figures, path: 'open311 POST /open311/v2/requests.json → TicketService.create' };
}
