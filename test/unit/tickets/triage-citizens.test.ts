import { MessageAnalyzer } from '../../../src/tickets/triage/message.analyzer';

const analyzer = MessageAnalyzer.fromDataFiles('38');

describe('triage on other people’s words', () => {
  it.each([
    ['cho minh hoi lam lai can cuoc bi mat o dau', 'question'],
    ['thu tuc dang ky ket hon voi nguoi nuoc ngoai mat bao lau', 'question'],
    ['xin giay phep xay dung nha o nong thon co can khong', 'question'],
    ['phan anh cua toi da duoc xu ly chua a, toi gui tu thang truoc', 'track'],
    ['Phản ánh hôm trước của tôi giờ đang ở cơ quan nào xử lý?', 'track'],
    ['toi da gui kien nghi roi, bao gio thi co tra loi vay', 'track'],
    ['toi muon to giac nhom cho vay nang lai o xa xuan hoa', 'denunciation'],
    ['Đường liên xã qua xã Văn Nho có nhiều ổ gà lớn', 'feedback'],
  ])('when a citizen writes "%s", then it is a %s', (text, kind) => {
    expect(analyzer.analyze(text).kind).toBe(kind);
  });

  it.each([
    [
      'doanh nghiep chung toi xin giao dat trong khu cong nghiep da 8 thang chua duoc giai quyet',
      true,
      'dat-dai',
    ],
    ['Doanh nghiệp chúng tôi chưa được đấu nối điện 3 pha cho xưởng sản xuất', true, 'dien-nuoc'],
    ['cong ty toi bi hoan thue gia tri gia tang qua lau', true, 'doanh-nghiep-dau-tu'],
    [
      'Doanh nghiệp xin điều chỉnh chủ trương đầu tư dự án quá hạn chưa có kết quả',
      true,
      'doanh-nghiep-dau-tu',
    ],
    ['Thủ tục thành lập doanh nghiệp tư nhân ở Thanh Hóa mất bao lâu?', false, undefined],
    ['Công ty đang xả thải ra sông gần nhà tôi', false, undefined],
  ])('when "%s" is read, then a business writes: %s, routed by topic %s', (text, business, category) => {
    const a = analyzer.analyze(text);
    expect(a.business).toBe(business);
    if (category) expect(a.category).toBe(category);
  });

  it.each([
    ['thon 4 xa thach lap duong vao ban bi sat lo', '15085'],
    ['xom 2 xa thang binh co nguoi do rac thai', '16342'],
    ['to dan pho so 5 phuong dong son cong thoat nuoc tac', '16378'],
    ['ban Pu Luong xa Pu Luong mat dien 3 ngay', '14956'],
  ])('when a village or hamlet is named with its commune ("%s"), then the commune is %s', (text, code) => {
    expect(analyzer.analyze(text).commune.match?.code).toBe(code);
  });

  it('when a typed commune matches none ("xa hoang quy"), then the closest communes in force are offered', () => {
    const names = analyzer.closest('xa hoang quy', 3).map((m) => `${m.name} / ${m.viaFormerName}`);
    expect(names).toEqual(
      expect.arrayContaining(['Xã Hoằng Giang / Xã Hoằng Quỳ', 'Xã Hoằng Phú / Xã Hoằng Quý']),
    );
    expect(analyzer.closest('ok', 3)).toEqual([]);
  });
});
