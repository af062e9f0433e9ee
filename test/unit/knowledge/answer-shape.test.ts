import { completeQuestion, personIn, type Subject } from '../../../src/knowledge/answer/follow-up';
import { answerType, holdsAnswer, isBoilerplate, leadClause, MAX_ANSWER_CHARS } from '../../../src/knowledge/answer/shape';
import { extractMetadata } from '../../../src/knowledge/ingest/metadata';

describe('answer shaping', () => {
  it.each([
    ['Thanh Hóa có mấy nhiệm vụ trọng tâm?', 'number'],
    ['ty le do thi hoa cua thai nguyen dat bao nhieu', 'number'],
    ['Nghị quyết số 58 được ban hành ngày nào?', 'day'],
    ['Quy hoạch được phê duyệt năm nào?', 'year'],
    ['Hội nghị diễn ra khi nào?', 'date'],
    ['Ai là Bí thư Tỉnh ủy Hậu Giang?', 'person'],
    ['Ông ấy làm việc với những xã nào?', 'place'],
    ['Nghị quyết 58 về nội dung gì?', null],
    ['Máy bay có được hỗ trợ không?', null],
  ])('when the question is "%s", then it asks for a %s', (question, type) => {
    expect(answerType(question)).toBe(type);
  });

  it('when a sentence has a number the question did not give, then it holds a number answer', () => {
    const q = 'Thái Nguyên thu ngân sách năm 2020 được bao nhiêu?';
    expect(holdsAnswer('năm 2020 đạt trên 15.608 tỷ đồng', 'number', q)).toBe(true);
    expect(holdsAnswer('thu ngân sách năm 2020 tăng', 'number', q)).toBe(false);
    expect(holdsAnswer('Sáng 19/3, đồng chí đi thăm', 'day', 'vào ngày nào?')).toBe(true);
    expect(holdsAnswer('năm 2025 và những tháng đầu năm 2026', 'day', 'vào ngày nào?')).toBe(false);
    expect(holdsAnswer('Ông Nguyễn Hồng Phong cho biết', 'person', 'Ai là Phó Bí thư?')).toBe(true);
  });

  it('when the question counts something ("bao nhiêu đảng viên"), then only a number of that thing answers it', () => {
    const q = 'Hậu Giang có bao nhiêu đảng viên?';
    expect(holdsAnswer('Đảng bộ tỉnh có 41.520 đảng viên sinh hoạt tại 800 chi bộ.', 'number', q)).toBe(true);
    expect(holdsAnswer('Ông Thành (thứ 2 từ phải qua) tiếp dân.', 'number', q)).toBe(false);
    expect(holdsAnswer('Đề án phát triển đảng viên giai đoạn 2023-2025.', 'number', q)).toBe(false);
    expect(holdsAnswer('Nghị quyết xác định ba khâu đột phá chiến lược.', 'number', 'Có mấy khâu đột phá?')).toBe(true);
    expect(holdsAnswer('tỷ lệ đô thị hóa đạt trên 32%', 'number', 'tỷ lệ bao nhiêu phần trăm?')).toBe(true);
    // A rank or an amount with no noun after the question word takes any new number.
    expect(holdsAnswer('Năm 2019 tỉnh xếp thứ 11 cả nước.', 'number', 'Năm 2019 xếp thứ mấy về PCI?')).toBe(true);
    expect(holdsAnswer('năm 2020 đạt trên 15.608 tỷ đồng', 'number', 'thu ngân sách được bao nhiêu?')).toBe(true);
  });

  it('when a sentence is longer than the limit, then the lead is the best-scoring run of clauses, marked where cut', () => {
    const clauses = Array.from({ length: 12 }, (_, i) => `mệnh đề thứ ${i} nói về việc khác nhau của tỉnh`);
    clauses[7] = 'tỷ lệ đô thị hóa đạt trên 32%';
    const sentence = `${clauses.join('; ')}.`;
    const lead = leadClause(sentence, (c) => (c.includes('32%') ? 5 : 0));
    expect(lead.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS + 2);
    expect(lead).toContain('tỷ lệ đô thị hóa đạt trên 32%');
    expect(lead.startsWith('…')).toBe(true);
  });

  it('when a line is a source, photo credit or bare link, then it is not a quote', () => {
    expect(isBoilerplate('Nguồn Thanh Hóa: http://baothanhhoa.vn/a.htm')).toBe(true);
    expect(isBoilerplate('Ông Phong phát biểu. Ảnh: Lê Dương')).toBe(true);
    expect(isBoilerplate('Nghị quyết xác định 8 nhiệm vụ trọng tâm.')).toBe(false);
  });

  it('when a link is followed by a closing quote or a full stop, then neither is part of the source URL', () => {
    expect(extractMetadata('Tin “xem http://baothanhhoa.vn/a-281735.htm” nhé', 'x').source).toBe('http://baothanhhoa.vn/a-281735.htm');
    expect(extractMetadata('Nguồn: https://example.vn/b.html.', 'x').source).toBe('https://example.vn/b.html');
  });
});

describe('follow-up completion', () => {
  const subject = (question: string, person: string | null = null, age = 1): Subject => ({ question, person, age });

  it('when "còn <province> thì sao?" follows, then the last question is asked of that province', () => {
    expect(completeQuestion('còn Thanh Hóa thì sao?', subject('Thái Nguyên thu ngân sách năm 2020 được bao nhiêu?'))).toBe(
      'Thanh Hóa thu ngân sách năm 2020 được bao nhiêu?',
    );
  });

  it('when "còn đến năm 2045 thì sao?" follows, then the year of the last question is replaced', () => {
    expect(completeQuestion('còn đến năm 2045 thì sao?', subject('Thanh Hóa đặt mục tiêu gì đến năm 2030?'))).toBe(
      'Thanh Hóa đặt mục tiêu gì đến năm 2045?',
    );
  });

  it('when "còn <topic> thì sao?" follows, then the new topic is asked with the last entities and question word', () => {
    expect(completeQuestion('còn tỷ lệ hộ nghèo thì sao?', subject('Thái Nguyên có bao nhiêu xã đạt chuẩn nông thôn mới?'))).toBe(
      'tỷ lệ hộ nghèo Thái Nguyên bao nhiêu',
    );
  });

  it('when "còn <topic> thì sao?" is typed without accents, then the words added from the last question are folded too', () => {
    const completed = completeQuestion('con ty le do thi hoa thi sao', subject('thai nguyen co bao nhieu xa dat chuan nong thon moi'));
    expect(completed).toBe('ty le do thi hoa Thai Nguyen bao nhieu');
  });

  it('when "ông ấy" follows an answer naming a person, then the person is put in', () => {
    expect(completeQuestion('ông ấy làm việc với những xã nào?', subject('Ai là Phó Bí thư?', 'Nguyễn Hồng Phong'))).toBe(
      'Nguyễn Hồng Phong làm việc với những xã nào?',
    );
  });

  it('when "được ban hành ngày nào?" follows, then it is completed with the last question', () => {
    expect(completeQuestion('được ban hành ngày nào?', subject('Nghị quyết 58 của Bộ Chính trị về nội dung gì?'))).toBe(
      'được ban hành ngày nào? Nghị quyết 58 của Bộ Chính trị về nội dung',
    );
  });

  it('when the message stands on its own, or the subject is too old or absent, then nothing is completed', () => {
    const s = subject('Thái Nguyên thu ngân sách năm 2020 được bao nhiêu?');
    expect(completeQuestion('Hậu Giang xác định mấy lĩnh vực đột phá chiến lược?', s)).toBeNull();
    expect(completeQuestion('còn Thanh Hóa thì sao?', { ...s, age: 4 })).toBeNull();
    expect(completeQuestion('còn Thanh Hóa thì sao?', null)).toBeNull();
  });

  it('when an accented question says "do" (by) or "nay" (now), then it is not taken for "đó"/"này"; typed without accents it still points back', () => {
    const late = subject('Những nhiệm vụ nào đang chậm tiến độ?');
    expect(completeQuestion('Nhiệm vụ chuyển đổi số do cơ quan nào chủ trì?', late)).toBeNull();
    expect(completeQuestion('Học phí năm nay của trường mầm non công lập là bao nhiêu?', late)).toBeNull();
    expect(completeQuestion('do la nhung linh vuc nao?', subject('Thanh Hóa xác định mấy khâu đột phá?'))).toBe(
      'do la nhung linh vuc nao? Thanh Hóa xác định khâu đột phá',
    );
  });

  it('when an answer names a person, then the full name is remembered without the title', () => {
    expect(personIn('Ông Nghiêm Xuân Thành (thứ 2 từ phải qua), Ủy viên Trung ương Đảng')).toBe('Nghiêm Xuân Thành');
    expect(personIn('Chia sẻ với VietNamNet, ông Nguyễn Hồng Phong - Phó Bí thư')).toBe('Nguyễn Hồng Phong');
    expect(personIn('không có tên người nào ở đây')).toBeNull();
  });
});
