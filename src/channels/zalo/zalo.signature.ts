import { createHash } from 'node:crypto';
import { safeEqual } from '../../http/security';

/** The terms of Zalo's webhook MAC: hex(sha256(app_id + raw body + timestamp + secret)). Plain SHA-256, not HMAC. */
export interface SignatureInput {
  appId: string;
  rawBody: Buffer;
  timestamp: string;
  secret: string;
}

/** Computes the `mac=` value Zalo sends in X-ZEvent-Signature for a body. */
export function computeZaloSignature(input: SignatureInput): string {
  const hash = createHash('sha256');
  hash.update(input.appId, 'utf8');
  hash.update(input.rawBody);
  hash.update(input.timestamp, 'utf8');
  hash.update(input.secret, 'utf8');
  return `mac=${hash.digest('hex')}`;
}

/** Compares the header with the expected MAC in constant time; accepts the value with or without `mac=`. */
export function verifyZaloSignature(header: string | undefined, input: SignatureInput): boolean {
  if (!header) return false;
  const given = header.trim().toLowerCase();
  const normalised = given.startsWith('mac=') ? given : `mac=${given}`;
  return safeEqual(normalised, computeZaloSignature(input));
}
