import { proximityTerms, windowCoverage } from '../../../src/knowledge/retrieve/proximity';
import { queryTerms } from '../../../src/knowledge/retrieve/terms';

const termsOf = (q: string) => queryTerms(q).map((t) => t.term);

describe('query terms leave interrogatives out', () => {
  it.each([
    ['Kinh tế Paris mạnh về gì?', ['a:gì', 'f:gi'], ['a:paris', 'a:về_gì', 'f:paris']],
    ['Thanh Hóa có bao nhiêu xã?', ['a:bao', 'a:nhiêu', 'a:bao_nhiêu'], ['a:có_bao', 'a:nhiêu_xã', 'a:xã']],
    ['Ai là Bí thư Tỉnh ủy?', ['a:ai'], ['a:ai_là', 'a:bí_thư']],
    // Typed without accents only the unambiguous forms go: "dau" may be "đầu".
    ['thanh hoa co bao nhieu xa dau tien', ['f:nhieu'], ['f:bao', 'f:dau', 'f:xa_dau']],
  ])('when the question is %j, then %j are not searched and %j are', (question, absent, present) => {
    const terms = termsOf(question);
    for (const t of absent) expect(terms).not.toContain(t);
    for (const t of present) expect(terms).toContain(t);
  });
});

describe('term proximity', () => {
  const df = new Map([
    ['a:tháp', 2],
    ['a:eiffel', 1],
    ['a:cao', 5],
    ['a:tháp_eiffel', 1],
    ['f:thap', 2],
  ]);
  const weighted = proximityTerms(queryTerms('Tháp Eiffel cao bao nhiêu?'), df, 10, false);

  it('when weighting the query, then only accented syllables the corpus holds count, rarer ones more', () => {
    expect([...weighted.keys()].sort()).toEqual(['cao', 'eiffel', 'tháp']);
    expect(weighted.get('eiffel')!).toBeGreaterThan(weighted.get('cao')!);
  });

  it('when the words stand together, then the window holds all of the question; spread out, only part', () => {
    const filler = Array.from({ length: 40 }, () => 'và').join(' ');
    expect(windowCoverage('Tháp Eiffel cao 330 mét.', weighted, false)).toBeCloseTo(1);
    const spread = windowCoverage(`Tháp Eiffel ở Paris. ${filler} Núi cao.`, weighted, false);
    expect(spread).toBeGreaterThan(0.5);
    expect(spread).toBeLessThan(1);
    expect(windowCoverage('Sông Seine.', weighted, false)).toBe(0);
  });

  it('when a syllable is in more chunks than the ratio allows, then it is left out of the window', () => {
    // "cao" is in 5 of 10 chunks: above 0.3 of them it says nothing about where the answer is.
    const common = proximityTerms(queryTerms('Tháp Eiffel cao bao nhiêu?'), df, 10, false, 0.3);
    expect([...common.keys()].sort()).toEqual(['eiffel', 'tháp']);
  });

  it('when the question is typed without accents, then the folded syllables are matched in folded text', () => {
    const folded = proximityTerms(queryTerms('thap eiffel'), df, 10, true);
    expect([...folded.keys()]).toEqual(['thap']);
    expect(windowCoverage('Tháp Eiffel', folded, true)).toBeCloseTo(1);
  });
});
