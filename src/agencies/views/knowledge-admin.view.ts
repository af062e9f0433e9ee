import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import type {
  DocumentListRow,
  UnansweredRow,
  UploadRow,
} from '../../knowledge/admin/knowledge-admin.repository';
import { vnDate } from '../../public/views/public-layout.view';
import type { StaffPrincipal } from '../auth.service';
import { adminPage, postButton } from './admin.view';
import { csrfField, uploadFormCard } from './portal-parts.view';
import { dataTable } from '../../http/table';
import { provinceNames } from '../../knowledge/entities/provinces';

const K = vi.admin.knowledge;
const A = vi.admin;

function uploadStatus(u: UploadRow) {
  if (u.status === 'done')
    return html`${K.status.done} (${K.outcome[u.outcome as 'added'] ?? u.outcome}, ${K.chunks(u.chunks ?? 0)})`;
  if (u.status === 'failed')
    return html`<span class="error">${K.status.failed}: ${u.error_message ?? ''}</span>`;
  return html`<span class="status">${K.status[u.status]}</span>`;
}

function uploadForm(user: StaffPrincipal, maxMb: number) {
  const field = (id: string, label: string, placeholder = '') =>
    html`<label for="${id}">${label}</label
      ><input id="${id}" name="${id}" maxlength="300" placeholder="${placeholder}" />`;
  const province = html`<label for="province">${K.province}</label>
    <input id="province" name="province" maxlength="100" list="provinces" aria-describedby="province-hint" />
    <p class="muted" id="province-hint">${K.provinceHint}</p>`;
  const form = {
    action: '/portal/admin/knowledge/upload',
    title: K.uploadTitle,
    hintId: 'file-hint',
    hint: K.uploadHint(maxMb),
    submit: K.upload,
    file: { label: K.file, accept: '.txt,.md,.html,.htm,.pdf,.docx' },
  };
  return uploadFormCard(
    user,
    form,
    html`${field('title', K.docTitle)} ${field('issuer', K.issuer)} ${field('number', K.number)}
    ${field('date', K.date, K.datePlaceholder)} ${field('source', K.source)} ${province}`,
  );
}

// One list of the province names (and the "no province" choice) for every province field of the page.
function provinceList() {
  const names = [...new Set(provinceNames().map((p) => p.name))].sort((a, b) => a.localeCompare(b, 'vi'));
  return html`<datalist id="provinces">
    <option value="${K.noProvince}"></option>
    ${names.map((n) => html`<option value="${n}"></option>`)}
  </datalist>`;
}

// The document's province as retrieval uses it, and a field to change it (empty: back to the inferred one).
function provinceCell(user: StaffPrincipal, d: DocumentListRow) {
  const shown = d.province_set ? (d.province ?? K.noProvince) : (d.inferred_province ?? '');
  const note = d.province_set
    ? html`${K.provinceSetBy(d.province_set_by)}; ${K.provinceInferred(d.inferred_province)}`
    : K.provinceInferred(d.inferred_province);
  return html`<form method="post" action="/portal/admin/knowledge/province" class="filters">
    ${csrfField(user)}
    <input type="hidden" name="id" value="${d.id}" />
    <input
      name="province"
      maxlength="100"
      list="provinces"
      value="${shown}"
      aria-label="${K.province}: ${d.title}"
      title="${K.provinceAuto}"
      style="width:10em"
    />
    <button type="submit">${A.save}</button>
    <br /><span class="muted">${note}</span>
  </form>`;
}

/** Knowledge base: upload form, the latest uploads with their ingestion status, and every document. */
export function knowledgePage(
  user: StaffPrincipal,
  uploads: UploadRow[],
  documents: DocumentListRow[],
  maxMb: number,
  notice?: string,
): string {
  const pending = uploads.some((u) => u.status === 'queued' || u.status === 'running');
  const uploadRows = uploads.map(
    (u) =>
      html`<tr>
        <td>${u.filename}</td>
        <td>${uploadStatus(u)}</td>
        <td>${u.uploaded_by_name ?? ''}</td>
        <td>${vnDate(u.created_at)}</td>
      </tr>`,
  );
  const docRows = documents.map(
    (d) =>
      html`<tr>
        <td>${d.title}<br /><span class="muted">${d.id}</span></td>
        <td>${d.number ?? ''}</td>
        <td>${d.date ?? ''}</td>
        <td>${d.chunks}</td>
        <td>${provinceCell(user, d)}</td>
        <td>
          ${postButton(user, '/portal/admin/knowledge/delete', K.remove, html`<input type="hidden" name="id" value="${d.id}" />`)}
        </td>
      </tr>`,
  );
  return adminPage(
    user,
    K.title,
    html`${uploadForm(user, maxMb)}
      <section class="card" aria-labelledby="uploads-h">
        <h3 id="uploads-h">${K.uploadsTitle}</h3>
        ${pending ? html`<p role="status">${K.pending} <a href="/portal/admin/knowledge">${K.refresh}</a></p>` : ''}
        ${
          uploads.length === 0
            ? html`<p class="muted">${K.noUploads}</p>`
            : dataTable([K.file, K.statusLabel, K.by, K.when], uploadRows)
        }
      </section>
      <section class="card" aria-labelledby="docs-h">
        <h3 id="docs-h">${K.documentsTitle(documents.length)}</h3>
        ${dataTable([K.docTitle, K.number, K.date, K.chunkCount, K.province, ''], docRows)}
      </section>
      ${provinceList()}`,
    notice,
  );
}

function publishForm(user: StaffPrincipal, q: UnansweredRow) {
  return html`<form method="post" action="/portal/admin/questions/${q.id}/publish">
    ${csrfField(user)}
    <label for="q-${q.id}">${K.questionLabel}</label>
    <textarea id="q-${q.id}" name="question" required rows="2" maxlength="1000">${q.question}</textarea>
    <label for="a-${q.id}">${K.answerLabel}</label>
    <textarea id="a-${q.id}" name="answer" required rows="4" maxlength="8000"></textarea>
    <label for="i-${q.id}">${K.issuer}</label><input id="i-${q.id}" name="issuer" maxlength="200" />
    <p><button type="submit">${K.publish}</button></p>
  </form>`;
}

/** Questions the bot could not answer: most asked first, each with a form to publish an answer. */
export function questionsPage(
  user: StaffPrincipal,
  status: UnansweredRow['status'],
  questions: UnansweredRow[],
  notice?: string,
): string {
  const tabs = (['open', 'answered', 'dismissed'] as const).map((s) =>
    s === status
      ? html`<strong aria-current="page">${K.questionStatus[s]}</strong>`
      : html`<a href="/portal/admin/questions?trang-thai=${s}">${K.questionStatus[s]}</a>`,
  );
  const items = questions.map(
    (q) =>
      html`<li class="card">
        <p><strong>${q.question}</strong></p>
        <p class="muted">${K.asked(q.asked_count)} · ${K.lastAsked} ${vnDate(q.last_asked_at)}</p>
        ${
          q.status === 'open'
            ? html`${publishForm(user, q)}
              ${postButton(user, `/portal/admin/questions/${q.id}/dismiss`, K.dismiss)}`
            : q.document_id
              ? html`<p>${K.publishedAs} <code>${q.document_id}</code></p>`
              : ''
        }
      </li>`,
  );
  return adminPage(
    user,
    K.questionsTitle,
    html`<p class="card">${K.questionsIntro}</p>
      <nav class="card" aria-label="${K.questionsTitle}">${tabs[0]} · ${tabs[1]} · ${tabs[2]}</nav>
      ${
        questions.length === 0
          ? html`<p class="card muted">${K.noQuestions}</p>`
          : html`<ul class="plain">
              ${items}
            </ul>`
      }`,
    notice,
  );
}
