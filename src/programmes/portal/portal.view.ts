import type { StaffPrincipal } from '../../agencies/auth.service';
import { adminPage } from '../../agencies/views/admin.view';
import { layout } from '../../agencies/views/layout.view';
import { csrfField, flashNotice, uploadFormCard } from '../../agencies/views/portal-parts.view';
import { html, SafeHtml } from '../../http/html';
import { dataTable } from '../../http/table';
import { programmesVi as P } from '../../i18n/programmes.vi';
import type { ImportResult } from '../import/import.service';
import { importSummaryLines } from '../import/import.service';
import { itemPath } from '../programme.present';
import type { ProgrammeRow, ReportRow } from '../programme.repository';
import type { ItemView } from '../programme.service';
import { badge, bar, dmy, PROGRAMME_STYLE, sampleNotice } from '../views/programme-parts.view';

const Q = P.portal;
const C = P.page.col;

/** `/portal/tien-do`: the items the user's agency leads (every item for those who read all); notices on top. */
export function agencyItemsPage(
  user: StaffPrincipal,
  items: ItemView[],
  parts: { top?: SafeHtml | string; bottom?: SafeHtml | string; allItems?: boolean } = {},
): string {
  const rows = items.map(
    (i) =>
      html`<tr>
        <td><a href="/portal/tien-do/${i.code}">${i.code}</a></td>
        <td>${i.title}</td>
        <td>${dmy(i.deadline)}</td>
        <td>${badge(i.status)}</td>
        <td>${bar(i.progress)}</td>
        <td>${i.latest_report ? dmy(i.latest_report.reported_on) : P.page.noReport}</td>
      </tr>`,
  );
  const title = (parts.allItems ?? !user.agencyId) ? Q.allTitle : Q.title;
  const body = items.length
    ? dataTable([C.code, C.title, C.deadline, C.status, C.progress, C.latest], rows)
    : html`<p>${Q.none}</p>`;
  return layout(
    title,
    html`${PROGRAMME_STYLE}${parts.top ?? ''}
      <div class="card">
        <h2>${title}</h2>
        ${body}
      </div>
      ${parts.bottom ?? ''}`,
    user,
  );
}

function reportForm(user: StaffPrincipal, i: ItemView, today: string, maxMb: number): SafeHtml {
  const form = {
    action: `/portal/tien-do/${i.code}/report`,
    title: Q.reportTitle,
    hintId: 'report-hint',
    hint: Q.reportHint,
    submit: Q.submit,
  };
  return uploadFormCard(
    user,
    form,
    html`<label for="reportedOn">${Q.reportDate}</label>
      <input id="reportedOn" name="reportedOn" type="date" required max="${today}" value="${today}" />
      <label for="percent">${Q.percent}</label>
      <input id="percent" name="percent" inputmode="decimal" aria-describedby="report-hint" />
      ${
        i.kind === 'target'
          ? html`<label for="value">${Q.value}${i.unit ? ` (${i.unit})` : ''}</label
              ><input id="value" name="value" inputmode="decimal" />`
          : ''
      }
      <label for="note">${Q.note}</label>
      <textarea id="note" name="note" rows="4" maxlength="4000"></textarea>
      <label for="file">${Q.evidence(maxMb)}</label>
      <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" />`,
  );
}

function linkForm(user: StaffPrincipal, i: ItemView): SafeHtml {
  return html`<form method="post" action="/portal/tien-do/${i.code}/link" class="card">
    <h3>${Q.linkTitle}</h3>
    <p class="muted">${Q.linkHint}</p>
    ${csrfField(user)}
    <label for="trackingCode">${Q.trackingCode}</label>
    <input id="trackingCode" name="trackingCode" required maxlength="20" />
    <p><button type="submit">${Q.link}</button></p>
  </form>`;
}

/** `/portal/tien-do/:code`: the item, its reports, the report form (lead agency only) and the ticket link form. */
export function agencyItemPage(
  user: StaffPrincipal,
  v: {
    item: ItemView;
    programme: ProgrammeRow;
    reports: ReportRow[];
    canReport: boolean;
    canLink: boolean;
    today: string;
    maxMb: number;
    /** Oversight comments and the follow button. */
    extra: SafeHtml;
  },
  notice?: string,
): string {
  const i = v.item;
  const reports = v.reports.map(
    (r) =>
      html`<li>
        <strong>${dmy(r.reported_on)}</strong> ${r.percent ?? ''}${r.percent !== null ? ' %' : ''}
        ${r.value ?? ''} ${r.note ?? ''}
      </li>`,
  );
  const body = html`${PROGRAMME_STYLE}${flashNotice(notice)}
    <div class="card">
      <p><a href="/portal/tien-do">${Q.title}</a> · <a href="${itemPath(i.code)}">${Q.publicPage}</a></p>
      <h2>${i.title}</h2>
      ${sampleNotice(v.programme.sample)}
      <p>${badge(i.status)} ${bar(i.progress)}</p>
      <p>
        ${C.lead}: ${i.lead_agency_name ?? P.page.noAgency} · ${C.deadline}: ${dmy(i.deadline)} ·
        ${P.page.fields.linked}: ${i.linked_tickets}
      </p>
      <h3>${P.page.timeline}</h3>
      ${
        reports.length
          ? html`<ol class="timeline">
              ${reports}
            </ol>`
          : html`<p class="muted">${P.page.noReport}</p>`
      }
    </div>
    ${v.canReport ? reportForm(user, i, v.today, v.maxMb) : html`<p class="card muted">${Q.notYours}</p>`}
    ${v.canLink ? linkForm(user, i) : ''} ${v.extra}`;
  return layout(i.title, body, user);
}

/** `/portal/admin/programmes`: the import form, the outcome of the last import and the programmes stored. */
export function importAdminPage(
  user: StaffPrincipal,
  programmes: ProgrammeRow[],
  maxMb: number,
  result?: ImportResult,
): string {
  const A = P.admin;
  const outcome = result
    ? html`<div class="card" role="status"><pre>${importSummaryLines(result).join('\n')}</pre></div>`
    : '';
  const form = {
    action: '/portal/admin/programmes/import',
    hintId: 'import-hint',
    hint: A.hint(maxMb),
    submit: A.upload,
    file: { label: A.file, accept: '.csv,.xlsx' },
  };
  const body = html`${outcome} ${uploadFormCard(user, form)}
    <div class="card">
      <h3>${A.programmes}</h3>
      <ul>
        ${programmes.map((p) => html`<li><a href="/tien-do/${p.id}">${p.title}</a>${p.sample ? html` (${P.sampleTag})` : ''}</li>`)}
      </ul>
    </div>`;
  return adminPage(user, A.title, body);
}
