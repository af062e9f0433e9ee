import { vi } from '../../i18n/strings.vi';
import { html, type SafeHtml } from '../../http/html';
import type { TicketStatusView } from '../../ports';
import { publicLayout, vnDate } from './public-layout.view';

const p = vi.public;

// A required field of the lookup form; the browser must not remember codes or PINs.
function lookupField(name: string, label: string, attributes: SafeHtml): SafeHtml {
  return html`<label for="${name}">${label}</label>
    <input id="${name}" name="${name}" required autocomplete="off" ${attributes} />`;
}

/** The lookup form (code + PIN), with an optional error. */
export function trackingFormPage(csrf: string, error?: string, code = ''): string {
  return publicLayout(
    p.trackTitle,
    html`<div class="card narrow">
      <h2>${p.trackTitle}</h2>
      <p>${p.trackIntro}</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/tra-cuu">
        <input type="hidden" name="_csrf" value="${csrf}" />
        ${lookupField('code', p.trackingCode, html`maxlength="20" placeholder="${p.trackingCodeHint}" value="${code}"`)}
        ${lookupField('pin', p.pin, html`inputmode="numeric" pattern="[0-9]{6}" maxlength="6"`)}
        <p><button type="submit">${p.lookup}</button></p>
      </form>
    </div>`,
  );
}

function ratingForm(view: TicketStatusView, pin: string, csrf: string) {
  if (view.rating !== null) return html`<p>${p.yourRating(view.rating)}</p>`;
  return html`<h3>${p.rateHeading}</h3>
    <form method="post" action="/tra-cuu/danh-gia">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="code" value="${view.trackingCode}" />
      <input type="hidden" name="pin" value="${pin}" />
      <fieldset>
        <legend>${p.rateIntro}</legend>
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<label><input type="radio" name="rating" value="${n}" required /> ${n}</label>`,
        )}
      </fieldset>
      <label for="comment">${p.commentLabel}</label>
      <textarea id="comment" name="comment" maxlength="1000" rows="3"></textarea>
      <p><button type="submit">${p.submitRating}</button></p>
    </form>`;
}

/** A ticket's public status: facts, timeline, the answer and (once answered) the rating form. */
export function trackingResultPage(
  view: TicketStatusView,
  categoryName: string,
  pin: string,
  csrf: string,
): string {
  const answered = view.answer !== null;
  return publicLayout(
    p.ticketHeading(view.trackingCode),
    html`<div class="card">
        <h2>${p.ticketHeading(view.trackingCode)}</h2>
        <table>
          <tr>
            <th scope="row">${p.statusLabel}</th>
            <td class="status">${p.statuses[view.status] ?? view.status}</td>
          </tr>
          <tr>
            <th scope="row">${p.kindLabel}</th>
            <td>${p.kinds[view.kind] ?? view.kind}</td>
          </tr>
          <tr>
            <th scope="row">${p.categoryLabel}</th>
            <td>${categoryName}</td>
          </tr>
          <tr>
            <th scope="row">${p.agencyLabel}</th>
            <td>${view.agency.name}</td>
          </tr>
          <tr>
            <th scope="row">${p.createdLabel}</th>
            <td>${vnDate(view.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">${p.dueLabel}</th>
            <td>${vnDate(view.resolveDueAt)}</td>
          </tr>
        </table>
      </div>
      <div class="card">
        <h3>${p.timeline}</h3>
        <ol class="timeline">
          ${view.timeline.map(
            (e) =>
              html`<li>
                <strong>${vnDate(e.at)}</strong> ·
                ${p.statuses[e.status] ?? e.status}${e.note ? html` · ${e.note}` : ''}
              </li>`,
          )}
        </ol>
      </div>
      <div class="card">
        <h3>${p.answer}</h3>
        ${answered ? html`<p style="white-space:pre-line">${view.answer}</p>` : html`<p class="muted">${p.noAnswerYet}</p>`}
        ${answered ? ratingForm(view, pin, csrf) : ''}
      </div>`,
  );
}
