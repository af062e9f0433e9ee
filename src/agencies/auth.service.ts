import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Database } from '../db/database';
import { AppError } from '../http/errors';
import type { StaffPrincipal } from '../ports';
import { checkPassword } from './password-policy';
import { StaffRepository, type SessionRow, type StaffRole, type StaffUserRow } from './staff.repository';
import { systemClock, type Clock } from '../reference/clock';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): memory-hard, and affordable on a 2-core server.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const TOUCH_INTERVAL_MS = 60_000;

/** Shortest password accepted for staff accounts (the policy lives in password-policy.ts). */
export { MIN_PASSWORD_LENGTH } from './password-policy';

/** Sign-in and session policy. */
export interface AuthPolicy {
  maxFailedLogins: number;
  lockoutMs: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
}

/** Defaults: 5 failures lock the account for 15 minutes; sessions last 2 h idle, 12 h at most. */
export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  sessionIdleMs: 2 * 3600_000,
  sessionAbsoluteMs: 12 * 3600_000,
};

/** The signed-in user as the rest of the portal sees them (declared in src/ports.ts). */
export type { StaffPrincipal };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** SHA-256 of a session token: what the database keeps. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toPrincipal(s: SessionRow): StaffPrincipal {
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    agencyId: s.agency_id,
    csrfToken: s.csrf_token,
    sessionHash: s.token_hash,
    mustChangePassword: s.must_change_password,
  };
}

/** Staff accounts, sign-in with lockout, and server-side sessions. */
export class AuthService {
  private readonly repo: StaffRepository;
  private dummyHash: Promise<string> | undefined;

  constructor(
    db: Database,
    private readonly clock: Clock = systemClock,
    private readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
  ) {
    this.repo = new StaffRepository(db);
  }

  /**
   * Creates an account; the password must pass the policy (password-policy.ts). `temporary`: the password was
   * issued to the person (CLI, administrator), who must choose their own at the first sign-in.
   */
  async createUser(input: {
    username: string;
    displayName: string;
    password: string;
    role: StaffRole;
    agencyId?: string | null;
    temporary?: boolean;
  }) {
    if (!/^[a-z0-9._-]{3,64}$/i.test(input.username)) throw new AppError('invalid_username', 400);
    // Oversight (deputies, the Fatherland Front) works for no agency: an agency given with it is dropped.
    if (input.role === 'oversight') input = { ...input, agencyId: null };
    else if (input.role !== 'admin' && !input.agencyId) throw new AppError('agency_required', 400);
    if (input.agencyId && !(await this.repo.agencyExists(input.agencyId)))
      throw new AppError('unknown_agency', 400);
    const agencyName = input.agencyId ? await this.repo.agencyName(input.agencyId) : null;
    checkPassword(input.password, { ...input, agencyName });
    if (await this.repo.findByUsername(input.username)) throw new AppError('username_taken', 409);
    const passwordHash = await hashPassword(input.password);
    return this.repo.insertUser({
      ...input,
      passwordHash,
      agencyId: input.agencyId ?? null,
      mustChangePassword: input.temporary ?? false,
    });
  }

  /** Checks credentials; returns a new session token, or throws invalid_credentials (also while locked). */
  async signIn(
    username: string,
    password: string,
    meta: { ip: string; userAgent: string },
  ): Promise<{ token: string }> {
    const now = this.clock();
    const user = await this.repo.findByUsername(username);
    if (!user || !user.active) {
      // Spend the same work as a real check, so response time does not reveal which usernames exist.
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      throw new AppError('invalid_credentials', 401);
    }
    // A locked account answers exactly as an unknown user or a wrong password does (same code, same work), so the
    // lockout cannot be used to find out which usernames exist.
    const locked = Boolean(user.locked_until && user.locked_until > now);
    const matches = await argon2.verify(user.password_hash, password);
    if (locked) throw new AppError('invalid_credentials', 401);
    if (!matches) {
      await this.repo.recordFailure(
        user.id,
        this.policy.maxFailedLogins,
        new Date(now.getTime() + this.policy.lockoutMs),
      );
      throw new AppError('invalid_credentials', 401);
    }
    await this.repo.recordSuccess(user.id, now);
    return { token: await this.newSession(user.id, now, meta) };
  }

  /** Resolves a session token to its user, sliding the idle expiry; undefined when unknown or expired. */
  async resolve(token: string): Promise<StaffPrincipal | undefined> {
    const now = this.clock();
    const session = await this.repo.findSession(tokenHash(token), now);
    if (!session || !session.active) return undefined;
    const absolute = session.created_at.getTime() + this.policy.sessionAbsoluteMs;
    const next = Math.min(now.getTime() + this.policy.sessionIdleMs, absolute);
    if (next <= now.getTime()) return undefined;
    // Every portal request resolves the session: write the sliding expiry at most once a minute, not per request.
    if (next - session.expires_at.getTime() >= TOUCH_INTERVAL_MS) {
      await this.repo.touchSession(session.token_hash, now, new Date(next));
    }
    return toPrincipal(session);
  }

  /** Ends a session (sign-out). */
  async signOut(sessionHash: string): Promise<void> {
    await this.repo.deleteSession(sessionHash);
  }

  /**
   * Sets a new password and ends every session of that user (CLI and administrator resets). `temporary`: an
   * issued password, to be changed at the next sign-in.
   */
  async changePassword(
    username: string,
    password: string,
    options: { temporary?: boolean } = {},
  ): Promise<void> {
    const user = await this.repo.findByUsername(username);
    if (!user) throw new AppError('user_not_found', 404);
    await this.checkFor(user, password);
    await this.repo.setPassword(
      user.id,
      await hashPassword(password),
      this.clock(),
      options.temporary ?? false,
    );
  }

  /**
   * A signed-in user changes their own password: the current one must be right (a wrong one counts towards the
   * lockout, like a failed sign-in), the new one must pass the policy and differ. Every session of the user ends
   * and a new one is returned for the browser that made the change.
   */
  async changeOwnPassword(
    who: StaffPrincipal,
    current: string,
    next: string,
    meta: { ip: string; userAgent: string },
  ): Promise<{ token: string }> {
    const now = this.clock();
    const user = await this.repo.findByUsername(who.username);
    if (!user || user.id !== who.userId || !user.active) throw new AppError('unauthorized', 401);
    if (!(await argon2.verify(user.password_hash, current))) {
      const lockUntil = new Date(now.getTime() + this.policy.lockoutMs);
      await this.repo.recordFailure(user.id, this.policy.maxFailedLogins, lockUntil);
      throw new AppError('invalid_current_password', 400);
    }
    await this.checkFor(user, next);
    if (next === current) throw new AppError('password_unchanged', 400);
    await this.repo.setPassword(user.id, await hashPassword(next), now, false);
    return { token: await this.newSession(user.id, now, meta) };
  }

  private async checkFor(user: StaffUserRow, password: string): Promise<void> {
    const agencyName = user.agency_id ? await this.repo.agencyName(user.agency_id) : null;
    checkPassword(password, {
      username: user.username,
      agencyId: user.agency_id,
      agencyName,
    });
  }

  private async newSession(
    userId: string,
    now: Date,
    meta: { ip: string; userAgent: string },
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.insertSession({
      tokenHash: tokenHash(token),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: new Date(now.getTime() + this.policy.sessionIdleMs),
      at: now,
      ...meta,
    });
    return token;
  }
}
