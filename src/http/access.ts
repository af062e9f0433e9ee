import type { StaffPrincipal, StaffRole } from '../ports';
import { appError } from './errors';

// Oversight reads programmes and figures but acts on no ticket: below every ticket-handling role.
const RANK: Record<StaffRole, number> = { oversight: 0, staff: 1, supervisor: 2, admin: 3 };

/** Throws 403 unless the user has at least the given role. */
export function requireRole(user: StaffPrincipal, role: StaffRole): void {
  if (RANK[user.role] < RANK[role]) throw appError('forbidden', 403);
}

/** Throws 403 unless the user may act on the agency's tickets: administrators on all, others on their own. */
export function assertAgencyAccess(user: StaffPrincipal, agencyId: string): void {
  if (user.role === 'admin') return;
  if (user.agencyId !== agencyId) throw appError('forbidden', 403);
}
