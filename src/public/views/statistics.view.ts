import { vi } from '../../i18n/strings.vi';
import { html, SafeHtml } from '../../http/html';
import type { AgencyStats } from '../public.repository';
import type { StatisticsReport } from '../statistics.service';
import { publicLayout } from './public-layout.view';

const p = vi.public;
const c = p.statsColumns;
const pct = (r: number | null) => (r === null ? p.noData : `${(r * 100).toFixed(1).replace('.', ',')}%`);
const num = (v: number | null) => (v === null ? p.noData : String(v).replace('.', ','));

// A heading's parenthesised part ("(1–5)", "(trung vị, ngày)") stays on one line: Chromium may break after an en
// dash, which split "(1–5)" under a narrow column.
function heading(label: string) {
  const [, head, scale] = /^(.*?)(\s*\([^)]*\))?$/u.exec(label) ?? [];
  return scale ? html`${head} <span class="nowrap">${scale.trim()}</span>` : label;
}

function row(r: AgencyStats, total = false) {
  // data-label names each figure when a phone shows the rows stacked (the header row is then hidden).
  const cells = html`<td class="num" data-label="${c.received}">${r.received}</td>
    <td class="num" data-label="${c.answered}">${r.answered}</td>
    <td class="num" data-label="${c.onTime}">${pct(r.onTimeRate)}</td>
    <td class="num" data-label="${c.medianDays}">${num(r.medianDaysToAnswer)}</td>
    <td class="num" data-label="${c.satisfaction}">${num(r.satisfaction)}</td>
    <td class="num" data-label="${c.overdue}">${r.overdueNow}</td>`;
  return total
    ? html`<tr>
        <th scope="row">${r.agencyName}</th>
        ${cells}
      </tr>`
    : html`<tr>
        <td>${r.agencyName}</td>
        ${cells}
      </tr>`;
}

/** The statistics page: a table per agency, a chart of on-time rates, and a CSV link. */
export function statisticsPage(report: StatisticsReport, query: string): string {
  // The chart reads its data from a JSON block: no inline script runs (the CSP forbids it).
  const chartData = JSON.stringify({
    label: p.statsChartLabel,
    labels: report.agencies.map((a) => a.agencyName),
    values: report.agencies.map((a) => (a.onTimeRate === null ? null : Math.round(a.onTimeRate * 1000) / 10)),
  }).replace(/</g, '\\u003c');
  const table = report.agencies.length
    ? html`<table class="stack">
        <thead>
          <tr>
            <th scope="col">${c.agency}</th>
            <th scope="col">${heading(c.received)}</th>
            <th scope="col">${heading(c.answered)}</th>
            <th scope="col">${heading(c.onTime)}</th>
            <th scope="col">${heading(c.medianDays)}</th>
            <th scope="col">${heading(c.satisfaction)}</th>
            <th scope="col">${heading(c.overdue)}</th>
          </tr>
        </thead>
        <tbody>
          ${report.agencies.map((r) => row(r))}
        </tbody>
        <tfoot>
          ${row(report.total, true)}
        </tfoot>
      </table>`
    : html`<p>${p.statsNone}</p>`;
  return publicLayout(
    p.statsTitle,
    html`<div class="card">
        <h2>${p.statsTitle}</h2>
        <p class="muted">${p.statsIntro}</p>
        <p><a href="/thong-ke.csv${query}" download>${p.statsCsv}</a></p>
        ${table}
      </div>
      ${
        report.agencies.length
          ? html`<div class="card">
                <div class="chart">
                  <canvas id="on-time-chart" role="img" aria-label="${p.statsChartLabel}"></canvas>
                </div>
              </div>
              <script type="application/json" id="stats-data">
                ${new SafeHtml(chartData)}
              </script>`
          : ''
      }`,
    html`<script src="/assets/chart.umd.min.js" defer></script>
      <script src="/assets/thong-ke.js" defer></script>`,
  );
}
