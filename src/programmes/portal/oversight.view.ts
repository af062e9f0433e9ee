import type { StaffPrincipal } from '../../agencies/auth.service';
import { layout } from '../../agencies/views/layout.view';
import { csrfField, unreadCard } from '../../agencies/views/portal-parts.view';
import { html, SafeHtml } from '../../http/html';
import { dataTable } from '../../http/table';
import { programmesVi as P } from '../../i18n/programmes.vi';
import type { CommentRow, NoticeRow, TicketFigures } from '../oversight/oversight.repository';
import { MAX_COMMENT_CHARS } from '../oversight/oversight.service';
import type { OwedItem, ReportingOverview } from '../oversight/reporting.service';
import { vnDay } from '../../reference/vn-time';
import { dmy, PROGRAMME_STYLE } from '../views/programme-parts.view';

const O = P.oversight;
const R = P.reporting;
const when = (at: Date) => dmy(vnDay(at));

/** Unread portal notices (followed items' status changes, reporting reminders) with a "mark read" button. */
export function noticesCard(user: StaffPrincipal, notes: NoticeRow[]): SafeHtml | string {
  if (notes.length === 0) return '';
  const items = notes.map(
    (n) =>
      html`<li>
        ${when(n.created_at)}:
        ${n.item_code ? html`<a href="/portal/tien-do/${n.item_code}">${n.text}</a>` : n.text}
      </li>`,
  );
  return unreadCard(user, {
    headingId: 'notices-h',
    title: O.noticesTitle(notes.length),
    items,
    action: '/portal/tien-do/notices/read',
    upTo: notes[0]!.id,
    button: O.markRead,
  });
}

/** Ticket counts per agency (for oversight and the provincial office). */
export function figuresCard(figures: TicketFigures[]): SafeHtml {
  const c = O.figuresCol;
  const rows = figures.map(
    (f) =>
      html`<tr>
        <td>${f.agency_name}</td>
        <td>${f.total}</td>
        <td>${f.open}</td>
        <td>${f.overdue}</td>
        <td>${f.answered}</td>
      </tr>`,
  );
  const body = figures.length
    ? dataTable([c.agency, c.total, c.open, c.overdue, c.answered], rows)
    : html`<p class="muted">${O.noFigures}</p>`;
  return html`<section class="card">
    <h3>${O.figuresTitle}</h3>
    ${body}
  </section>`;
}

/** On an item's portal page: its comments (hide buttons for moderators), the comment form, the follow button. */
export function oversightParts(
  user: StaffPrincipal,
  code: string,
  v: { comments: CommentRow[]; canComment: boolean; canModerate: boolean; following: boolean },
): SafeHtml {
  const list = v.comments.map(
    (c) =>
      html`<li>
        <strong>${c.author_name}</strong> (${O.role}), ${when(c.created_at)}: ${c.body}
        ${c.hidden ? html`<em class="muted">${O.hidden}</em>` : ''}
        ${
          v.canModerate && !c.hidden
            ? html`<form method="post" action="/portal/tien-do/${code}/comments/${c.id}/hide">
                ${csrfField(user)}<button type="submit">${O.hide}</button>
              </form>`
            : ''
        }
      </li>`,
  );
  const form = v.canComment
    ? html`<form method="post" action="/portal/tien-do/${code}/comment">
        ${csrfField(user)}
        <label for="body">${O.commentLabel}</label>
        <textarea id="body" name="body" rows="4" required maxlength="${MAX_COMMENT_CHARS}"></textarea>
        <p><button type="submit">${O.commentSubmit}</button></p>
      </form>`
    : '';
  return html`<section class="card">
      <h3>${O.commentsTitle}</h3>
      ${
        list.length
          ? html`<ul>
              ${list}
            </ul>`
          : html`<p class="muted">${O.noComments}</p>`
      }
      ${form}
    </section>
    <form method="post" action="/portal/tien-do/${code}/follow" class="card">
      ${csrfField(user)}<input type="hidden" name="on" value="${v.following ? '0' : '1'}" />
      ${v.following ? html`<span>${O.following}</span> ` : ''}
      <button type="submit">${v.following ? O.unfollow : O.follow}</button>
    </form>`;
}

function owedTable(title: string, rows: OwedItem[]): SafeHtml {
  const c = R.itemCol;
  const body = rows.map(
    (r) =>
      html`<tr>
        <td><a href="/portal/tien-do/${r.item.code}">${r.item.code}</a></td>
        <td>${r.item.title}</td>
        <td>${r.item.lead_agency_name}</td>
        <td>${r.period.label}</td>
        <td>${r.lastReport ? dmy(r.lastReport) : P.page.noReport}</td>
      </tr>`,
  );
  return html`<section class="card">
    <h3>${title} (${rows.length})</h3>
    ${rows.length ? dataTable([c.code, c.title, c.agency, c.period, c.last], body) : html`<p class="muted">${R.none}</p>`}
  </section>`;
}

/** `/portal/bao-cao-tien-do`: missing and late reports across agencies, for the provincial office. */
export function reportingPage(user: StaffPrincipal, v: ReportingOverview, remindDays: number): string {
  const c = R.col;
  const rows = v.agencies.map(
    (a) =>
      html`<tr>
        <td>${a.agencyName}</td>
        <td>${a.items}</td>
        <td>${a.missing}</td>
        <td>${a.late}</td>
        <td>${a.dueNow}</td>
      </tr>`,
  );
  const body = html`${PROGRAMME_STYLE}
    <div class="card">
      <p><a href="/portal/tien-do">${P.portal.allTitle}</a></p>
      <h2>${R.title}</h2>
      <p class="muted">${R.hint(remindDays)}</p>
      ${dataTable([c.agency, c.items, c.missing, c.late, c.dueNow], rows)}
    </div>
    ${owedTable(R.missingTitle, v.missing)} ${owedTable(R.lateTitle, v.late)}`;
  return layout(R.title, body, user);
}
