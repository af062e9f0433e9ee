import { resolveAgency } from '../../../src/agencies/agency-lookup';

const AGENCIES = [
  { id: 'so-y-te', name: 'Sở Y tế' },
  { id: 'so-xay-dung', name: 'Sở Xây dựng' },
  { id: 'ubnd-15820', name: 'UBND Phường Hạc Thành' },
  { id: 'ubnd-16000', name: 'UBND Xã Thiệu Toán' },
];

describe('naming an agency on the command line', () => {
  it.each([
    ['its id', 'so-y-te', 'so-y-te'],
    ['its exact name', 'Sở Xây dựng', 'so-xay-dung'],
    ['its name without accents', 'so xay dung', 'so-xay-dung'],
    ['part of its name, in other case', 'thieu toan', 'ubnd-16000'],
  ])('when the agency is typed as %s, then it is found', (_how, typed, id) => {
    expect(resolveAgency(typed, AGENCIES)).toEqual({
      kind: 'found',
      agency: expect.objectContaining({ id }),
    });
  });

  it('when the words fit several agencies, then all candidates are offered; when none, then none', () => {
    const some = resolveAgency('UBND', AGENCIES);
    expect(some.kind).toBe('ambiguous');
    expect(some.kind === 'ambiguous' && some.candidates.map((a) => a.id)).toEqual([
      'ubnd-15820',
      'ubnd-16000',
    ]);
    expect(resolveAgency('Sở Mặt Trăng', AGENCIES)).toEqual({ kind: 'none' });
    expect(resolveAgency('  ', AGENCIES)).toEqual({ kind: 'none' });
  });
});
