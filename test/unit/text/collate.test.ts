import { sortByVietnameseName } from '../../../src/text/collate';

describe('Vietnamese name order', () => {
  it('when names start with đ, ă or â, then they sort as letters of the Vietnamese alphabet, not after z', () => {
    const rows = [
      'UBND phường Hạc Thành',
      'UBND xã Yên Định',
      'UBND phường Đông Sơn',
      'UBND xã Ân Tiến',
      'UBND xã An Nông',
      'UBND phường Dân Chủ',
    ].map((name) => ({ name }));
    expect(sortByVietnameseName(rows).map((r) => r.name)).toEqual([
      'UBND phường Dân Chủ',
      'UBND phường Đông Sơn',
      'UBND phường Hạc Thành',
      'UBND xã An Nông',
      'UBND xã Ân Tiến',
      'UBND xã Yên Định',
    ]);
  });

  it('when a group key is given, then groups come first and names are ordered within each', () => {
    const rows = [
      { name: 'Sở Y tế', kind: 'department' },
      { name: 'UBND phường Đông Sơn', kind: 'commune' },
      { name: 'Sở Công Thương', kind: 'department' },
      { name: 'UBND phường Ba Đình', kind: 'commune' },
    ];
    expect(sortByVietnameseName(rows, (r) => r.kind).map((r) => r.name)).toEqual([
      'UBND phường Ba Đình',
      'UBND phường Đông Sơn',
      'Sở Công Thương',
      'Sở Y tế',
    ]);
  });
});
