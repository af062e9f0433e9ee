import { vi } from '../../i18n/strings.vi';
import { html, SafeHtml } from '../../http/html';
import { PAGE_STYLE } from '../../http/page-style';
import { formatVnDate } from '../../reference/vn-time';

const NAV: Array<[string, string]> = [
  ['/', vi.public.nav.chat],
  ['/tra-cuu', vi.public.nav.track],
  ['/phan-anh', vi.public.nav.published],
  ['/thong-ke', vi.public.nav.stats],
];

/** The shell of the public pages: site title, navigation, content; `head` adds scripts. */
export function publicLayout(title: string, content: SafeHtml, head: SafeHtml = html``): string {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${vi.public.siteTitle}</title>
        <style>
          ${new SafeHtml(PAGE_STYLE)}
        </style>
        ${head}
      </head>
      <body>
        <a class="skip" href="#main">${vi.portal.skipToContent}</a>
        <header>
          <h1>${vi.public.siteTitle}</h1>
          <nav aria-label="${vi.public.siteTitle}">
            ${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}
          </nav>
        </header>
        <main id="main">${content}</main>
      </body>
    </html>`.value;
}

/** dd/mm/yyyy in Vietnam's time zone, or a dash when there is no date. */
export function vnDate(at: Date | null | undefined): string {
  return at ? formatVnDate(at) : vi.public.noData;
}
