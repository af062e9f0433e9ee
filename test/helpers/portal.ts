import type { AuthService } from '../../src/agencies/auth.service';
import type { StaffRole } from '../../src/agencies/staff.repository';

/** Creates portal accounts (one password for all) and signs each in; returns the Cookie header per username. */
export async function signedInStaff(
  auth: AuthService,
  password: string,
  users: ReadonlyArray<readonly [username: string, role: StaffRole, agencyId: string | null]>,
): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const [username, role, agencyId] of users) {
    await auth.createUser({ username, displayName: username, password, role, agencyId });
    const { token } = await auth.signIn(username, password, { ip: '', userAgent: '' });
    cookies[username] = `tiepdan_portal=${token}`;
  }
  return cookies;
}
