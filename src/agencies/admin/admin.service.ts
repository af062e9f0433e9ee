import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';
import { appError } from '../../http/errors';
import { requireRole } from '../../http/access';
import type { AuthService, StaffPrincipal } from '../auth.service';
import type { StaffRole } from '../staff.repository';
import { AdminRepository } from './admin.repository';

/** A strong one-time password, shown once to the administrator who created or reset the account. */
function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** The administrator's tasks; each checks the admin role first (the pages are not the only way in). */
export class AdminService {
  readonly repo: AdminRepository;

  constructor(
    db: Database,
    private readonly auth: AuthService,
  ) {
    this.repo = new AdminRepository(db);
  }

  /** Creates an account and returns its one-time password. */
  async createUser(
    admin: StaffPrincipal,
    input: { username: string; displayName: string; role: StaffRole; agencyId: string | null },
  ) {
    requireRole(admin, 'admin');
    const password = oneTimePassword();
    await this.auth.createUser({ ...input, password, temporary: true });
    return password;
  }

  /** Resets an account's password (ending its sessions) and returns the new one-time password. */
  async resetPassword(admin: StaffPrincipal, userId: string): Promise<string> {
    requireRole(admin, 'admin');
    const username = await this.repo.username(userId);
    if (!username) throw appError('user_not_found', 404);
    const password = oneTimePassword();
    await this.auth.changePassword(username, password, { temporary: true });
    return password;
  }

  /** Activates or deactivates an account; administrators cannot deactivate themselves. */
  async setActive(admin: StaffPrincipal, userId: string, active: boolean): Promise<void> {
    requireRole(admin, 'admin');
    if (!active && userId === admin.userId) throw appError('forbidden', 403);
    if (!(await this.repo.setUserActive(userId, active))) throw appError('user_not_found', 404);
  }

  /** Renames an agency or switches it on/off. */
  async updateAgency(admin: StaffPrincipal, id: string, name: string, active: boolean): Promise<void> {
    requireRole(admin, 'admin');
    if (!(await this.repo.updateAgency(id, name, active))) throw appError('unknown_agency', 404);
  }

  /** Adds or renames a category (codes are stable: lower-case words joined by hyphens). */
  async upsertCategory(admin: StaffPrincipal, code: string, name: string): Promise<void> {
    requireRole(admin, 'admin');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length > 60) {
      throw appError('validation_failed', 400, [
        { path: 'code', message: 'lower-case ASCII words joined by -' },
      ]);
    }
    await this.repo.upsertCategory(code, name);
  }

  /** Changes a routing rule's target: a fixed agency, or (rules for a known commune only) that commune's UBND. */
  async setRuleTarget(admin: StaffPrincipal, ruleId: number, agencyId: string | null): Promise<void> {
    requireRole(admin, 'admin');
    const rule = (await this.repo.rules()).find((r) => r.id === ruleId);
    if (!rule) throw appError('not_found', 404);
    if (agencyId === null && rule.commune_known !== true) {
      throw appError('validation_failed', 400, [
        { path: 'agencyId', message: 'only rules for a known commune can target its UBND' },
      ]);
    }
    if (agencyId !== null && !(await this.repo.agencies()).some((a) => a.id === agencyId))
      throw appError('unknown_agency', 400);
    await this.repo.setRuleTarget(ruleId, agencyId);
  }

  /** Adds a canned answer. */
  async addCannedAnswer(
    admin: StaffPrincipal,
    category: string | null,
    title: string,
    body: string,
  ): Promise<void> {
    requireRole(admin, 'admin');
    await this.repo.addCannedAnswer(category, title, body);
  }

  /** Removes a canned answer. */
  async deleteCannedAnswer(admin: StaffPrincipal, id: number): Promise<void> {
    requireRole(admin, 'admin');
    await this.repo.deleteCannedAnswer(id);
  }
}
