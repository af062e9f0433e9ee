import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import type { StaffPrincipal } from '../auth.service';
import { layout } from './layout.view';

/** The change-password form of the signed-in user; `error` or `done` is shown above it. */
export function accountPasswordPage(
  user: StaffPrincipal,
  message?: { error?: string; done?: boolean },
): string {
  const a = vi.portal.account;
  return layout(
    a.title,
    html`<div class="card narrow">
      <h2>${a.title}</h2>
      ${user.mustChangePassword ? html`<p class="error" role="alert">${a.mustChange}</p>` : ''}
      ${message?.error ? html`<p class="error" role="alert">${message.error}</p>` : ''}
      ${message?.done ? html`<p role="status">${a.done}</p>` : ''}
      <p>${a.intro}</p>
      <form method="post" action="/portal/account/password" novalidate>
        <input type="hidden" name="_csrf" value="${user.csrfToken}" />
        <label for="current">${a.current}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">${a.next}</label>
        <input id="next" name="next" type="password" autocomplete="new-password" minlength="12" required />
        <label for="confirm">${a.confirm}</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autocomplete="new-password"
          minlength="12"
          required
        />
        <p><button type="submit">${a.submit}</button></p>
      </form>
    </div>`,
    user,
  );
}
