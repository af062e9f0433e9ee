import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import { layout } from './layout.view';

/** The sign-in form; `error` is a Vietnamese message shown above it; `next` is where to land after sign-in. */
export function loginPage(csrf: string, error?: string, username = '', next = '/portal'): string {
  const action = next === '/portal' ? '/portal/login' : `/portal/login?next=${encodeURIComponent(next)}`;
  return layout(
    vi.portal.signInTitle,
    html`<div class="card narrow">
      <h2>${vi.portal.signInTitle}</h2>
      <p>${vi.portal.signInIntro}</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="${action}" novalidate>
        <input type="hidden" name="_csrf" value="${csrf}" />
        <label for="username">${vi.portal.username}</label>
        <input id="username" name="username" autocomplete="username" required value="${username}" />
        <label for="password">${vi.portal.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p><button type="submit">${vi.portal.signIn}</button></p>
      </form>
    </div>`,
  );
}
