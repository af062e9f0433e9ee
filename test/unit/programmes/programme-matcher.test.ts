import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { titlePlaces } from '../../../src/programmes/answer/programme-answer.service';
import {
  matchQuestion,
  placesIn,
  type MatchableItem,
} from '../../../src/programmes/answer/programme-matcher';

const demo = parse(
  readFileSync(path.resolve(__dirname, '../../../src/programmes/data/demo-programmes.csv')),
  {
    columns: true,
  },
) as Array<Record<string, string>>;
const items: MatchableItem[] = demo.map((r) => ({
  code: r.code!,
  title: r.title!,
  group_title: r.group!,
  programme_title: r.programme!,
}));

describe('matchQuestion on the demo programme', () => {
  const cases: Array<[string, ReturnType<typeof matchQuestion>]> = [
    ['Tiến độ thực hiện khâu đột phá về hạ tầng đến đâu rồi?', { kind: 'items', codes: ['TH-DP-01'] }],
    ['tien do thuc hien khau dot pha ve ha tang den dau roi', { kind: 'items', codes: ['TH-DP-01'] }],
    ['Nhiệm vụ chuyển đổi số do cơ quan nào chủ trì?', { kind: 'items', codes: ['TH-DP-03'] }],
    ['Chỉ tiêu tăng thu nội địa năm nay đạt bao nhiêu?', { kind: 'items', codes: ['HG-CT-02'] }],
    ['Tăng trưởng kinh tế 7-7,5%/năm đạt chưa?', { kind: 'items', codes: ['HG-CT-01'] }],
    ['Dịch vụ công trực tuyến mức độ 4', { kind: 'items', codes: ['TN-CDS-01'] }],
    ['Những nhiệm vụ nào đang chậm tiến độ?', { kind: 'late' }],
    ['nhung chi tieu nao bi cham', { kind: 'late' }],
    ['Ai là Bí thư Tỉnh ủy Hậu Giang?', null],
    ['Nghị quyết Đại hội XX của tỉnh Thanh Hóa xác định mấy nhiệm vụ trọng tâm?', null],
    // "tôi đã" must not match "tối đa" of an item's title: accented questions are compared accented.
    ['Hồ sơ kiến nghị của gia đình tôi đã chuyển đến cơ quan nào rồi, bao giờ có kết quả?', null],
    ['Doanh nghiệp nộp hồ sơ đủ mà quá hạn chưa có kết quả', null],
    ['Đường làng tôi bị sụt lún nặng, đề nghị sửa chữa', null],
  ];
  it.each(cases)('when asked "%s", then %j', (question, expected) => {
    expect(matchQuestion(question, items)).toEqual(expected);
  });

  it('when the messages of the triage test sets are matched, then none is taken for a programme question', () => {
    const dir = path.resolve(__dirname, '../../fixtures/triage');
    const texts = ['blind.jsonl', 'blind2.jsonl', 'blind3.jsonl', 'holdout.jsonl']
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => matchQuestion(t, items) !== null)).toEqual([]);
  });
});

describe('places', () => {
  it('when a programme title names its province, then the place is read from it', () => {
    expect(
      titlePlaces('Chương trình số 123 của Ban Thường vụ Tỉnh ủy Hậu Giang thực hiện Nghị quyết 13'),
    ).toEqual(['hau giang']);
    expect(titlePlaces('Chương trình chuyển đổi số tỉnh Thái Nguyên đến năm 2025')).toEqual(['thai nguyen']);
    expect(placesIn('Tiến độ ở tỉnh Thanh Hóa ra sao?', ['thanh hoa', 'nghe an'])).toEqual(['thanh hoa']);
  });
});
