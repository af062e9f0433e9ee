import {
  bigrams,
  foldDiacritics,
  hasDiacritics,
  normalizeForMatch,
  normalizeText,
  placeToneMark,
  syllables,
} from '../../../src/text/normalize';

describe('placeToneMark', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà', 'Hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['hòa', 'hòa'],
    ['hoàn', 'hoàn'],
    ['thuận', 'thuận'],
    ['quý', 'quý'],
    ['giá', 'giá'],
    ['gì', 'gì'],
    ['người', 'người'],
    ['khoái', 'khoái'],
    ['mùa', 'mùa'],
    ['Thanh', 'Thanh'],
  ])('when given %s, then the canonical form is %s', (input, expected) => {
    expect(placeToneMark(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it('when the input is NFD, then it comes back NFC and equal to the precomposed form', () => {
    const nfd = 'Thanh Hóa'.normalize('NFD');
    expect(nfd).not.toBe('Thanh Hóa');
    expect(normalizeText(nfd)).toBe('Thanh Hóa');
  });

  it('when old and new tone placements are mixed, then both read the same', () => {
    expect(normalizeText('Khánh Hoà, thuỷ lợi')).toBe(normalizeText('Khánh Hòa, thủy lợi'));
    expect(normalizeText('Xã Hoà Lộc'.normalize('NFD'))).toBe('Xã Hòa Lộc');
  });

  it('when spacing is irregular, then white space collapses', () => {
    expect(normalizeText('  cầu\u00a0tràn   bị  sạt ')).toBe('cầu tràn bị sạt');
  });
});

describe('normalizeForMatch', () => {
  it('when chat abbreviations are used, then they are expanded', () => {
    expect(normalizeForMatch('Ko dc cấp sđt, j vậy')).toBe('không được cấp số điện thoại, gì vậy');
    expect(normalizeForMatch('đc k')).toBe('được không');
  });

  it('when abbreviations are parts of longer words, then they are left alone', () => {
    expect(normalizeForMatch('Kết luận 610-KL/TU')).toBe('kết luận 610-kl/tu');
  });
});

describe('foldDiacritics and hasDiacritics', () => {
  it('when folded, then every mark and đ go', () => {
    expect(foldDiacritics('Đường Thiệu Toán, phường Hạc Thành')).toBe('Duong Thieu Toan, phuong Hac Thanh');
    expect(foldDiacritics('Đ'.normalize('NFD'))).toBe('D');
  });

  it('when text has or lacks accents, then hasDiacritics tells', () => {
    expect(hasDiacritics('cau tran bi sat')).toBe(false);
    expect(hasDiacritics('cầu tràn')).toBe(true);
    expect(hasDiacritics('đi')).toBe(true);
  });
});

describe('syllables and bigrams', () => {
  it('when tokenised, then syllables are lower-case words and digits and bigrams join neighbours', () => {
    const tokens = syllables('Đăng ký thường trú tại Hòa Lạc (năm 2025)!');
    expect(tokens).toEqual(['đăng', 'ký', 'thường', 'trú', 'tại', 'hòa', 'lạc', 'năm', '2025']);
    expect(bigrams(tokens.slice(0, 4))).toEqual(['đăng_ký', 'ký_thường', 'thường_trú']);
    expect(bigrams(['một'])).toEqual([]);
  });
});
