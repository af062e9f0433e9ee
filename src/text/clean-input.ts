/**
 * Input hygiene at the edge: what a client sends is made storable and displayable before anything keeps it.
 *
 * - Lone surrogates (invalid UTF-16, e.g. `"\ud800"` in JSON) become U+FFFD: Postgres refuses them in jsonb.
 * - C0/C1 control characters other than tab and line breaks are dropped: XML 1.0 cannot carry them, so one of them
 *   in a description broke `requests.xml` for every consumer.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: they make a file name or a
 *   phone number read differently to staff than it is stored.
 * - Non-characters U+FFFE/U+FFFF are dropped (not allowed in XML either).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
/** Bidirectional embedding, override and isolate controls (and the marks that flip neutral runs). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Deepest nesting accepted in a JSON body or a webhook event; real payloads stay under ten levels. */
export const MAX_INPUT_DEPTH = 32;

/** Thrown by `cleanValue` when a value is nested deeper than MAX_INPUT_DEPTH. */
export class InputTooDeepError extends Error {
  constructor() {
    super(`input nested deeper than ${MAX_INPUT_DEPTH} levels`);
    this.name = 'InputTooDeepError';
  }
}

/** One string made well-formed: lone surrogates replaced, control and bidi characters removed. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, '').replace(BIDI_CONTROLS, '');
}

/** A parsed JSON (or form) value with every string and key cleaned; throws InputTooDeepError when too deep. */
export function cleanValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_INPUT_DEPTH) throw new InputTooDeepError();
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    // defineProperty: a "__proto__" key from JSON stays a plain key instead of replacing the prototype.
    Object.defineProperty(out, cleanText(k), {
      value: cleanValue(v, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
