import { assertAgencyAccess, requireRole } from '../../../src/http/access';
import type { StaffPrincipal } from '../../../src/ports';

const user = (role: StaffPrincipal['role'], agencyId: string | null): StaffPrincipal => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId,
  csrfToken: 'c',
  sessionHash: 'h',
});

describe('portal access rules', () => {
  it.each([
    ['staff', 'so-xay-dung', 'so-xay-dung', true],
    ['staff', 'so-xay-dung', 'so-y-te', false],
    ['supervisor', 'so-y-te', 'so-xay-dung', false],
    ['supervisor', 'so-y-te', 'so-y-te', true],
    ['admin', null, 'so-y-te', true],
  ] as const)('when a %s of %s acts on %s tickets, then allowed=%s', (role, own, target, allowed) => {
    const act = () => assertAgencyAccess(user(role, own), target);
    if (allowed) expect(act).not.toThrow();
    else expect(act).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
  });

  it('when a role is required, then lower roles are refused and higher ones pass', () => {
    expect(() => requireRole(user('staff', 'a'), 'supervisor')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => requireRole(user('admin', null), 'supervisor')).not.toThrow();
    expect(() => requireRole(user('supervisor', 'a'), 'supervisor')).not.toThrow();
  });
});
