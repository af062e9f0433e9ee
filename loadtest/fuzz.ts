import { signWebhook } from './fake-zalo';
import {
  CONTENT_TYPES,
  mutateJson,
  nastyQuery,
  nastySegment,
  randomBytes,
  type ErrorFormat,
  type FuzzCase,
} from './fuzz-cases';
import { TARGETS } from './fuzz-targets';
import type { Harness } from './harness';
import type { Check } from './invariants';
import { openStoppedDatabase } from './invariants';
import type { Rng } from './rng';
import type { ScenarioResult } from './scenarios';

const DL = '/v3/directline';

/** What the cases need from the running harness: a live conversation to aim at and the webhook's secrets. */
interface FuzzContext {
  conversationId: string;
  secret: string;
  h: Harness;
}

function fillPath(rng: Rng, path: string, ctx: FuzzContext): string {
  return path
    .replace(':id', rng.next() < 0.8 ? ctx.conversationId : nastySegment(rng))
    .replace(':code', rng.next() < 0.3 ? 'TH-7K3Q9' : nastySegment(rng));
}

function formBody(rng: Rng, template: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(template)) {
    const roll = rng.int(4);
    if (roll === 0) continue;
    if (roll === 1) params.append(k, rng.pick(['', '\u0000', 'ư'.repeat(40_000), '<b>x</b>', '-1']));
    else params.append(k, String(v));
    if (rng.next() < 0.2) params.append(k, 'again');
  }
  return params.toString();
}

function webhookCase(
  rng: Rng,
  ctx: FuzzContext,
  headers: Record<string, string>,
): { body: string; how: string } {
  const event = {
    app_id: ctx.h.link.appId,
    event_name: rng.pick([
      'user_send_text',
      'user_send_image',
      'user_send_location',
      'follow',
      'user_seen_message',
      'x',
    ]),
    timestamp: String(Date.now()),
    sender: { id: `fuzz${rng.int(5)}` },
    recipient: { id: ctx.h.link.oaId },
    message: {
      msg_id: `fz${rng.int(1e9)}`,
      text: 'xin chào',
      attachments: [{ type: 'image', payload: { url: 'https://x.vn/a.jpg' } }],
    },
  };
  const { body, how } =
    rng.next() < 0.8 ? mutateJson(rng, event) : { body: JSON.stringify(event), how: 'odd event' };
  let ts = String(Date.now());
  try {
    ts = String((JSON.parse(body) as { timestamp?: unknown }).timestamp ?? '');
  } catch {
    // not JSON: signed with the current time
  }
  const good = signWebhook(body, ctx.h.link.appId, ts, ctx.h.link.signatureSecret);
  headers['x-zevent-signature'] = rng.pick([
    good,
    good,
    good,
    'mac=00',
    '',
    `mac=${'z'.repeat(64)}`,
    good.toUpperCase(),
  ]);
  return { body, how };
}

/** Builds case number i (deterministic for a seed). */
export function buildCase(rng: Rng, ctx: FuzzContext): FuzzCase {
  const target = rng.pick(TARGETS);
  const headers: Record<string, string> = {};
  if (target.auth) headers.authorization = `Bearer ${ctx.secret}`;
  let path = fillPath(rng, target.path, ctx);
  let body: Buffer | string | undefined;
  let strategy = rng.pick(['structure', 'structure', 'bytes', 'content-type', 'query', 'auth']);
  if (strategy === 'query') path += nastyQuery(rng);
  if (strategy === 'auth') {
    const bad = rng.pick([
      '',
      'Bearer',
      'Bearer x.y.z',
      `Basic ${ctx.secret}`,
      `Bearer ${'a'.repeat(3000)}`,
      'bearer  ',
    ]);
    if (bad) headers.authorization = bad;
    else delete headers.authorization;
  }
  const wrongType = strategy === 'content-type';
  if (target.method === 'POST') {
    if (strategy === 'bytes') {
      body = randomBytes(rng);
      headers['content-type'] = rng.pick(CONTENT_TYPES);
    } else if (target.body === 'webhook') {
      const w = webhookCase(rng, ctx, headers);
      body = w.body;
      strategy = `webhook ${w.how}`;
      headers['content-type'] = wrongType ? rng.pick(CONTENT_TYPES) : 'application/json';
    } else if (target.body === 'form') {
      body = formBody(rng, target.template ?? {});
      headers['content-type'] = wrongType ? rng.pick(CONTENT_TYPES) : 'application/x-www-form-urlencoded';
    } else if (target.body === 'multipart') {
      const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(rng)]);
      body = Buffer.concat([
        Buffer.from(
          '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
        ),
        png,
        Buffer.from(rng.next() < 0.5 ? '\r\n--xyz--\r\n' : ''),
      ]);
      headers['content-type'] = rng.pick([
        'multipart/form-data; boundary=xyz',
        'multipart/form-data',
        'image/png',
      ]);
    } else {
      const m = mutateJson(rng, target.template ?? {});
      body = m.body;
      strategy = `json ${m.how}`;
      headers['content-type'] = wrongType ? rng.pick(CONTENT_TYPES) : 'application/json';
    }
    if (headers['content-type'] === '') delete headers['content-type'];
  }
  return { target, strategy, method: target.method, path, headers, body };
}

function isEnvelope(v: unknown): boolean {
  const e = (v as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string';
}

function isOpen311Error(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string')
  );
}

/** Why a response breaks the contract (a 5xx, or an error in a shape the endpoint does not document), if it does. */
export function verdict(
  errors: ErrorFormat,
  path: string,
  status: number,
  type: string,
  text: string,
): string | undefined {
  if (status >= 500) return `${status} ${text.slice(0, 120)}`;
  if (status < 400) return undefined;
  if (type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return `${status} unparsable JSON`;
    }
    if (isEnvelope(parsed))
      return errors === 'open311' ? `${status} envelope instead of Open311 errors` : undefined;
    if (errors === 'open311' && isOpen311Error(parsed)) return undefined;
    return `${status} JSON that is not an error envelope: ${text.slice(0, 120)}`;
  }
  if (type.includes('html') && errors === 'html') return undefined;
  if (type.includes('xml') && errors === 'open311' && /\.xml/.test(path)) return undefined;
  return `${status} ${type || 'no content type'}: ${text.slice(0, 80)}`;
}

/** Sends one case; returns a violation, or undefined when the answer keeps the contract. */
async function send(url: string, c: FuzzCase): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}${c.path}`, {
      method: c.method,
      headers: c.headers,
      body: typeof c.body === 'string' || c.body === undefined ? c.body : new Uint8Array(c.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return verdict(c.target.errors, c.path, res.status, res.headers.get('content-type') ?? '', text);
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    // The server may close a connection on a body it refused before reading all of it: that is not a crash.
    return cause === 'UND_ERR_SOCKET' || cause === 'ECONNRESET' || cause === 'EPIPE'
      ? undefined
      : `no answer (${cause})`;
  }
}

async function checkZaloEvents(h: Harness): Promise<Check> {
  const db = await openStoppedDatabase(h);
  try {
    const r = await db.query<{ status: string; last_error: string | null }>(
      `SELECT status, last_error FROM zalo_inbound_events WHERE user_id LIKE 'fuzz%' AND (status <> 'done' OR last_error IS NOT NULL)`,
    );
    const all = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM zalo_inbound_events WHERE user_id LIKE 'fuzz%'`,
    );
    return {
      name: 'every fuzzed Zalo event that got in was processed without error',
      ok: r.rows.length === 0,
      detail: `${all.rows[0]?.n ?? 0} stored, ${r.rows.length} failed ${r.rows
        .slice(0, 2)
        .map((x) => x.last_error)
        .join('; ')}`,
    };
  } finally {
    await db.close();
  }
}

/** Scenario 4: `cases` random and structure-aware requests over every public endpoint. */
export async function fuzzScenario(h: Harness, cases: number, rng: Rng): Promise<ScenarioResult> {
  await h.server.ensureRunning();
  const opened = await fetch(`${h.server.url}${DL}/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.secret}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const ctx: FuzzContext = {
    conversationId: ((await opened.json()) as { conversationId: string }).conversationId,
    secret: h.secret,
    h,
  };
  const list = Array.from({ length: cases }, () => buildCase(rng, ctx));
  const violations: string[] = [];
  let dead = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < list.length) {
        const i = next++;
        const c = list[i]!;
        const v = await send(h.server.url, c);
        if (v) violations.push(`#${i} ${c.method} ${c.path.slice(0, 60)} [${c.strategy}]: ${v}`);
        if (i % 100 === 99 && !(await h.server.alive())) dead++;
      }
    }),
  );
  const ms = Date.now() - started;
  const alive = await h.server.alive();
  await new Promise((r) => setTimeout(r, 3_000));
  await h.server.stop();
  const events = await checkZaloEvents(h);
  const fiveXX = violations.filter(
    (v) => / 5\d\d /.test(v.split(']: ')[1] ?? '') || /\]: 5\d\d/.test(v),
  ).length;
  const checks: Check[] = [
    {
      name: 'no 5xx and only documented error shapes',
      ok: violations.length === 0,
      detail: `${cases} cases, ${fiveXX} 5xx, ${violations.length} violations ${violations.slice(0, 5).join(' | ')}`,
    },
    {
      name: 'server alive throughout (/healthz) and never crashed',
      ok: alive && dead === 0 && h.server.crashes === 0,
      detail: `${dead} failed liveness probes, ${h.server.crashes} crashes`,
    },
    events,
  ];
  return {
    name: 'fuzzing every public endpoint',
    ok: checks.every((c) => c.ok),
    checks,
    metrics: { cases, fiveXX, violations: violations.length, ms },
    violations,
  };
}
