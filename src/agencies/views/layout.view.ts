import { vi } from '../../i18n/strings.vi';
import { html, SafeHtml } from '../../http/html';
import { PAGE_STYLE } from '../../http/page-style';
import { programmesVi } from '../../i18n/programmes.vi';
import type { StaffPrincipal } from '../auth.service';

/** The portal page shell: header with the signed-in user and a sign-out button, then the content. */
export function layout(title: string, content: SafeHtml, user?: StaffPrincipal): string {
  const who = user
    ? html`<div class="who">
          ${vi.portal.signedInAs} <strong>${user.displayName}</strong> (${vi.portal.roles[user.role]}) ·
          <a href="/portal/tien-do" style="color:#fff">${programmesVi.portal.nav}</a> ·
          <a href="/portal/account/password" style="color:#fff">${vi.portal.account.link}</a>
        </div>
        <form method="post" action="/portal/logout">
          <input type="hidden" name="_csrf" value="${user.csrfToken}" /><button class="link" type="submit">
            ${vi.portal.signOut}
          </button>
        </form>`
    : '';
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${vi.portal.title}</title>
        <style>
          ${new SafeHtml(PAGE_STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${vi.portal.skipToContent}</a>
        <header>
          <h1>${vi.portal.title}</h1>
          ${who}
        </header>
        <main id="main">${content}</main>
      </body>
    </html>`.value;
}
