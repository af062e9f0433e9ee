import { html, SafeHtml } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { filterItems, NO_AGENCY, PAGE_SIZE, pageHref, type ItemFilter, type Listing } from '../listing';
import { itemPath } from '../programme.present';
import type { ItemView, ProgrammeView } from '../programme.service';
import { ITEM_STATUSES } from '../status';
import { badge, bar, dmy, pctText } from './programme-parts.view';

const C = P.page.col;

/** A page of the programme's item list, scrolled to the list. */
export const listHref = (id: string, f: ItemFilter, page = 1): string => `${pageHref(id, f, page)}#danh-sach`;

/** Average progress of items (unreported ones count as 0), or null when none was reported. */
export function averageProgress(items: readonly ItemView[]): number | null {
  const measured = items.filter((i) => i.progress !== null);
  return measured.length ? measured.reduce((n, i) => n + (i.progress ?? 0), 0) / items.length : null;
}

/** The groups with their item counts and average progress, each linking to its items: the collapsed view. */
export function groupsOverview(p: ProgrammeView): SafeHtml {
  const rows = p.groups
    .map((g) => ({ g, items: p.items.filter((i) => i.group_id === g.id) }))
    .filter((r) => r.items.length > 0);
  if (!rows.length) return html``;
  return html`<section class="card">
    <h3>${P.page.groupsTitle}</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">${C.group}</th>
          <th scope="col" class="num">${C.total}</th>
          <th scope="col" class="num">${C.late}</th>
          <th scope="col">${C.average}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ g, items }) =>
            html`<tr>
              <td>
                <a href="${listHref(p.id, { group: g.id, status: null, agency: null })}">${g.title}</a>
              </td>
              <td class="num">${items.length}</td>
              <td class="num">${items.filter((i) => i.status === 'late').length}</td>
              <td class="bar">${bar(averageProgress(items))}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

const option = (value: string, label: string, selected: boolean) =>
  html`<option value="${value}" ${selected ? html`selected` : ''}>${label}</option>`;

/** The filter form: a plain GET form, so it works without JavaScript and its address can be shared. */
export function filterForm(p: ProgrammeView, f: ItemFilter): SafeHtml {
  const agencies = new Map<string, string>();
  for (const i of p.items) agencies.set(i.lead_agency_id ?? NO_AGENCY, i.lead_agency_name ?? P.page.noAgency);
  const sorted = [...agencies].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const F = P.page.filter;
  return html`<form method="get" action="/tien-do/${p.id}" class="filters">
    <label
      >${F.group}
      <select name="nhom">
        ${option('', F.any, f.group === null)}
        ${p.groups.map((g) => option(String(g.id), g.title, f.group === g.id))}
      </select></label
    >
    <label
      >${F.status}
      <select name="trang-thai">
        ${option('', F.any, f.status === null)}
        ${ITEM_STATUSES.map((s) => option(s, P.status[s], f.status === s))}
      </select></label
    >
    <label
      >${F.agency}
      <select name="co-quan">
        ${option('', F.any, f.agency === null)}
        ${sorted.map(([id, name]) => option(id, name, f.agency === id))}
      </select></label
    >
    <button type="submit">${F.submit}</button>
    ${
      f.group !== null || f.status !== null || f.agency !== null
        ? html`<a href="/tien-do/${p.id}">${F.clear}</a>`
        : ''
    }
  </form>`;
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

function itemTable(title: string, average: number | null, items: ItemView[]): SafeHtml {
  return html`<h4>${title}</h4>
    ${average === null ? '' : html`<p>${P.page.groupProgress(pctText(average) ?? '')}</p>`}
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
    </table>`;
}

function pager(p: ProgrammeView, l: Listing & { page: number }, pages: number): SafeHtml {
  if (pages <= 1) return html``;
  const G = P.page.pager;
  const shown = [...new Set([1, l.page - 2, l.page - 1, l.page, l.page + 1, l.page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const link = (n: number) =>
    n === l.page
      ? html`<li><span aria-current="page">${n}</span></li>`
      : html`<li><a href="${listHref(p.id, l, n)}" aria-label="${G.page(n)}">${n}</a></li>`;
  return html`<nav class="pager" aria-label="${G.label}">
    <p>${G.of(l.page, pages)}</p>
    <ul>
      ${l.page > 1 ? html`<li><a rel="prev" href="${listHref(p.id, l, l.page - 1)}">${G.prev}</a></li>` : ''}
      ${shown.map(
        (n, k) =>
          html`${k > 0 && n - shown[k - 1]! > 1 ? html`<li aria-hidden="true">…</li>` : ''}${link(n)}`,
      )}
      ${l.page < pages ? html`<li><a rel="next" href="${listHref(p.id, l, l.page + 1)}">${G.next}</a></li>` : ''}
    </ul>
  </nav>`;
}

/**
 * One page of the programme's items matching the filters, in group order, under their groups' titles (with the
 * whole group's average), with links to the other pages that keep the filters.
 */
export function itemsPage(p: ProgrammeView, l: Listing & { page: number }): SafeHtml {
  const order = new Map(p.groups.map((g, k) => [g.id, k]));
  const rank = (i: ItemView) => (i.group_id === null ? p.groups.length : (order.get(i.group_id) ?? 0));
  const matching = filterItems(p.items, l).sort((a, b) => rank(a) - rank(b));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const slice = matching.slice(l.offset, l.offset + l.limit);
  const runs: Array<{ group: number | null; items: ItemView[] }> = [];
  for (const i of slice) {
    const last = runs[runs.length - 1];
    if (last && last.group === i.group_id) last.items.push(i);
    else runs.push({ group: i.group_id, items: [i] });
  }
  const title = (g: number | null) => p.groups.find((x) => x.id === g)?.title ?? P.page.noGroup;
  const wholeGroup = (g: number | null) => p.items.filter((i) => i.group_id === g);
  return html`<section class="card" id="danh-sach">
    <h3>${P.page.listTitle}</h3>
    ${filterForm(p, l)}
    ${
      slice.length
        ? html`<p class="muted">${P.page.showing(l.offset + 1, l.offset + slice.length, matching.length)}</p>
            ${runs.map((r) => itemTable(title(r.group), averageProgress(wholeGroup(r.group)), r.items))}
            ${pager(p, l, pages)}`
        : html`<p>${P.page.noMatch}</p>
            ${l.page > 1 ? html`<p><a href="${listHref(p.id, l)}">${P.page.firstPage}</a></p>` : ''}`
    }
  </section>`;
}
