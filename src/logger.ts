import pino, { type Logger } from 'pino';

export { redactPersonalData } from './text/redact';

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
