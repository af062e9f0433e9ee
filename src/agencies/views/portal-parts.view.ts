import { html, type SafeHtml } from '../../http/html';
import type { StaffPrincipal } from '../auth.service';

/** The session's CSRF token as the hidden field every portal form posts. */
export function csrfField(user: StaffPrincipal): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${user.csrfToken}" />`;
}

/** The outcome of the last action, on top of a portal page; nothing without one. */
export function flashNotice(notice?: string): SafeHtml | string {
  return notice ? html`<p class="card" role="status"><strong>${notice}</strong></p>` : '';
}

/** What an unread-notices card shows: its heading (and the heading's id), the items, where "mark read" posts. */
export interface UnreadCard {
  headingId: string;
  title: string;
  items: SafeHtml[];
  action: string;
  /** The newest notice shown: "mark read" covers it and every older one. */
  upTo: number;
  button: string;
  buttonClass?: string;
}

/** A card of unread notices (ticket notifications, followed programme items) with a "mark read" button. */
export function unreadCard(user: StaffPrincipal, card: UnreadCard): SafeHtml {
  const button = card.buttonClass
    ? html`<button type="submit" class="${card.buttonClass}">${card.button}</button>`
    : html`<button type="submit">${card.button}</button>`;
  return html`<section class="card" aria-labelledby="${card.headingId}">
    <h3 id="${card.headingId}">${card.title}</h3>
    <ul>
      ${card.items}
    </ul>
    <form method="post" action="${card.action}">
      ${csrfField(user)}<input type="hidden" name="upTo" value="${String(card.upTo)}" />
      ${button}
    </form>
  </section>`;
}

/** What an upload form holds besides its other fields: where it posts, its title, its hint, its submit label, and
 * the file it requires (a field described by the hint, first in the form). */
export interface UploadForm {
  action: string;
  title?: string;
  hintId: string;
  hint: string;
  submit: string;
  file?: { label: string; accept: string };
}

/** A card form that uploads a file (multipart): title, hint, the CSRF field, the file, the given fields, submit. */
export function uploadFormCard(
  user: StaffPrincipal,
  form: UploadForm,
  fields: SafeHtml | string = '',
): SafeHtml {
  const file = form.file
    ? html`<label for="file">${form.file.label}</label>
        <input
          id="file"
          name="file"
          type="file"
          required
          accept="${form.file.accept}"
          aria-describedby="${form.hintId}"
        />`
    : '';
  return html`<form method="post" action="${form.action}" enctype="multipart/form-data" class="card">
    ${form.title ? html`<h3>${form.title}</h3>` : ''}
    <p class="muted" id="${form.hintId}">${form.hint}</p>
    ${csrfField(user)} ${file} ${fields}
    <p><button type="submit">${form.submit}</button></p>
  </form>`;
}
