import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import { dataTable } from '../../http/table';
import { vnDate } from '../../public/views/public-layout.view';
import type { StaffPrincipal } from '../auth.service';
import type { NotificationRow, QueueRow } from '../casework/casework.repository';
import { layout } from './layout.view';
import { unreadCard } from './portal-parts.view';

const P = vi.portal;
const S = vi.public.statuses;

/** Current filter values, echoed back into the form. */
export interface QueueQuery {
  status?: string;
  category?: string;
  commune?: string;
  q?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
}

// One or two rows of small fields on a desktop (the queue stays above the fold at 1366×900); wraps on a phone.
function filterForm(query: QueueQuery, categories: Map<string, string>, communes: Map<string, string>) {
  const opt = (value: string, label: string, current?: string) =>
    html`<option value="${value}" ${value === (current ?? '') ? html`selected` : ''}>${label}</option>`;
  const select = (id: string, label: string, options: unknown) =>
    html`<div class="f">
      <label for="${id}">${label}</label
      ><select id="${id}" name="${id}">
        ${options}
      </select>
    </div>`;
  return html`<form method="get" action="/portal" class="card filters" aria-label="${P.filters}">
    <div class="f grow">
      <label for="q">${P.searchLabel}</label
      ><input id="q" name="q" value="${query.q ?? ''}" maxlength="100" />
    </div>
    ${select('status', P.columns.status, [opt('', P.allStatuses, query.status), ...Object.entries(S).map(([k, v]) => opt(k, v, query.status))])}
    ${select('category', P.columns.category, [opt('', P.allCategories, query.category), ...[...categories].map(([k, v]) => opt(k, v, query.category))])}
    ${select('commune', P.columns.place, [opt('', P.allCommunes, query.commune), ...[...communes].map(([k, v]) => opt(k, v, query.commune))])}
    <div class="f">
      <label for="from">${P.fromLabel}</label
      ><input id="from" name="from" type="date" value="${query.from ?? ''}" />
    </div>
    <div class="f">
      <label for="to">${P.toLabel}</label><input id="to" name="to" type="date" value="${query.to ?? ''}" />
    </div>
    <label class="check"
      ><input type="checkbox" name="overdue" value="1" ${query.overdue ? html`checked` : ''} />
      ${P.overdueOnly}</label
    >
    <button type="submit">${P.apply}</button>
  </form>`;
}

function notificationsCard(user: StaffPrincipal, notes: NotificationRow[]) {
  if (notes.length === 0) return '';
  const items = notes.map(
    (n) =>
      html`<li>
        <a href="/portal/tickets/${n.ticket_id}">${n.tracking_code}</a> · ${vnDate(n.created_at)} · ${n.text}
      </li>`,
  );
  return unreadCard(user, {
    headingId: 'notes-h',
    title: P.notifications(notes.length),
    items,
    action: '/portal/notifications/read',
    upTo: Math.max(...notes.map((n) => n.id)),
    button: P.markRead,
    buttonClass: 'secondary',
  });
}

/** The queue page: unread notifications, filters, then one row per ticket linking to its case page. */
export function queuePage(
  user: StaffPrincipal,
  agencyName: string | null,
  rows: QueueRow[],
  query: QueueQuery,
  categories: Map<string, string>,
  communes: Map<string, string> = new Map(),
  notes: NotificationRow[] = [],
): string {
  const admin = user.role === 'admin';
  const c = P.columns;
  const body = rows.map(
    (r) =>
      html`<tr>
        <td><a href="/portal/tickets/${r.id}">${r.tracking_code}</a></td>
        <td>${r.category_name}</td>
        <td>${r.commune_name ?? vi.public.noData}</td>
        <td>
          ${S[r.status] ?? r.status}${r.overdue ? html` · <strong class="error">${P.overdueBadge}</strong>` : ''}
        </td>
        <td>${vnDate(r.resolve_due_at)}</td>
        ${admin ? html`<td>${r.agency_name}</td>` : ''}
      </tr>`,
  );
  const headings = [c.code, c.category, c.place, c.status, c.due, ...(admin ? [c.agency] : [])];
  const table = rows.length ? dataTable(headings, body) : html`<p>${P.emptyQueue}</p>`;
  return layout(
    P.queueTitle,
    html`<div class="wide">
      <h2>${query.overdue ? P.overdueTitle : P.queueTitle}</h2>
      <p class="muted">${user.displayName} · ${P.roles[user.role]} · ${agencyName ?? P.noAgency}</p>
      ${notificationsCard(user, notes)} ${filterForm(query, categories, communes)}
      <div class="card scroll-x">${table}</div>
    </div>`,
    user,
  );
}
