import { html, SafeHtml } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { publicLayout } from '../../public/views/public-layout.view';
import { NO_AGENCY, type Listing } from '../listing';
import { countByStatus, type ProgrammeView } from '../programme.service';
import type { ProgrammeRow } from '../programme.repository';
import { ITEM_STATUSES, type ItemStatus } from '../status';
import { groupsOverview, itemsPage, listHref } from './programme-list.view';
import { countsList, PROGRAMME_STYLE, sampleNotice, STATUS_COLOURS } from './programme-parts.view';

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

function agencyTable(p: ProgrammeView): SafeHtml {
  const rows = new Map<string, { id: string; counts: Record<ItemStatus, number> }>();
  for (const i of p.items) {
    const name = i.lead_agency_name ?? P.page.noAgency;
    const r = rows.get(name) ?? { id: i.lead_agency_id ?? NO_AGENCY, counts: countByStatus([]) };
    r.counts[i.status]++;
    rows.set(name, r);
  }
  const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0], 'vi'));
  const filtered = (agency: string) => listHref(p.id, { group: null, status: null, agency });
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
          ([name, { id, counts: r }]) =>
            html`<tr>
              <td><a href="${filtered(id)}">${name}</a></td>
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

/**
 * `/tien-do/:id`: counts by status with a chart, the groups with their averages, one page of the items matching
 * the filters (links to the other pages keep them) and a table by agency; counts and tables cover every item.
 */
export function programmePage(p: ProgrammeView, listing: Listing & { page: number }): string {
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
    ${groupsOverview(p)} ${p.items.length ? itemsPage(p, listing) : ''} ${agencyTable(p)}`;
  return publicLayout(p.title, body, head(p.items.length > 0));
}
