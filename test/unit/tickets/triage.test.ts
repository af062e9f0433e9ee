import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateTriage } from '../../../src/tickets/triage/triage-eval.cli';
import { MessageAnalyzer } from '../../../src/tickets/triage/message.analyzer';

const analyzer = MessageAnalyzer.fromDataFiles('38');
const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Parameters<typeof evaluateTriage>[1][number]);

describe('commune detection', () => {
  it.each([
    ['Cầu tràn ở xã Thiệu Chính bị sạt, xe không qua được', '15820'],
    ['cau tran o xa thieu chinh bi sat, xe khong qua duoc', '15820'],
    ['Cầu tràn ở Thiệu Chính bị sạt', '15820'],
    ['mat nuoc sinh hoat o nhu thanh', '16228'],
    ['Đường ở xã Thiệu Hóa hỏng', '15772'],
    ['Phường Trường Thi ngập nước', '14797'],
  ])('when the message is "%s", then the commune is %s', (text, code) => {
    expect(analyzer.analyze(text).commune.match?.code).toBe(code);
  });

  it('when an old name maps to a merged commune, then the answer says which former name matched', () => {
    const m = analyzer.analyze('Cầu tràn ở xã Thiệu Chính bị sạt').commune.match;
    expect(m).toMatchObject({ code: '15820', name: 'Xã Thiệu Toán', viaFormerName: 'Xã Thiệu Chính' });
  });

  it('when a name exists twice in the province (two former Phường Bắc Sơn), then no commune is guessed and both are candidates', () => {
    const d = analyzer.analyze('nước sinh hoạt ở phường Bắc Sơn có mùi lạ').commune;
    expect(d.match).toBeNull();
    expect(d.candidates.length).toBeGreaterThan(1);
  });

  it('when the name is the province or a district, then it is not taken for a commune', () => {
    expect(analyzer.analyze('Ai chịu trách nhiệm ở Thanh Hóa?').commune.match).toBeNull();
    expect(analyzer.analyze('Dân huyện Như Thanh phản ánh').commune.match).toBeNull();
  });

  it('when the accents differ from the commune name, then it does not match', () => {
    expect(analyzer.analyze('ở xã Thiều Hoa có chuyện').commune.match).toBeNull();
  });
});

describe('kind and category', () => {
  it.each([
    ['Tôi tố cáo cán bộ xã nhận hối lộ', 'denunciation'],
    ['Tôi khiếu nại quyết định thu hồi đất', 'complaint'],
    ['Cho tôi hỏi thủ tục cấp sổ đỏ cần giấy tờ gì?', 'question'],
    ['Mã TH-7K3Q9 của tôi đến đâu rồi', 'track'],
    ['bai rac o dau lang boc mui', 'feedback'],
  ])('when the message is "%s", then the kind is %s', (text, kind) => {
    expect(analyzer.analyze(text).kind).toBe(kind);
  });

  it('when a message names no known topic, then the category is "khac"', () => {
    expect(analyzer.analyze('Xin chào').category).toBe('khac');
  });

  it('when classifying, then the phrases behind the score are reported', () => {
    const c = analyzer.analyze('Mặt đường quốc lộ có nhiều ổ gà').classification;
    expect(c.category).toBe('giao-thong');
    expect(c.hits['giao-thong']).toEqual(expect.arrayContaining(['ổ gà', 'quốc lộ']));
  });
});

describe('accuracy on labelled messages', () => {
  it('when scoring the project hold-out set (not used as examples), then each figure is at least 90%', () => {
    const s = evaluateTriage(
      analyzer,
      readJsonl(path.join(__dirname, '../../fixtures/triage/holdout.jsonl')),
    );
    expect(s.kind).toBeGreaterThanOrEqual(0.9);
    expect(s.category).toBeGreaterThanOrEqual(0.9);
    expect(s.commune).toBeGreaterThanOrEqual(0.9);
  });

  const shared = path.resolve(__dirname, '../../../../shared/eval/complaints/dev.jsonl');
  (existsSync(shared) ? it : it.skip)(
    'when scoring ../shared/eval/complaints/dev.jsonl (skipped when ../shared is absent), then each figure is at least 90%',
    () => {
      const s = evaluateTriage(analyzer, readJsonl(shared));
      expect([s.kind, s.category, s.commune].every((x) => x >= 0.9)).toBe(true);
    },
  );
});
