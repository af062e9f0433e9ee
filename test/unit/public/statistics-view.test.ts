import { PAGE_STYLE } from '../../../src/http/page-style';
import { statisticsPage } from '../../../src/public/views/statistics.view';

const agency = {
  agencyId: 'ubnd-15820',
  agencyName: 'UBND Phường Hạc Thành',
  received: 12,
  answered: 10,
  onTimeRate: 0.9,
  medianDaysToAnswer: 3.5,
  satisfaction: 4.2,
  overdueNow: 1,
  answeredOnTime: 9,
  ratings: 5,
};

describe('statistics page on a phone', () => {
  it('when the page is built, then its table stacks into labelled rows and no style splits words inside a syllable', () => {
    const html = statisticsPage(
      { from: new Date(), to: new Date(), agencies: [agency], total: { ...agency, agencyName: 'Toàn tỉnh' } },
      '',
    );
    expect(html).toContain('<table class="stack">');
    expect(html).toContain('data-label="Đã tiếp nhận"');
    expect(PAGE_STYLE).not.toMatch(
      /word-break\s*:\s*break-all|overflow-wrap\s*:\s*anywhere|word-wrap\s*:\s*break-word/,
    );
    expect(PAGE_STYLE).toMatch(
      /@media \(max-width:600px\)\{[^]*table\.stack td\[data-label\]::before\{content:attr\(data-label\)/,
    );
  });
});
