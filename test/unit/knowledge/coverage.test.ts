import { coverage } from '../../../src/knowledge/retrieve/confidence';
import { indexTerms } from '../../../src/knowledge/retrieve/terms';

// A corpus of 50 chunks described by its document frequencies, accented field ("a:").
function corpus(df: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(df).map(([t, n]) => [`a:${t}`, n]));
}
const terms = (text: string) => new Set(indexTerms(text).tf.keys());

describe('question coverage', () => {
  const df = corpus({
    chính: 36, sách: 12, hỗ: 4, trợ: 5, học: 25, phí: 4, nay: 10, chính_sách: 7, hỗ_trợ: 4,
    đặt: 6, mục: 20, tiêu: 20, mục_tiêu: 18, thanh: 30, hóa: 30, thanh_hóa: 30,
  });

  it('when the corpus never pairs two syllables of the question that stand alone, then the missing compound counts against the passage', () => {
    const passage = terms('Phát triển công nghiệp hỗ trợ. Có chính sách thu hút đầu tư hiện đại hóa ngành xây dựng.');
    const share = coverage('Chính sách hỗ trợ học phí năm nay thế nào?', passage, df, 50);
    expect(share).toBeLessThan(0.6);
  });

  it('when an unknown pair only spans two known words ("đặt mục" of "đặt mục tiêu"), then it is phrasing and does not count', () => {
    const passage = terms('Tỉnh Thanh Hóa đặt ra mục tiêu đến năm 2045 trở thành tỉnh giàu đẹp.');
    expect(coverage('Thanh Hóa đặt mục tiêu gì đến năm 2045?', passage, df, 50)).toBe(1);
  });

  it('when a question asks for a position ("giữ chức vụ gì?"), then "chức vụ" is the kind of answer, not a topic the passage must name', () => {
    const people = corpus({ nghiêm: 2, xuân: 3, thành: 20, giữ: 5, chức: 6, vụ: 8, chức_vụ: 3, giữ_chức: 1, xuân_thành: 2 });
    const passage = terms('Ông Nghiêm Xuân Thành, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, tiếp dân tại nhà công vụ.');
    expect(coverage('Nghiêm Xuân Thành giữ chức vụ gì?', passage, people, 50)).toBe(1);
    // A question that does not ask keeps them as its topic.
    expect(coverage('Quy định về giữ chức vụ của cán bộ', passage, people, 50)).toBeLessThan(0.5);
  });
});
