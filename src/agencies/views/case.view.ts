import { uploadIdOf } from '../../http/upload-url';
import { vi } from '../../i18n/strings.vi';
import { html, type SafeHtml } from '../../http/html';
import { vnDate } from '../../public/views/public-layout.view';
import { formatVnDateTime } from '../../reference/vn-time';
import type { StaffPrincipal } from '../auth.service';
import type { HistoryRow } from '../casework/casework.repository';
import type { CaseView } from '../casework/casework.service';
import { casePanel } from './case-panel.view';
import { layout } from './layout.view';

const P = vi.portal;

/** Who made a history entry, in words: the citizen, the system, or the officer's display name. */
export function actorLabel(e: Pick<HistoryRow, 'actor' | 'actor_name'>): string {
  const known = P.actors[e.actor];
  if (known) return known;
  if (e.actor.startsWith('staff:')) return e.actor_name ?? e.actor.slice('staff:'.length);
  return e.actor || P.unknownActor;
}

// Messages are numbered in text, not by list markers: a marker sits outside its box and a scrolling pane (or a
// <details>) clips it, which showed "10." as "0.".
function transcriptCard(v: CaseView): SafeHtml {
  if (!v.transcript) return html`<section class="card o3"><p class="muted">${P.noTranscript}</p></section>`;
  return html`<section class="card scroll-y o3" aria-labelledby="chat-h">
    <h3 id="chat-h">${P.transcript(v.transcript.length)}</h3>
    <p class="muted">${P.transcriptNote}</p>
    <ol class="chat">
      ${v.transcript.map(
        (l, i) =>
          html`<li class="${l.from}">
            <div class="meta">
              <span class="seq">${i + 1}</span> · <strong>${P.speaker[l.from]}</strong> ·
              ${formatVnDateTime(l.at)}${l.attachments ? html` · ${P.withFiles(l.attachments)}` : ''}
            </div>
            <div class="pre">${l.text}</div>
          </li>`,
      )}
    </ol>
  </section>`;
}

// Our uploads are served to staff through the portal (agency checked), never by their raw URL; photos show as
// thumbnails. Links elsewhere stay links: the page's Content-Security-Policy loads images from this site only.
function attachmentsBlock(v: CaseView): SafeHtml | string {
  const t = v.ticket;
  if (!t.attachments.length) return '';
  const item = (a: CaseView['ticket']['attachments'][number], i: number) => {
    const label = a.name ?? P.photo(i + 1);
    const url = a.url ?? '';
    if (uploadIdOf(url)) {
      const href = `/portal/tickets/${t.id}/tep/${i}`;
      return a.contentType?.startsWith('image/')
        ? html`<li>
            <a href="${href}" target="_blank"
              ><img src="${href}" alt="${P.photo(i + 1)}: ${label}" loading="lazy"
            /></a>
          </li>`
        : html`<li><a href="${href}" target="_blank">${label}</a></li>`;
    }
    if (/^https?:\/\//i.test(url))
      return html`<li><a href="${url}" rel="noopener noreferrer" target="_blank">${label}</a></li>`;
    return html`<li>${label}</li>`;
  };
  return html`<h3>${P.attachments}</h3>
    <ul class="thumbs">
      ${t.attachments.map(item)}
    </ul>`;
}

function fact(label: string, value: unknown): SafeHtml {
  return html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

function detailsCard(v: CaseView): SafeHtml {
  const t = v.ticket;
  const contact =
    t.contact_name || t.contact_phone
      ? html`${t.contact_name ?? ''} ${t.contact_phone ?? ''}`
      : html`<span class="muted">${P.noContact}</span>`;
  const status = html`<strong>${vi.public.statuses[t.status] ?? t.status}</strong
    >${t.overdue ? html` · <strong class="error">${P.overdueBadge}</strong>` : ''}`;
  return html`<section class="card scroll-y o1" aria-labelledby="case-h">
    <h2 id="case-h">${P.caseTitle(t.tracking_code)}</h2>
    <dl class="facts">
      ${fact(P.columns.status, status)} ${fact(vi.public.kindLabel, vi.public.kinds[t.kind] ?? t.kind)}
      ${fact(P.columns.category, t.category_name)}
      ${fact(P.columns.place, t.commune_name ?? vi.public.noData)} ${fact(P.columns.agency, t.agency_name)}
      ${fact(P.columns.due, vnDate(t.resolve_due_at))}
      ${fact(P.channel, P.channels[t.origin_channel] ?? t.origin_channel)}
      ${t.location ? fact(P.location, `${t.location.address ?? ''} (${t.location.lat}, ${t.location.lon})`) : ''}
    </dl>
    <dl class="facts">${fact(P.contact, contact)}</dl>
    <h3>${P.description}</h3>
    <p class="pre">${t.description}</p>
    ${attachmentsBlock(v)}
    ${
      t.answer
        ? html`<h3>${vi.public.answer}</h3>
            <p class="pre">${t.answer}</p>`
        : ''
    }
  </section>`;
}

function historyCard(v: CaseView): SafeHtml {
  return html`<section class="card span o4" aria-labelledby="history-h">
    <h3 id="history-h">${P.history}</h3>
    <ol class="timeline">
      ${v.history.map(
        (e) =>
          html`<li>
            <strong>${formatVnDateTime(e.at)}</strong> · <span class="actor">${actorLabel(e)}</span> ·
            ${e.status ? (vi.public.statuses[e.status] ?? e.status) : (P.eventTypes[e.type] ?? e.type)}${e.note ? html` · ${e.note}` : ''}
          </li>`,
      )}
    </ol>
  </section>`;
}

/**
 * The case page. On a desktop the case details and the conversation sit side by side, each scrolling on its own,
 * beside the action panel (answer first), so an officer reads and answers without scrolling the page; on a phone
 * everything stacks: details, panel, conversation, history.
 */
export function casePage(user: StaffPrincipal, v: CaseView, prefill = ''): string {
  return layout(
    P.caseTitle(v.ticket.tracking_code),
    html`<div class="case wide">
      <div class="case-main">${detailsCard(v)} ${transcriptCard(v)} ${historyCard(v)}</div>
      ${casePanel(user, v, prefill)}
    </div>`,
    user,
  );
}
