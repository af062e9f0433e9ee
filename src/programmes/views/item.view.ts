import { html, SafeHtml } from '../../http/html';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { publicLayout } from '../../public/views/public-layout.view';
import { vi } from '../../i18n/strings.vi';
import { vnDay } from '../../reference/vn-time';
import type { CommentRow } from '../oversight/oversight.repository';
import type { LinkedTicket } from '../programme-links.repository';
import type { ProgrammeRow, ReportRow } from '../programme.repository';
import type { ItemView } from '../programme.service';
import { badge, bar, dmy, pctText, PROGRAMME_STYLE, sampleNotice } from './programme-parts.view';

const F = P.page.fields;
const num = (n: number | null) => (n === null ? null : String(n).replace('.', ','));

function field(label: string, value: unknown): SafeHtml {
  return value === null || value === undefined || value === ''
    ? html``
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;
}

function timeline(reports: ReportRow[], unit: string | null): SafeHtml {
  if (reports.length === 0) return html`<p class="muted">${P.page.noReport}</p>`;
  return html`<ol class="timeline">
    ${reports.map(
      (r) =>
        html`<li>
          <strong>${dmy(r.reported_on)}</strong>${r.agency_name ? html` · ${r.agency_name}` : ''}:
          ${P.page.reportValue(pctText(r.percent), num(r.value), unit)} ${r.note ? html`<br />${r.note}` : ''}
          ${
            r.evidence.length
              ? html`<br />${P.page.evidence}:
                  ${r.evidence.map((e) => html`<a href="/tien-do/minh-chung/${e.id}">${e.filename}</a> `)}`
              : ''
          }
        </li>`,
    )}
  </ol>`;
}

// Citizens' tickets linked to the item: code (looked up with its PIN at /tra-cuu), category, status, day.
function linked(list: LinkedTicket[]): SafeHtml {
  if (list.length === 0) return html`<p class="muted">${P.page.linkedCount(0)}</p>`;
  return html`<ul>
    ${list.map(
      (t) =>
        html`<li>
          ${t.tracking_code} · ${t.category_name} · ${vi.public.statuses[t.status] ?? t.status} ·
          ${dmy(vnDay(t.created_at))}
        </li>`,
    )}
  </ul>`;
}

// Oversight comments, each with its author and role (giám sát, phản biện); hidden ones never reach this page.
function comments(list: CommentRow[]): SafeHtml {
  if (list.length === 0) return html`<p class="muted">${P.oversight.noComments}</p>`;
  return html`<ul class="comments">
    ${list.map(
      (c) =>
        html`<li>
          <strong>${c.author_name}</strong> · ${P.oversight.role} · ${dmy(vnDay(c.created_at))}
          <br />${c.body}
        </li>`,
    )}
  </ul>`;
}

/** `/tien-do/nhiem-vu/:code`: one item's fields, status, progress, linked feedback and timeline of reports. */
export function itemPage(v: {
  item: ItemView;
  programme: ProgrammeRow;
  reports: ReportRow[];
  comments: CommentRow[];
  tickets: LinkedTicket[];
}): string {
  const { item: i, programme: p } = v;
  const body = html`<div class="card">
      <p><a href="/tien-do/${p.id}">${P.page.back(p.title)}</a></p>
      <h2>${i.title}</h2>
      ${sampleNotice(p.sample)}
      <p>${badge(i.status)} ${bar(i.progress)}</p>
      <dl class="fields">
        ${field(F.kind, P.kind[i.kind])} ${field(F.group, i.group_title)} ${field(P.page.col.code, i.code)}
        ${field(P.page.col.lead, i.lead_agency_name)}
        ${field(F.coordinating, i.coordinating.map((c) => c.name).join('; '))}
        ${field(F.start, dmy(i.start_on))} ${field(P.page.col.deadline, dmy(i.deadline))}
        ${field(F.unit, i.unit)} ${field(F.baseline, i.baseline)} ${field(F.target, i.target)}
        ${field(F.budget, i.budget)} ${field(F.product, i.product)}
        ${field(P.page.document, i.document ?? p.document_title ?? p.document)}
        ${field(F.linked, P.page.linkedCount(i.linked_tickets))}
      </dl>
    </div>
    <section class="card">
      <h3>${P.page.timeline}</h3>
      ${timeline(v.reports, i.unit)}
    </section>
    <section class="card">
      <h3>${F.linked} (${v.item.linked_tickets})</h3>
      ${linked(v.tickets)}
    </section>
    <section class="card">
      <h3>${P.oversight.commentsTitle}</h3>
      ${comments(v.comments)}
    </section>`;
  return publicLayout(i.title, body, PROGRAMME_STYLE);
}
