import { createHmac, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 5;

/** A random tracking code such as `TH-7K3Q9` (32^5 ≈ 33.5 million per prefix). */
export function randomTrackingCode(prefix: string): string {
  let body = '';
  for (let i = 0; i < CODE_LENGTH; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${body}`;
}

/** Canonical form of a code typed by a citizen: upper case, spaces dropped. */
export function canonicalTrackingCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

/** True when the text has the shape of a tracking code. */
export function isTrackingCode(code: string): boolean {
  return /^[A-Z]{2,3}-[2-9A-HJ-NP-Z]{5}$/.test(code);
}

/**
 * The 6-digit PIN of a ticket, derived with a server secret (HMAC) so that a retried creation returns the same PIN
 * without storing it; only a hash is stored.
 */
export function derivePin(secret: string, ticketId: string): string {
  const n = createHmac('sha256', secret).update(ticketId).digest().readUInt32BE(0) % 1_000_000;
  return String(n).padStart(6, '0');
}

// scrypt with modest cost: a PIN has only a million values, so the real protection is the per-code lockout.
const SCRYPT = { N: 4096, r: 8, p: 1 } as const;

/** Salted scrypt hash of a PIN, as `salt:hash` in hex. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32, SCRYPT).toString('hex')}`;
}

/** Checks a PIN against its stored hash in constant time. */
export function verifyPin(pin: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), 32, SCRYPT);
  const expected = Buffer.from(hashHex, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A new random secret for PIN derivation. */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}
