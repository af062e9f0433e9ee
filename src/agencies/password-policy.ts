import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../http/errors';
import { foldDiacritics } from '../text/normalize';

/** Shortest password accepted for staff accounts. */
export const MIN_PASSWORD_LENGTH = 12;

// Shipped beside the code (copied to dist by infra/copy-assets.mjs).
const COMMON = new Set(
  readFileSync(path.join(__dirname, 'data', 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

/** Lower case, no diacritics, letters and digits only: "Sở Y tế" and "so-y-te" both become "soyte". */
const squash = (s: string): string => foldDiacritics(s.toLowerCase()).replace(/[^a-z0-9]/g, '');

/** Who the password belongs to: it may not contain their username or agency. */
export interface PasswordOwner {
  username: string;
  agencyName?: string | null;
  agencyId?: string | null;
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // "Password12345!", "matkhau@2026": a listed word with digits or symbols around it is no stronger.
  const stem = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem)) || /^(.)\1+$/.test(lower);
}

/**
 * Throws weak_password (too short), common_password (on the shipped list, or a listed word with digits or
 * symbols added, or one repeated character) or password_has_name (holds the username or the agency's name or
 * code, compared without case, accents or punctuation).
 */
export function checkPassword(password: string, owner: PasswordOwner): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('weak_password', 400);
  if (isCommon(password)) throw new AppError('common_password', 400);
  const squashed = squash(password);
  const names = [owner.username, owner.agencyName, owner.agencyId]
    .map((n) => squash(n ?? ''))
    .filter((n) => n.length >= 3);
  if (names.some((n) => squashed.includes(n))) throw new AppError('password_has_name', 400);
}
