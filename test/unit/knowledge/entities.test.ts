import { conflicts, toRoman } from '../../../src/knowledge/entities/agreement';
import { documentEntities } from '../../../src/knowledge/entities/document-entities';
import { extractEntities, romanToNumber } from '../../../src/knowledge/entities/entities';

describe('entity extraction', () => {
  it.each([
    ['XIX', 19],
    ['XX', 20],
    ['XIV', 14],
    ['IX', 9],
    ['xl', 40],
    ['IIII', null],
    ['VX', null],
    ['', null],
  ])('when the Roman numeral is "%s", then its value is %s', (roman, value) => {
    expect(romanToNumber(roman)).toBe(value);
  });

  it.each([19, 20, 14, 9, 4, 40])('when %i is written as a Roman numeral and read back, then it is the same number', (n) => {
    expect(romanToNumber(toRoman(n))).toBe(n);
  });

  it.each([
    ['Nghị quyết Đại hội XX tỉnh Thanh Hóa có mấy khâu đột phá?', { n: 20, level: 'province' }],
    ['Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020-2025', { n: 19, level: 'province' }],
    ['Đại hội Đảng bộ tỉnh lần thứ 19', { n: 19, level: 'province' }],
    ['Nghị quyết Đại hội XIII của Đảng', { n: 13, level: 'national' }],
    ['Nghị quyết của Ban Thường vụ Tỉnh ủy khóa XVIII', { n: 18, level: 'province' }],
    ['nghi quyet dai hoi xx thanh hoa co may khau dot pha', { n: 20, level: 'unknown' }],
  ])('when the text is "%s", then the congress is %j', (text, congress) => {
    expect(extractEntities(text).congresses).toEqual([congress]);
  });

  it('when a number follows "Đại hội" without "lần thứ", then it is not a congress ("đã xác định 5 quan điểm")', () => {
    expect(extractEntities('Đại hội đã xác định 5 quan điểm phát triển').congresses).toEqual([]);
  });

  it.each([
    ['nhiệm kỳ 2020-2025', '2020-2025'],
    ['nhiệm kỳ 2020 – 2025', '2020-2025'],
    ['nhiem ky 2025-2030', '2025-2030'],
  ])('when the text says "%s", then the term is %s', (text, term) => {
    expect(extractEntities(text).terms).toEqual([term]);
  });

  it.each([
    ['Thanh Hóa thu ngân sách năm 2020 được bao nhiêu?', ['Thanh Hóa']],
    ['thanh hoa dat muc tieu gi den nam 2030', ['Thanh Hóa']],
    ['Tỉnh Thanh Hoá (old tone placement)', ['Thanh Hóa']],
    ['So sánh Thái Nguyên và Hậu Giang', ['Thái Nguyên', 'Hậu Giang']],
    ['vì hòa bình và phát triển', []],
    ['tỉnh Hòa Bình', ['Hòa Bình']],
  ])('when the text is "%s", then the provinces are %j', (text, provinces) => {
    expect(extractEntities(text).provinces).toEqual(provinces);
  });

  it('when the text names communes, years and a document number, then each is found', () => {
    const e = extractEntities('Làm việc với 2 xã Xuân Du và Hợp Tiến; Nghị quyết số 58 ngày 05-8-2020; đến năm 2045');
    expect(e.communes).toEqual(['xuan du']);
    expect(e.years).toEqual([2045]);
    expect(e.docNumbers).toContain('nq:58');
  });

  it('when a document names its province in the title or the issuer, then that is its province', () => {
    expect(documentEntities('Thái Nguyên: Khi Nghị quyết lan tỏa', null, 'Hà Nội, Hà Nội').province).toBe('Thái Nguyên');
    expect(documentEntities('Cam kết hành động', 'Tỉnh ủy Thanh Hóa', '').province).toBe('Thanh Hóa');
    expect(documentEntities('Bài viết', null, 'Hậu Giang … Hậu Giang … Cần Thơ').province).toBe('Hậu Giang');
    expect(documentEntities('Bài viết', null, 'Hậu Giang, Cần Thơ').province).toBeNull();
  });
});

describe('agreement between a question and a passage', () => {
  const passage = (text: string, province: string | null, docText = text) => ({
    text,
    entities: extractEntities(text),
    docEntities: extractEntities(docText),
    province,
  });

  it('when the question names another province than the document, then the passage conflicts', () => {
    const found = conflicts(extractEntities('Thanh Hóa thu ngân sách năm 2020 được bao nhiêu?'), passage('thu ngân sách đạt 15.608 tỷ đồng', 'Thái Nguyên'));
    expect(found).toEqual([{ kind: 'province', asked: 'Thanh Hóa', found: 'Thái Nguyên' }]);
  });

  it('when the question names the congress XX and the passage the congress XIX, then it conflicts', () => {
    const q = extractEntities('Nghị quyết Đại hội XX tỉnh Thanh Hóa có mấy khâu đột phá?');
    const p = passage('thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020-2025', 'Thanh Hóa');
    expect(conflicts(q, p)).toEqual([{ kind: 'congress', asked: 'Đại hội XX', found: 'Đại hội XIX' }]);
  });

  it('when the chunk names no congress, then its document decides', () => {
    const q = extractEntities('Đại hội XIX tỉnh Thanh Hóa xác định mấy khâu đột phá?');
    const p = passage('xác định 3 khâu đột phá chiến lược', 'Thanh Hóa', 'Đại hội đại biểu Đảng bộ tỉnh lần thứ XX');
    expect(conflicts(q, p).map((c) => c.kind)).toEqual(['congress']);
  });

  it('when the question names the term 2025–2030 and the passage only 2020–2025, then it conflicts', () => {
    const q = extractEntities('Thái Nguyên xác định mấy khâu đột phá trong nhiệm kỳ 2025-2030?');
    const p = passage('trong nhiệm kỳ 2020-2025 là tăng cường xây dựng', 'Thái Nguyên');
    expect(conflicts(q, p)).toEqual([{ kind: 'term', asked: 'nhiệm kỳ 2025–2030', found: 'nhiệm kỳ 2020–2025' }]);
  });

  it('when the passage agrees or says nothing about an entity, then there is no conflict', () => {
    const q = extractEntities('thanh hoa co may nhiem vu trong tam');
    expect(conflicts(q, passage('8 nhiệm vụ trọng tâm', 'Thanh Hóa'))).toEqual([]);
    expect(conflicts(q, passage('8 nhiệm vụ trọng tâm', null))).toEqual([]);
    expect(conflicts(extractEntities('có mấy nhiệm vụ trọng tâm?'), passage('8 nhiệm vụ', 'Hậu Giang'))).toEqual([]);
  });
});
