import pino, { type Logger } from 'pino';

// Vietnamese mobile numbers (0xx or +84xx, 10 digits, with optional separators), citizen ID numbers (12 digits),
// old ID cards (9 digits) and e-mail addresses.
const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
const ID_NUMBER = /\b\d{9}(?:\d{3})?\b/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Replaces phone numbers, ID numbers and e-mail addresses in free text with placeholders. */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]').replace(ID_NUMBER, '[id]');
}

/** Paths pino censors wherever they appear in a log object (message text and contact details included). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.pin',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.phone',
  '*.email',
  '*.name',
  '*.idNumber',
  '*.text',
  '*.question',
  '*.description',
  'contact',
  'text',
  'question',
  'description',
];

/** Creates the root logger; components take children with a `component` label. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tiepdan' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
