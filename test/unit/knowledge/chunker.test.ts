import { chunkText, splitSentences } from '../../../src/knowledge/ingest/chunker';
import { docNumberTokens } from '../../../src/knowledge/ingest/doc-numbers';
import { extractDate, extractMetadata } from '../../../src/knowledge/ingest/metadata';

describe('sentence splitting and chunking', () => {
  it('when text has sentences, numbers and dates, then it splits at sentence ends only', () => {
    const s = splitSentences('Thu hút 90 dự án, vốn 3.000 tỷ đồng. Hội nghị ngày 5/11/2021 đã thành công!\nĐoạn mới');
    expect(s).toEqual(['Thu hút 90 dự án, vốn 3.000 tỷ đồng.', 'Hội nghị ngày 5/11/2021 đã thành công!', 'Đoạn mới']);
  });

  it('when text is longer than a chunk, then chunks hold whole sentences and overlap by the last one', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Câu số ${i} nói về nghị quyết của tỉnh Thanh Hóa.`);
    const chunks = chunkText(sentences.join(' '), { maxChars: 200, overlapChars: 60 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(200);
    const lastOfFirst = splitSentences(chunks[0] as string).at(-1) as string;
    expect(chunks[1]?.startsWith(lastOfFirst)).toBe(true);
  });

  it('when the same text is chunked twice, then the chunks are identical (stable ids follow)', () => {
    const text = 'Một. Hai ba bốn. Năm sáu.'.repeat(40);
    expect(chunkText(text, { maxChars: 100, overlapChars: 30 })).toEqual(chunkText(text, { maxChars: 100, overlapChars: 30 }));
  });

  it('when one sentence exceeds the chunk size, then it is cut at word boundaries', () => {
    const chunks = chunkText('từ '.repeat(200), { maxChars: 100, overlapChars: 0 });
    expect(chunks.every((c) => c.length <= 100 && !c.startsWith(' '))).toBe(true);
  });
});

describe('document numbers and metadata', () => {
  it.each([
    ['Nghị quyết số 58 ngày 05-8-2020 của Bộ Chính trị', ['nq:58']],
    ['Kết luận số 610-KL/TU của Ban Thường vụ', ['kl:610', '610-kl/tu']],
    ['Nghị quyết số 02-NQ/TU', ['nq:2', '2-nq/tu']],
    ['Chương trình số 123 của UBND tỉnh', ['ctr:123']],
    ['nghi quyet 58 cua bo chinh tri', ['nq:58']],
    ['Nghị quyết 1654/NQ-UBTVQH15', ['nq:1654', '1654-nq/ubtvqh15']],
    ['Hội nghị ngày 5/11/2021', []],
  ])('when the text says %s, then the number tokens are %j', (text, tokens) => {
    expect(docNumberTokens(text).sort()).toEqual([...tokens].sort());
  });

  it('when a text gives its date in words or digits, then the first date is ISO', () => {
    expect(extractDate('Hà Nội, ngày 16 tháng 6 năm 2025')).toBe('2025-06-16');
    expect(extractDate('05:26 PM 15/01/2021')).toBe('2021-01-15');
    expect(extractDate(' date 2022-02 Kết luận')).toBe('2022-02');
  });

  it('when the text has a link and a number and the sidecar a title, then each field comes from its best source', () => {
    const meta = extractMetadata('Nghị quyết 58-NQ/TW\n\nNguồn: http://baothanhhoa.vn/a-1.htm', 'x', { title: 'Tên' });
    expect(meta).toEqual({
      title: 'Tên',
      date: null,
      source: 'http://baothanhhoa.vn/a-1.htm',
      issuer: null,
      number: '58-NQ/TW',
      province: null,
    });
  });
});
