import { html, SafeHtml } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { publicLayout } from '../../public/views/public-layout.view';
import { itemPath } from '../programme.present';
import type { ItemView, ProgrammeView } from '../programme.service';
import type { ProgrammeRow } from '../programme.repository';
import { ITEM_STATUSES, type ItemStatus } from '../status';
import {
  badge,
  bar,
  countsList,
  dmy,
  pctText,
  PROGRAMME_STYLE,
  sampleNotice,
  STATUS_COLOURS,
} from './programme-parts.view';

export { itemPage } from './item.view';

const C = P.page.col;
const head = (chart: boolean) =>
  html`${PROGRAMME_STYLE}${
    chart
      ? html`<script src="/assets/chart.umd.min.js" defer></script>
          <script src="/assets/tien-do.js" defer></script>`
      : ''
  }`;

/** `/tien-do`: every programme with its counts by status. */
export function programmesPage(
  list: Array<ProgrammeRow & { counts: Record<ItemStatus, number>; items: number }>,
): string {
  const cards = list.map(
    (p) =>
      html`<div class="card">
        <h3>
          <a href="/tien-do/${p.id}">${p.title}</a
          >${p.sample ? html` <span class="muted">(${P.sampleTag})</span>` : ''}
        </h3>
        ${sampleNotice(p.sample)}
        <p class="muted">${P.page.items(p.items)}</p>
        ${countsList(p.counts)}
        <p><a href="/tien-do/${p.id}">${P.page.open}</a></p>
      </div>`,
  );
  const body = html`<div class="card">
      <h2>${P.page.title}</h2>
      <p class="muted">${P.page.intro}</p>
    </div>
    ${list.length ? cards : html`<p class="card">${P.page.none}</p>`}`;
  return publicLayout(P.page.title, body, head(false));
}

function itemRow(i: ItemView): SafeHtml {
  return html`<tr>
    <td class="hide-sm">${i.code}</td>
    <td><a href="${itemPath(i.code)}">${i.title}</a></td>
    <td class="hide-sm">${i.lead_agency_name ?? ''}</td>
    <td class="when" data-label="${C.deadline}">${dmy(i.deadline)}</td>
    <td>${badge(i.status)}</td>
    <td class="bar">${bar(i.progress)}</td>
    <td class="hide-sm">${i.latest_report ? dmy(i.latest_report.reported_on) : P.page.noReport}</td>
  </tr>`;
}

function groupCard(title: string, items: ItemView[]): SafeHtml {
  const measured = items.filter((i) => i.progress !== null);
  const avg = measured.length ? measured.reduce((n, i) => n + (i.progress ?? 0), 0) / items.length : null;
  return html`<section class="card">
    <h3>${title}</h3>
    ${avg === null ? '' : html`<p>${P.page.groupProgress(pctText(avg) ?? '')}</p>`}
    <table class="items">
      <thead>
        <tr>
          <th scope="col" class="hide-sm">${C.code}</th>
          <th scope="col">${C.title}</th>
          <th scope="col" class="hide-sm">${C.lead}</th>
          <th scope="col">${C.deadline}</th>
          <th scope="col">${C.status}</th>
          <th scope="col">${C.progress}</th>
          <th scope="col" class="hide-sm">${C.latest}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(itemRow)}
      </tbody>
    </table>
  </section>`;
}

function agencyTable(items: ItemView[]): SafeHtml {
  const rows = new Map<string, Record<ItemStatus, number>>();
  for (const i of items) {
    const name = i.lead_agency_name ?? P.page.noAgency;
    const r =
      rows.get(name) ?? (Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>);
    r[i.status]++;
    rows.set(name, r);
  }
  const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0], 'vi'));
  return html`<section class="card">
    <h3>${P.page.byAgency}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">${C.agency}</th>
          <th scope="col" class="num">${C.total}</th>
          <th scope="col" class="num">${C.onTime}</th>
          <th scope="col" class="num">${C.late}</th>
          <th scope="col" class="num">${C.done}</th>
          <th scope="col" class="num">${C.notStarted}</th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map(
          ([name, r]) =>
            html`<tr>
              <td>${name}</td>
              <td class="num">${ITEM_STATUSES.reduce((n, s) => n + r[s], 0)}</td>
              <td class="num">${r.on_track}</td>
              <td class="num">${r.late}</td>
              <td class="num">${r.done + r.done_late}</td>
              <td class="num">${r.not_started}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function chartBlock(counts: Record<ItemStatus, number>): SafeHtml {
  // The chart reads its data from a JSON block: no inline script runs (the CSP forbids it).
  const data = JSON.stringify({
    label: P.page.chartLabel,
    labels: ITEM_STATUSES.map((s) => P.status[s]),
    values: ITEM_STATUSES.map((s) => counts[s]),
    colors: ITEM_STATUSES.map((s) => STATUS_COLOURS[s]),
  }).replace(/</g, '\\u003c');
  return html`<div class="chart small">
      <canvas id="status-chart" role="img" aria-label="${P.page.countsTitle}"></canvas>
    </div>
    <script type="application/json" id="progress-data">
      ${new SafeHtml(data)}
    </script>`;
}

/** `/tien-do/:id`: a programme's groups with progress bars, counts by status, a chart and a table by agency. */
export function programmePage(p: ProgrammeView): string {
  const groups = p.groups
    .map((g) => [g.title, p.items.filter((i) => i.group_id === g.id)] as const)
    .filter(([, items]) => items.length > 0);
  const loose = p.items.filter((i) => i.group_id === null);
  const body = html`<div class="card">
      <p><a href="/tien-do">${P.page.title}</a></p>
      <h2>${p.title}</h2>
      ${sampleNotice(p.sample)}
      ${p.document ? html`<p class="muted">${P.page.document}: ${p.document_title ?? p.document}</p>` : ''}
      <p>
        <a href="/tien-do/${p.id}/du-lieu.csv" download>${P.page.exportCsv}</a> ·
        <a href="/tien-do/${p.id}/du-lieu.json" download>${P.page.exportJson}</a>
      </p>
      <h3>${P.page.countsTitle}</h3>
      ${countsList(p.counts)} ${p.items.length ? chartBlock(p.counts) : ''}
    </div>
    ${groups.map(([title, items]) => groupCard(title, items))}
    ${loose.length ? groupCard(P.page.noGroup, loose) : ''} ${agencyTable(p.items)}`;
  return publicLayout(p.title, body, head(p.items.length > 0));
}
