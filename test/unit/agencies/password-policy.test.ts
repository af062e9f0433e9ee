import { checkPassword } from '../../../src/agencies/password-policy';

const owner = {
  username: 'canbo.xd',
  displayName: 'Trần Thị Bình',
  agencyId: 'so-xay-dung',
  agencyName: 'Sở Xây dựng',
};
const codeOf = (password: string): string | undefined => {
  try {
    checkPassword(password, owner);
    return undefined;
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('password policy', () => {
  it.each([
    ['ngắn-quá', 'weak_password'],
    ['123456789012', 'common_password'],
    ['Password12345!', 'common_password'],
    ['matkhau@2026!!', 'common_password'],
    ['QWERTYUIOP123', 'common_password'],
    ['aaaaaaaaaaaaaa', 'common_password'],
    ['canbo.xd-2026-ok', 'password_has_name'],
    ['CanboXD!2026abc', 'password_has_name'],
    ['Sở Xây Dựng 2026!', 'password_has_name'],
    ['soxaydung-tot-lam', 'password_has_name'],
  ])('when the password is %j, then it is refused with %s', (password, code) => {
    expect(codeOf(password)).toBe(code);
  });

  it.each(['cá-voi xanh bơi 2026', 'Ngựa-ô-phi-qua-đồi-7', 'tram-doc-lap-bien-xa'])(
    'when the password is %j (long, personal), then it is accepted',
    (password) => {
      expect(codeOf(password)).toBeUndefined();
    },
  );
});
