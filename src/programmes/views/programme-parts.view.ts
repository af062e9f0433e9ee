import { html, SafeHtml } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import type { ItemStatus } from '../status';

/** Colours of the statuses (AA contrast on white; also used by the chart). */
export const STATUS_COLOURS: Record<ItemStatus, string> = {
  not_started: '#595959',
  on_track: '#0050b3',
  late: '#a8071a',
  done: '#237804',
  done_late: '#ad4e00',
};

/** The extra styles of the programme pages (badges, bars), added to the shared page style. */
export const PROGRAMME_STYLE = new SafeHtml(`<style>
.badge{display:inline-block;padding:2px 8px;border-radius:10px;color:#fff;font-size:.85rem;white-space:nowrap}
${Object.entries(STATUS_COLOURS)
  .map(([s, c]) => `.st-${s}{background:${c}}`)
  .join('')}
progress{width:100%;max-width:160px;height:12px;accent-color:#0050b3}
.sample{background:#fffbe6;border:1px solid #ffe58f;padding:10px;border-radius:6px;font-weight:600}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}.chart.small{height:200px}
dl.fields{display:grid;grid-template-columns:minmax(120px,30%) 1fr;gap:4px 12px}dl.fields dt{font-weight:600}
td.bar{white-space:nowrap}td.bar progress{width:96px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;margin:8px 0 12px}
form.filters label{display:flex;flex-direction:column;gap:2px;font-weight:600}form.filters select{max-width:260px}
nav.pager ul{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0}
nav.pager a,nav.pager span{display:inline-block;padding:4px 10px;border:1px solid var(--line);border-radius:4px}
nav.pager span[aria-current]{font-weight:700;background:#0050b3;color:#fff}
@media (max-width:600px){dl.fields{grid-template-columns:1fr}td.bar{white-space:normal}table.items .hide-sm,table.items thead{display:none}
table.items tr{display:block;border-bottom:1px solid var(--line);padding:8px 0}table.items td{display:block;border:0;padding:2px 0}
table.items td.when::before{content:attr(data-label) ": ";color:var(--muted)}}
</style>`);

/** "40,5 %" (Vietnamese decimal comma), or null. */
export function pctText(n: number | null): string | null {
  return n === null ? null : `${(Math.round(n * 10) / 10).toString().replace('.', ',')} %`;
}

/** dd/mm/yyyy from an ISO date, or an empty string. */
export function dmy(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A coloured status label. */
export function badge(status: ItemStatus): SafeHtml {
  return html`<span class="badge st-${status}">${P.status[status]}</span>`;
}

/** A labelled progress bar (or "no report" when nothing was reported). */
export function bar(progress: number | null): SafeHtml {
  if (progress === null) return html`<span class="muted">${P.page.noReport}</span>`;
  const label = pctText(progress) ?? '';
  return html`<progress max="100" value="${progress.toFixed(1)}" aria-label="${P.page.progressLabel(label)}">
      ${label}
    </progress>
    <span>${label}</span>`;
}

/** The sample-data notice, when the programme is demonstration data. */
export function sampleNotice(sample: boolean): SafeHtml {
  return sample ? html`<p class="sample" role="note">${P.sample}</p>` : html``;
}

/** Counts by status as coloured badges. */
export function countsList(counts: Record<ItemStatus, number>): SafeHtml {
  return html`<ul class="counts">
    ${(Object.keys(counts) as ItemStatus[]).map(
      (s) => html`<li><span class="badge st-${s}">${P.status[s]}: ${counts[s]}</span></li>`,
    )}
  </ul>`;
}
