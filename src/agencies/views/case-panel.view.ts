import { vi } from '../../i18n/strings.vi';
import { html, type SafeHtml } from '../../http/html';
import { formatVnDateTime } from '../../reference/vn-time';
import { isOpenStatus } from '../../tickets/lifecycle/ticket-status';
import type { StaffPrincipal } from '../auth.service';
import type { CaseView } from '../casework/casework.service';
import type { Delivery } from '../casework/delivery';

const P = vi.portal;
const A = P.actions;
const D = P.delivery;

/** A button's look: the one action a form is for, any other action, or one that cannot be undone. */
export type ButtonKind = 'primary' | 'secondary' | 'danger';

/** A POST form to a case action with the session's CSRF token, its fields and one button of the given kind. */
export function caseForm(
  user: StaffPrincipal,
  id: string,
  action: string,
  label: string,
  fields: unknown,
  kind: ButtonKind = 'primary',
): SafeHtml {
  return html`<form method="post" action="/portal/tickets/${id}/${action}">
    <input type="hidden" name="_csrf" value="${user.csrfToken}" />${fields}
    <p class="row"><button type="submit" class="${kind}">${label}</button></p>
  </form>`;
}

const BADGE: Record<Delivery['state'], string> = {
  sent: D.sent,
  pending: D.pending,
  waiting: D.waiting,
  failed: D.failed,
};

function deliveryNote(d: Delivery): string {
  if (d.state === 'sent') return formatVnDateTime(d.at);
  if (d.state === 'waiting') return D.waitingNote;
  if (d.state === 'failed') return D.failedNote;
  return d.retrying ? D.retrying(d.attempts) : formatVnDateTime(d.at);
}

/** Whether each message to the citizen arrived: delivered, being sent, waiting for the Zalo window, or failed. */
export function deliveryList(deliveries: Delivery[]): SafeHtml {
  if (deliveries.length === 0) return html`<p class="muted">${D.none}</p>`;
  return html`<ul class="delivery" aria-label="${D.title}">
    ${deliveries.map(
      (d) =>
        html`<li class="${d.state}" data-state="${d.state}">
          <strong>${D.kinds[d.kind] ?? D.other}</strong>
          <span class="badge ${d.state}">${BADGE[d.state]}</span><br />
          <span class="muted">${deliveryNote(d)}</span>
        </li>`,
    )}
  </ul>`;
}

function cannedPicker(v: CaseView): SafeHtml | string {
  if (v.canned.length === 0) return '';
  return html`<form method="get" action="/portal/tickets/${v.ticket.id}">
    <label for="mau">${A.canned}</label>
    <div class="row">
      <select id="mau" name="mau" style="flex:1 1 60%">
        ${v.canned.map((c) => html`<option value="${c.id}">${c.title}</option>`)}
      </select>
      <button type="submit" class="secondary">${A.insertCanned}</button>
    </div>
  </form>`;
}

// Secondary work sits in native disclosures: the panel stays short enough to answer without scrolling.
function more(summary: string, body: SafeHtml): SafeHtml {
  return html`<details>
    <summary>${summary}</summary>
    ${body}
  </details>`;
}

function openActions(user: StaffPrincipal, v: CaseView, prefill: string): SafeHtml {
  const id = v.ticket.id;
  const others = v.agencies.filter((a) => a.id !== v.ticket.agency_id);
  return html`${v.ticket.status !== 'in_progress' ? caseForm(user, id, 'start', A.start, '', 'secondary') : ''}
  ${cannedPicker(v)}
  ${caseForm(user, id, 'answer', A.answer, html`<label for="text">${A.answerLabel}</label><textarea id="text" name="text" rows="6" required maxlength="4000">${prefill}</textarea>`)}
  ${more(A.requestInfo, caseForm(user, id, 'request-info', A.requestInfo, html`<label for="question">${A.questionLabel}</label><textarea id="question" name="question" rows="2" required maxlength="1000"></textarea>`, 'secondary'))}
  ${more(
    A.transfer,
    caseForm(
      user,
      id,
      'transfer',
      A.transfer,
      html`<label for="to">${A.transferTo}</label
        ><select id="to" name="toAgencyId">
          ${others.map((a) => html`<option value="${a.id}">${a.name}</option>`)}
        </select>
        <label for="treason">${A.reason}</label
        ><input id="treason" name="reason" required maxlength="500" />`,
      'secondary',
    ),
  )}`;
}

function dangerActions(user: StaffPrincipal, v: CaseView): SafeHtml | string {
  const t = v.ticket;
  const reject = isOpenStatus(t.status)
    ? caseForm(
        user,
        t.id,
        'reject',
        `${A.reject}…`,
        html`<label for="rreason">${A.reason}</label
          ><input id="rreason" name="reason" required maxlength="500" />`,
        'danger',
      )
    : '';
  const erase =
    t.contact_name || t.contact_phone
      ? caseForm(user, t.id, 'delete-contact', `${A.deleteContact}…`, '', 'danger')
      : '';
  return reject || erase ? more(P.dangerZone, html`${reject}${erase}`) : '';
}

// Only a citizen who agreed may see their case on /phan-anh, and then only in the agency's words.
function publicationForm(user: StaffPrincipal, v: CaseView): SafeHtml | string {
  const t = v.ticket;
  if (t.publish_consent !== true) return html`<p class="muted">${P.publication.notAgreed}</p>`;
  const state = t.public_summary ? P.publication.published : P.publication.waiting;
  return more(
    P.publication.title,
    html`<p class="muted">${state}</p>
      ${caseForm(user, t.id, 'public-summary', P.publication.approve, html`<label for="summary">${P.publication.label}</label><textarea id="summary" name="summary" rows="3" required maxlength="2000">${t.public_summary ?? ''}</textarea>`, 'secondary')}`,
  );
}

/** The action panel beside the case: delivery of messages to the citizen, answer first, other actions folded. */
export function casePanel(user: StaffPrincipal, v: CaseView, prefill: string): SafeHtml {
  const open = isOpenStatus(v.ticket.status);
  return html`<aside class="card panel o2" aria-labelledby="panel-h">
    <h2 id="panel-h">${P.panelTitle}</h2>
    <h3>${D.title}</h3>
    ${deliveryList(v.deliveries)}
    ${open ? openActions(user, v, prefill) : html`<p class="muted">${P.closedNote}</p>`}
    ${more(A.note, caseForm(user, v.ticket.id, 'note', A.note, html`<label for="note">${A.noteLabel}</label><textarea id="note" name="note" rows="2" required maxlength="4000"></textarea>`, 'secondary'))}
    ${publicationForm(user, v)} ${dangerActions(user, v)}
  </aside>`;
}
