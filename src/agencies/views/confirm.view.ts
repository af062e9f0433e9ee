import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import type { StaffPrincipal } from '../auth.service';
import { layout } from './layout.view';

const C = vi.portal.confirm;

/** What a confirmation page asks about: the question, what follows, the form to repeat with confirm=1. */
export interface Confirmation {
  question: string;
  consequence: string;
  /** The action's URL (the same POST, now with confirm=1). */
  action: string;
  /** The form's fields to carry over (shown to the officer as well when `shown`). */
  fields: Record<string, string>;
  shown?: Array<[label: string, value: string]>;
  confirmLabel: string;
  cancelHref: string;
}

/**
 * A confirmation page for an action that cannot be undone: a plain form (no script, which the Content-Security-Policy
 * forbids anyway) that repeats the POST with confirm=1, and a way back that does nothing.
 */
export function confirmPage(user: StaffPrincipal, c: Confirmation): string {
  return layout(
    C.title,
    html`<div
      class="card confirm-box"
      role="alertdialog"
      aria-labelledby="confirm-h"
      aria-describedby="confirm-d"
    >
      <h2 id="confirm-h">${c.question}</h2>
      <p id="confirm-d">${c.consequence}</p>
      ${
        c.shown?.length
          ? html`<dl>
              ${c.shown.map(
                ([k, v]) =>
                  html`<dt><strong>${k}</strong></dt>
                    <dd class="pre">${v}</dd>`,
              )}
            </dl>`
          : ''
      }
      <form method="post" action="${c.action}">
        <input type="hidden" name="_csrf" value="${user.csrfToken}" />
        ${Object.entries(c.fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
        <input type="hidden" name="confirm" value="1" />
        <p class="row">
          <button type="submit" class="danger confirm">${c.confirmLabel}</button>
          <a class="button secondary" href="${c.cancelHref}">${C.cancel}</a>
        </p>
      </form>
    </div>`,
    user,
  );
}
