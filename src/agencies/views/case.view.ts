import { uploadIdOf } from '../../http/upload-url';
import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import { vnDate } from '../../public/views/public-layout.view';
import { formatVnDateTime } from '../../reference/vn-time';
import { isOpenStatus } from '../../tickets/lifecycle/ticket-status';
import type { StaffPrincipal } from '../auth.service';
import type { CaseView } from '../casework/casework.service';
import { layout } from './layout.view';

const P = vi.portal;
const A = P.actions;

function form(user: StaffPrincipal, id: string, action: string, label: string, fields: unknown) {
  return html`<form method="post" action="/portal/tickets/${id}/${action}" class="card">
    <input type="hidden" name="_csrf" value="${user.csrfToken}" />${fields}
    <p><button type="submit">${label}</button></p>
  </form>`;
}

function actions(user: StaffPrincipal, v: CaseView, prefill: string) {
  const id = v.ticket.id;
  const open = isOpenStatus(v.ticket.status);
  if (!open) return html``;
  return html` ${v.ticket.status !== 'in_progress' ? form(user, id, 'start', A.start, '') : ''}
    <form method="get" action="/portal/tickets/${id}" class="card">
      <label for="mau">${A.canned}</label>
      <select id="mau" name="mau">
        ${v.canned.map((c) => html`<option value="${c.id}">${c.title}</option>`)}
      </select>
      <p><button type="submit">${A.insertCanned}</button></p>
    </form>
    ${form(user, id, 'answer', A.answer, html`<label for="text">${A.answerLabel}</label><textarea id="text" name="text" rows="6" required maxlength="4000">${prefill}</textarea>`)}
    ${form(user, id, 'request-info', A.requestInfo, html`<label for="question">${A.questionLabel}</label><textarea id="question" name="question" rows="2" required maxlength="1000"></textarea>`)}
    ${form(
      user,
      id,
      'transfer',
      A.transfer,
      html`<label for="to">${A.transferTo}</label
        ><select id="to" name="toAgencyId">
          ${v.agencies
            .filter((a) => a.id !== v.ticket.agency_id)
            .map((a) => html`<option value="${a.id}">${a.name}</option>`)}
        </select>
        <label for="treason">${A.reason}</label
        ><input id="treason" name="reason" required maxlength="500" />`,
    )}
    ${form(user, id, 'reject', A.reject, html`<label for="rreason">${A.reason}</label><input id="rreason" name="reason" required maxlength="500" />`)}`;
}

// The conversation is long and secondary to the ticket: a native disclosure keeps it a keyboard press away.
function transcriptCard(v: CaseView) {
  if (!v.transcript) return html`<div class="card"><p class="muted">${P.noTranscript}</p></div>`;
  return html`<div class="card">
    <details>
      <summary><strong>${P.transcript(v.transcript.length)}</strong></summary>
      <p class="muted">${P.transcriptNote}</p>
      <ol class="timeline">
        ${v.transcript.map(
          (l) =>
            html`<li>
              <strong>${P.speaker[l.from]}</strong> <span class="muted">${formatVnDateTime(l.at)}</span>
              ${l.attachments ? html` · ${P.withFiles(l.attachments)}` : ''}
              <div style="white-space:pre-line">${l.text}</div>
            </li>`,
        )}
      </ol>
    </details>
  </div>`;
}

/** The case page: the citizen's message, photos, location, contact (staff only), history and the actions. */
export function casePage(user: StaffPrincipal, v: CaseView, prefill = ''): string {
  const t = v.ticket;
  const contact =
    t.contact_name || t.contact_phone
      ? html`${t.contact_name ?? ''} ${t.contact_phone ?? ''}`
      : html`<span class="muted">${P.noContact}</span>`;
  return layout(
    P.caseTitle(t.tracking_code),
    html`<div class="card">
        <h2>${P.caseTitle(t.tracking_code)}</h2>
        <table>
          <tr>
            <th scope="row">${P.columns.status}</th>
            <td>
              ${vi.public.statuses[t.status] ?? t.status}${t.overdue ? html` · <strong>${P.overdueBadge}</strong>` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">${vi.public.kindLabel}</th>
            <td>${vi.public.kinds[t.kind] ?? t.kind}</td>
          </tr>
          <tr>
            <th scope="row">${P.columns.category}</th>
            <td>${t.category_name}</td>
          </tr>
          <tr>
            <th scope="row">${P.columns.place}</th>
            <td>${t.commune_name ?? vi.public.noData}</td>
          </tr>
          <tr>
            <th scope="row">${P.columns.agency}</th>
            <td>${t.agency_name}</td>
          </tr>
          <tr>
            <th scope="row">${P.columns.due}</th>
            <td>${vnDate(t.resolve_due_at)}</td>
          </tr>
          <tr>
            <th scope="row">${P.channel}</th>
            <td>${P.channels[t.origin_channel] ?? t.origin_channel}</td>
          </tr>
          <tr>
            <th scope="row">${P.contact}</th>
            <td>${contact}</td>
          </tr>
          ${
            t.location
              ? html`<tr>
                  <th scope="row">${P.location}</th>
                  <td>${t.location.address ?? ''} (${t.location.lat}, ${t.location.lon})</td>
                </tr>`
              : ''
          }
        </table>
        <p style="white-space:pre-line">${t.description}</p>
        ${
          t.attachments.length
            ? html`<h3>${P.attachments}</h3>
                <ul>
                  ${t.attachments.map((a, i) =>
                    // Our uploads are served to staff through the portal (agency checked), never by their raw URL.
                    uploadIdOf(a.url)
                      ? html`<li>
                          <a href="/portal/tickets/${t.id}/tep/${i}" target="_blank"
                            >${a.name ?? `${P.attachments} ${i + 1}`}</a
                          >
                        </li>`
                      : /^https?:\/\//i.test(a.url)
                        ? html`<li>
                            <a href="${a.url}" rel="noopener noreferrer" target="_blank"
                              >${a.name ?? a.url}</a
                            >
                          </li>`
                        : html`<li>${a.name ?? a.url}</li>`,
                  )}
                </ul>`
            : ''
        }
        ${
          t.answer
            ? html`<h3>${vi.public.answer}</h3>
                <p style="white-space:pre-line">${t.answer}</p>`
            : ''
        }
      </div>
      ${transcriptCard(v)}
      <div class="card">
        <h3>${P.history}</h3>
        <ol class="timeline">
          ${v.history.map(
            (e) =>
              html`<li>
                <strong>${vnDate(e.at)}</strong> · ${e.actor} ·
                ${e.status ? (vi.public.statuses[e.status] ?? e.status) : (P.eventTypes[e.type] ?? e.type)}${e.note ? html` · ${e.note}` : ''}
              </li>`,
          )}
        </ol>
      </div>
      ${actions(user, v, prefill)}
      ${form(user, t.id, 'note', A.note, html`<label for="note">${A.noteLabel}</label><textarea id="note" name="note" rows="2" required maxlength="4000"></textarea>`)}
      ${t.contact_name || t.contact_phone ? form(user, t.id, 'delete-contact', A.deleteContact, '') : ''}`,
    user,
  );
}
