import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import type { PublishedRow } from '../public.repository';
import { publicLayout, vnDate } from './public-layout.view';

const p = vi.public;

/** Answered feedback, already stripped of personal data, one card each, with paging links. */
export function publishedPage(rows: PublishedRow[], page: number, hasMore: boolean): string {
  const cards = rows.map(
    (r) =>
      html`<article class="card">
        <h3>${r.category_name}${r.commune_name ? html` · ${r.commune_name}` : ''}</h3>
        <p class="muted">
          ${p.kinds[r.kind] ?? r.kind} · ${p.createdLabel}: ${vnDate(r.created_at)} · ${p.agencyLabel}:
          ${r.agency_name}
        </p>
        <p style="white-space:pre-line">${r.summary}</p>
        <h4>${p.answer} (${vnDate(r.answered_at)})</h4>
        <p style="white-space:pre-line">${r.answer}</p>
        ${r.rating !== null ? html`<p class="muted">${p.ratingLabel}: ${r.rating}/5</p>` : ''}
      </article>`,
  );
  const nav = html`<p>
    ${page > 1 ? html`<a href="/phan-anh?trang=${page - 1}">${p.newerPage}</a> ` : ''}
    ${hasMore ? html`<a href="/phan-anh?trang=${page + 1}">${p.olderPage}</a>` : ''}
  </p>`;
  return publicLayout(
    p.publishedTitle,
    html`<h2>${p.publishedTitle}</h2>
      <p>${p.publishedIntro}</p>
      ${rows.length ? cards : html`<p>${p.publishedNone}</p>`} ${nav}`,
  );
}
