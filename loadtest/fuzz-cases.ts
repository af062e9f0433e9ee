import type { Rng } from './rng';

/** How an endpoint answers errors: the app's JSON envelope, Open311's list, or an HTML page (or the envelope). */
export type ErrorFormat = 'envelope' | 'open311' | 'html';

/** A public endpoint and a valid request to mutate. */
export interface Target {
  method: 'GET' | 'POST';
  /** Path template; `:id` and `:code` are filled (or mutated) per case. */
  path: string;
  body?: 'json' | 'form' | 'webhook' | 'multipart';
  template?: Record<string, unknown>;
  auth?: 'directline';
  errors: ErrorFormat;
}

/** One request to send. */
export interface FuzzCase {
  target: Target;
  strategy: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** Strings that break naive code: control and surrogate characters, odd Unicode, injections, numbers as text. */
export const NASTY: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '\u200b\u200d',
  'Ǆ̈̈̈̈̈̈̈',
  '🤖👨‍👩‍👧'.repeat(300),
  'cầu tràn xã Thiệu Chính'.normalize('NFD'),
  '０１２３４５',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00%ff',
  '${process.exit()}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  'null',
  'TH-AAAAA',
  '\r\n\r\n',
  'x'.repeat(5000),
];

/** A random JSON value of bounded depth (nasty strings, extreme numbers, odd keys). */
export function randomValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 5 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -0, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_VALUE]);
    case 3:
    case 4:
      return rng.pick(NASTY);
    case 5:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--)
        out[rng.pick(['a', '__proto__', 'constructor', 'text', 'type'])] = randomValue(rng, depth + 1);
      return out;
    }
  }
}

function deepNesting(rng: Rng): string {
  const depth = rng.pick([50, 1_000, 20_000, 200_000]);
  return rng.next() < 0.5
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A structure-aware mutation of a valid JSON body: drop, retype or add fields, wrap, or blow one up. */
export function mutateJson(rng: Rng, template: Record<string, unknown>): { body: string; how: string } {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const key = keys.length ? rng.pick(keys) : 'x';
  switch (rng.int(8)) {
    case 0:
      delete copy[key];
      return { body: JSON.stringify(copy), how: `missing ${key}` };
    case 1:
      copy[key] = randomValue(rng);
      return { body: JSON.stringify(copy), how: `retyped ${key}` };
    case 2:
      copy[key] = 'ư'.repeat(rng.pick([5_000, 60_000, 400_000]));
      return { body: JSON.stringify(copy), how: `huge ${key}` };
    case 3:
      return { body: JSON.stringify([copy]), how: 'wrapped in array' };
    case 4:
      return { body: deepNesting(rng), how: 'deep nesting' };
    case 5:
      copy[key] = { nested: copy[key], again: [copy[key]] };
      return { body: JSON.stringify(copy), how: `object for ${key}` };
    case 6:
      return { body: JSON.stringify(randomValue(rng)), how: 'random value' };
    default: {
      const raw = JSON.stringify(copy);
      return { body: raw.slice(0, rng.int(raw.length + 1)), how: 'truncated' };
    }
  }
}

/** Random bytes (sometimes valid UTF-8 text, sometimes not). */
export function randomBytes(rng: Rng): Buffer {
  const n = rng.pick([0, 1, 16, 300, 4_000]);
  return Buffer.from(Array.from({ length: n }, () => rng.int(256)));
}

/** Content types a careless or hostile client sends. */
export const CONTENT_TYPES: readonly string[] = [
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/xml',
  'image/png',
  '',
];

/** Every UTF-8 byte percent-encoded (encodeURIComponent throws on lone surrogates). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** A path segment that is awkward to decode or route. */
export function nastySegment(rng: Rng): string {
  return rng.pick([
    percentEncode(rng.pick(NASTY)).slice(0, 3000),
    '%',
    '%E0%A4%A',
    '%00',
    '..%2F..%2Fetc',
    'a'.repeat(rng.pick([64, 3_000])),
    '-1',
    '00000000-0000-0000-0000-000000000000',
  ]);
}

/** Query strings with arrays, empty and extreme values. */
export function nastyQuery(rng: Rng): string {
  return rng.pick([
    '?watermark[]=1&watermark[]=2',
    '?watermark=-1',
    '?watermark=1e999',
    '?watermark=abc',
    '?v[]=x',
    `?userId=${percentEncode(rng.pick(NASTY)).slice(0, 2000)}`,
    '?jurisdiction_id=xx&start_date=not-a-date&end_date[]=1',
    '?status=open&service_code[]=a',
    '?t=&watermark=',
    `?q=${'%'.repeat(50)}`,
  ]);
}
