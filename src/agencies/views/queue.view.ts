import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import { vnDate } from '../../public/views/public-layout.view';
import type { StaffPrincipal } from '../auth.service';
import type { NotificationRow, QueueRow } from '../casework/casework.repository';
import { layout } from './layout.view';

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

function filterForm(query: QueueQuery, categories: Map<string, string>, communes: Map<string, string>) {
  const opt = (value: string, label: string, current?: string) =>
    html`<option value="${value}" ${value === (current ?? '') ? html`selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/portal" class="card" aria-label="${P.filters}">
    <label for="status">${P.columns.status}</label>
    <select id="status" name="status">
      ${opt('', P.allStatuses, query.status)}${Object.entries(S).map(([k, v]) => opt(k, v, query.status))}
    </select>
    <label for="category">${P.columns.category}</label>
    <select id="category" name="category">
      ${opt('', P.allCategories, query.category)}${[...categories].map(([k, v]) => opt(k, v, query.category))}
    </select>
    <label for="commune">${P.columns.place}</label>
    <select id="commune" name="commune">
      ${opt('', P.allCommunes, query.commune)}${[...communes].map(([k, v]) => opt(k, v, query.commune))}
    </select>
    <label for="q">${P.searchLabel}</label><input id="q" name="q" value="${query.q ?? ''}" maxlength="100" />
    <label for="from">${P.fromLabel}</label
    ><input id="from" name="from" type="date" value="${query.from ?? ''}" />
    <label for="to">${P.toLabel}</label><input id="to" name="to" type="date" value="${query.to ?? ''}" />
    <label
      ><input
        type="checkbox"
        name="overdue"
        value="1"
        ${query.overdue ? html`checked` : ''}
        style="width:auto"
      />
      ${P.overdueOnly}</label
    >
    <p><button type="submit">${P.apply}</button></p>
  </form>`;
}

function notificationsCard(user: StaffPrincipal, notes: NotificationRow[]) {
  if (notes.length === 0) return '';
  return html`<section class="card" aria-labelledby="notes-h">
    <h3 id="notes-h">${P.notifications(notes.length)}</h3>
    <ul>
      ${notes.map(
        (n) =>
          html`<li>
            <a href="/portal/tickets/${n.ticket_id}">${n.tracking_code}</a> · ${vnDate(n.created_at)} ·
            ${n.text}
          </li>`,
      )}
    </ul>
    <form method="post" action="/portal/notifications/read">
      <input type="hidden" name="_csrf" value="${user.csrfToken}" />
      <input type="hidden" name="upTo" value="${String(Math.max(...notes.map((n) => n.id)))}" />
      <button type="submit">${P.markRead}</button>
    </form>
  </section>`;
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
  const table = rows.length
    ? html`<table>
        <thead>
          <tr>
            <th scope="col">${P.columns.code}</th>
            <th scope="col">${P.columns.category}</th>
            <th scope="col">${P.columns.place}</th>
            <th scope="col">${P.columns.status}</th>
            <th scope="col">${P.columns.due}</th>
            ${user.role === 'admin' ? html`<th scope="col">${P.columns.agency}</th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td><a href="/portal/tickets/${r.id}">${r.tracking_code}</a></td>
                <td>${r.category_name}</td>
                <td>${r.commune_name ?? vi.public.noData}</td>
                <td>
                  ${S[r.status] ?? r.status}${r.overdue ? html` · <strong class="error">${P.overdueBadge}</strong>` : ''}
                </td>
                <td>${vnDate(r.resolve_due_at)}</td>
                ${user.role === 'admin' ? html`<td>${r.agency_name}</td>` : ''}
              </tr>`,
          )}
        </tbody>
      </table>`
    : html`<p>${P.emptyQueue}</p>`;
  return layout(
    P.queueTitle,
    html`<h2>${query.overdue ? P.overdueTitle : P.queueTitle}</h2>
      <p class="muted">${user.displayName} · ${P.roles[user.role]} · ${agencyName ?? P.noAgency}</p>
      ${notificationsCard(user, notes)} ${filterForm(query, categories, communes)}
      <div class="card">${table}</div>`,
    user,
  );
}
