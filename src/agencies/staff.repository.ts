import type { Queryable } from '../db/database';
import type { StaffRole } from '../ports';

/** Roles of portal users (declared in src/ports.ts so every area can check them). */
export type { StaffRole };

/** A staff account as stored. */
export interface StaffUserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  agency_id: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
}

/** A live session joined with its user. */
export interface SessionRow {
  token_hash: string;
  csrf_token: string;
  expires_at: Date;
  created_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  agency_id: string | null;
  active: boolean;
  must_change_password: boolean;
}

/** SQL for staff accounts and sessions. */
export class StaffRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts a user; fails on a duplicate username (case-insensitive). */
  async insertUser(u: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: StaffRole;
    agencyId: string | null;
    mustChangePassword: boolean;
  }) {
    const r = await this.db.query<{ id: string }>(
      `INSERT INTO staff_users (username, display_name, password_hash, role, agency_id, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [u.username, u.displayName, u.passwordHash, u.role, u.agencyId, u.mustChangePassword],
    );
    return r.rows[0]!.id;
  }

  /** True when the agency exists (accounts reference it by foreign key). */
  async agencyExists(id: string): Promise<boolean> {
    const r = await this.db.query('SELECT 1 FROM agencies WHERE id = $1', [id]);
    return r.rows.length > 0;
  }

  /** The display name of an agency, to keep it out of its staff's passwords. */
  async agencyName(id: string): Promise<string | null> {
    const r = await this.db.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [id]);
    return r.rows[0]?.name ?? null;
  }

  /** Finds a user by username, case-insensitively. */
  async findByUsername(username: string): Promise<StaffUserRow | undefined> {
    const r = await this.db.query<StaffUserRow>(
      'SELECT * FROM staff_users WHERE lower(username) = lower($1)',
      [username],
    );
    return r.rows[0];
  }

  /** Counts a failed sign-in; locks the account until `lockUntil` when the count reaches `threshold`. */
  async recordFailure(id: string, threshold: number, lockUntil: Date): Promise<void> {
    await this.db.query(
      `UPDATE staff_users SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END
       WHERE id = $1`,
      [id, threshold, lockUntil],
    );
  }

  /** Clears failures after a successful sign-in. */
  async recordSuccess(id: string, at: Date): Promise<void> {
    await this.db.query(
      'UPDATE staff_users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1',
      [id, at],
    );
  }

  /** Replaces a user's password hash and ends all of their sessions; `mustChange` for an issued password. */
  async setPassword(id: string, passwordHash: string, at: Date, mustChange: boolean): Promise<void> {
    await this.db.query(
      `UPDATE staff_users SET password_hash = $2, password_changed_at = $3, must_change_password = $4
        WHERE id = $1`,
      [id, passwordHash, at, mustChange],
    );
    await this.db.query('DELETE FROM staff_sessions WHERE user_id = $1', [id]);
  }

  /** Stores a new session. */
  async insertSession(s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    at: Date;
    ip: string;
    userAgent: string;
  }) {
    await this.db.query(
      `INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      [s.tokenHash, s.userId, s.csrfToken, s.at, s.expiresAt, s.ip.slice(0, 64), s.userAgent.slice(0, 256)],
    );
  }

  /** The session with its user, if it has not expired. */
  async findSession(tokenHash: string, now: Date): Promise<SessionRow | undefined> {
    const r = await this.db.query<SessionRow>(
      `SELECT s.token_hash, s.csrf_token, s.expires_at, s.created_at, u.id AS user_id, u.username, u.display_name,
              u.role, u.agency_id, u.active, u.must_change_password
         FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    return r.rows[0];
  }

  /** Slides a session's idle expiry forward (never past its absolute limit, decided by the caller). */
  async touchSession(tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
    await this.db.query(
      'UPDATE staff_sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1',
      [tokenHash, at, expiresAt],
    );
  }

  /** Ends a session. */
  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
  }

  /** Removes expired sessions; returns how many. */
  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.db.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [now])).rowCount;
  }
}
