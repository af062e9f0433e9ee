import { redactPersonalData } from '../../../src/text/redact';

// Real-looking Vietnamese contact details as citizens write them: [input, the secret that must disappear].
const MASKED: Array<[string, string]> = [
  ['Gọi tôi số 0912 345 678 nhé', '345 678'],
  ['SĐT: 0912.345.678', '345.678'],
  ['sdt 0912-345-678', '345-678'],
  ['Liên hệ 091 234 5678', '234 5678'],
  ['đt 0381 2345 6789', '2345 6789'],
  ['(+84) 912 345 678 gọi giờ hành chính', '912 345 678'],
  ['+84 912345678', '912345678'],
  ['+84-912-345-678', '912-345-678'],
  ['84912345678', '84912345678'],
  ['(84) 912 345 678', '912 345 678'],
  ['máy bàn 0237 3852 123', '3852 123'],
  ['số cố định 0237.3852.123', '3852.123'],
  ['zalo 0987654321', '0987654321'],
  ['0987 654 321 (chị Lan)', '654 321'],
  ['ĐT：０９１２３４５６７８', '３４５６７８'],
  ['ĐT ０９１２ ３４５ ６７８', '６７８'],
  ['gọi 09\u200b12\u200b345\u200b678', '678'],
  ['gọi 0912\u2060345\u2060678', '345'],
  ['số 𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', '𝟑𝟒𝟓'],
  ['số 0912\u00ad345\u00ad678', '345'],
  ['CCCD 038123456789 của tôi', '038123456789'],
  ['CCCD: 038 123 456 789', '456 789'],
  ['căn cước 038.123.456.789', '456.789'],
  ['CMND 172345678', '172345678'],
  ['CMND số 172 345 678', '345 678'],
  ['CMND 172.345.678 cấp tại Thanh Hóa', '172.345.678'],
  ['mã định danh 038-123-456-789', '456-789'],
  ['email nguyen.van.a@gmail.com', 'nguyen.van.a'],
  ['an.nguyen [at] gmail.com', 'an.nguyen'],
  ['an.nguyen(at)gmail.com', 'an.nguyen'],
  ['an.nguyen [at] gmail [dot] com', 'an.nguyen'],
  ['an.nguyen at gmail dot com', 'an.nguyen'],
  ['an.nguyen @ gmail . com', 'an.nguyen'],
  ['an.nguyen[@]gmail.com', 'an.nguyen'],
  ['an.nguyen a còng gmail chấm com', 'an.nguyen'],
  ['thư điện tử: hoa.tran@thanhhoa.gov.vn', 'hoa.tran'],
  ['ＡＮ＠ＧＭＡＩＬ．ＣＯＭ', 'ＡＮ'],
  ['STK 1903 5678 9012 34 Techcombank', '9012 34'],
  ['số tài khoản: 0071000123456 Vietcombank', '0071000123456'],
  ['TK 12345678 Agribank chi nhánh Hạc Thành', '12345678'],
  ['chuyển vào tài khoản 102-876-543-210 VietinBank', '543-210'],
  ['tk: 19036789012 (Nguyễn Văn An)', '19036789012'],
  ['gọi \u202e876 543 2190\u202c', '543'],
];

// Ordinary text the public must still read as written.
const KEPT: string[] = [
  'Nghị quyết 58-NQ/TW năm 2020, tăng 12,5%',
  'Kinh phí 1.500.000.000 đồng cho dự án',
  'Tổng vốn 12.000.000.000 VNĐ',
  'Hạn trả lời: 05/03/2026',
  'Mã tra cứu TH-7K3Q9',
  'Quyết định 1234/QĐ-UBND ngày 01.07.2025',
  'Đường rộng 7 m, dài 250 m, số nhà 12',
];

describe('redactPersonalData', () => {
  it.each(MASKED)('when text holds personal data (%s), then it is masked', (input, secret) => {
    const out = redactPersonalData(input);
    expect(out).toMatch(/\[(phone|id|email|account)\]/);
    expect(out.normalize('NFKC')).not.toContain(secret.normalize('NFKC'));
  });

  it.each(KEPT)('when text holds only ordinary numbers (%s), then it is unchanged', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it('when a sentence mixes both, then only the personal data is masked, with a label per kind', () => {
    expect(
      redactPersonalData('Anh An (0912 345 678, an.nguyen [at] gmail.com, CCCD 038123456789) báo ổ gà'),
    ).toBe('Anh An ([phone], [email], CCCD [id]) báo ổ gà');
  });
});
