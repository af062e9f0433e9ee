import { loadAdminUnits } from '../../../src/reference/admin-units/admin-units';
import {
  CommuneNameIndex,
  nameKey,
  splitCommuneName,
  typeWordBefore,
} from '../../../src/reference/admin-units/commune-names';
import { expandWithAdminUnits } from '../../../src/knowledge/retrieve/admin-expansion';

const index = CommuneNameIndex.bundled();

// The names a text spells, as "unit code ← former name" (or the unit's own name), longest first at each start.
const spelled = (text: string) =>
  index
    .mentions(text, 5)
    .flatMap((m) => m.names.map((n) => `${n.unit.code} ← ${n.former?.oldName ?? n.unit.name}`));

describe('the bundled 2025 administrative units', () => {
  it('when loaded, then they hold 34 provinces, 3,321 communes and 10,047 former communes, every target known', () => {
    const { units, former } = loadAdminUnits();
    expect(units.filter((u) => u.level === 'province')).toHaveLength(34);
    expect(units.filter((u) => u.level === 'commune')).toHaveLength(3321);
    expect(former).toHaveLength(10_047);
    const codes = new Set(units.map((u) => u.code));
    expect(former.filter((f) => f.newCodes.length === 0 || !f.newCodes.every((c) => codes.has(c)))).toEqual(
      [],
    );
    expect(former.every((f) => f.oldProvinceName.length > 0)).toBe(true);
  });
});

describe('the commune-name index', () => {
  it.each([
    ['accented former name', 'Cầu tràn ở xã Thiệu Chính bị sạt', '15820 ← Xã Thiệu Chính'],
    ['former name without accents', 'cau tran o xa thieu chinh bi sat', '15820 ← Xã Thiệu Chính'],
    ['former name in NFD', 'Xã Thiệu Chính'.normalize('NFD'), '15820 ← Xã Thiệu Chính'],
    ['other tone-mark placement', 'xã Thiệu Hoá', '15772 ← Xã Thiệu Hóa'],
    ['unit in force', 'xa thieu toan', '15820 ← Xã Thiệu Toán'],
    ['name with punctuation', 'Phường Văn Miếu - Quốc Tử Giám', '00226 ← Phường Văn Miếu - Quốc Tử Giám'],
    ['target given by a draft code in the source', 'xa don dac', '06978 ← Xã Đồn Đạc'],
  ])('when the text has a %s, then the index finds it', (_case, text, expected) => {
    expect(spelled(text)).toContain(expected);
  });

  it('when the text names no commune, then there are no mentions', () => {
    expect(index.mentions('thời tiết ngày mai thế nào', 5)).toEqual([]);
  });

  it.each([
    ['Xã Thiệu Toán', { kind: 'xa', short: 'Thiệu Toán' }],
    ['Thị trấn Hậu Lộc', { kind: 'thi tran', short: 'Hậu Lộc' }],
    ['Đặc khu Phú Quốc', { kind: 'dac khu', short: 'Phú Quốc' }],
    ['Phường Đông Vệ', { kind: 'phuong', short: 'Đông Vệ' }],
    ['Tỉnh Thanh Hóa', null],
  ])('when splitting "%s", then kind and short name are %j', (name, expected) => {
    expect(splitCommuneName(name)).toEqual(expected);
  });

  it.each([
    [['o', 'xa'], 'xa'],
    [['thi', 'tran'], 'thi tran'],
    [['dac', 'khu'], 'dac khu'],
    [['tai', 'phuong'], 'phuong'],
    [['huyen'], null],
    [[], null],
  ])('when the words before are %j, then the type word is %s', (before, expected) => {
    expect(typeWordBefore(before)).toBe(expected);
  });

  it('when keys are made from NFC, NFD and unaccented spellings, then they are equal', () => {
    expect(
      new Set([nameKey('Thiệu Hóa'), nameKey('Thiệu Hóa'.normalize('NFD')), nameKey('thieu hoa')]),
    ).toEqual(new Set(['thieu hoa']));
  });
});

describe('query expansion over the shared index', () => {
  const terms = (question: string) => expandWithAdminUnits(index, question).map((t) => t.term);

  it.each([
    ['accented', 'Xã Thiệu Chính huyện Thiệu Hóa sáp nhập vào đâu?'],
    ['unaccented', 'xa thieu chinh huyen thieu hoa sap nhap vao dau'],
    ['NFD', 'Xã Thiệu Chính huyện Thiệu Hóa sáp nhập vào đâu?'.normalize('NFD')],
  ])(
    'when the question (%s) names a former commune, then the new commune joins the query',
    (_case, question) => {
      // Accented ("a:") and folded ("f:") terms of the new commune and its province.
      expect(terms(question)).toEqual(
        expect.arrayContaining(['a:thiệu_toán', 'f:thieu_toan', 'a:thanh_hóa']),
      );
    },
  );

  it('when a question names a commune without its type word, then nothing is added', () => {
    expect(expandWithAdminUnits(index, 'thieu chinh sap nhap vao dau')).toEqual([]);
  });
});
