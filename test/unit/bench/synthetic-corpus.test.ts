import { syntheticCorpus } from '../../../bench/synthetic-corpus';

const passages = [
  {
    id: 'luat-a:1',
    title: 'Luật A – Điều 1',
    text: 'Luật này quy định về phòng chống ma túy và quản lý người sử dụng',
  },
  {
    id: 'luat-a:2',
    title: 'Luật A – Điều 2',
    text: 'Người sử dụng trái phép chất ma túy phải được quản lý tại cộng đồng',
  },
  { id: 'nq-b:1', title: 'Nghị quyết B', text: 'Sắp xếp các đơn vị hành chính cấp xã của tỉnh thành xã mới' },
];

describe('the bench corpus', () => {
  const corpus = syntheticCorpus(passages);

  it('when asked for the first chunks, then they are the passages themselves', () => {
    expect([0, 1, 2].map((i) => corpus(i).text)).toEqual(passages.map((p) => p.text));
  });

  it('when asked for later chunks, then each is new text from its own document only, the same on every call', () => {
    const later = Array.from({ length: 30 }, (_, j) => corpus(3 + j));
    expect(new Set(later.map((c) => c.text)).size).toBeGreaterThan(20);
    expect(corpus(10)).toEqual(syntheticCorpus(passages)(10));
    const wordsOf = (ids: number[]) => new Set(ids.flatMap((i) => passages[i]!.text.split(' ')));
    for (const [j, c] of later.entries()) {
      const doc = (3 + j) % 3 === 2 ? wordsOf([2]) : wordsOf([0, 1]);
      expect(c.text.split(' ').every((w) => doc.has(w))).toBe(true);
      expect(c.title).toBe(passages[(3 + j) % 3]!.title);
    }
  });
});
