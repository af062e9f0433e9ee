import { vi } from '../../i18n/strings.vi';
import { html, type SafeHtml } from '../../http/html';
import { programmesVi } from '../../i18n/programmes.vi';
import { zaloVi } from '../../i18n/zalo.vi';
import { vnDate } from '../../public/views/public-layout.view';
import type { RuleRow, UserListRow } from '../admin/admin.repository';
import type { StaffPrincipal } from '../auth.service';
import { layout } from './layout.view';
import { flashNotice } from './portal-parts.view';
import { dataTable } from '../../http/table';

const A = vi.admin;
type Agency = { id: string; name: string; kind: string; active: boolean };

/** An administration page: the admin navigation, an optional notice, then the body. */
export function adminPage(user: StaffPrincipal, title: string, body: SafeHtml, notice?: string): string {
  const nav = html`<nav class="card" aria-label="${title}">
    <a href="/portal/admin/users">${A.nav.users}</a> ·
    <a href="/portal/admin/agencies">${A.nav.agencies}</a> ·
    <a href="/portal/admin/routing">${A.nav.routing}</a> ·
    <a href="/portal/admin/categories">${A.nav.categories}</a> ·
    <a href="/portal/admin/knowledge">${A.nav.knowledge}</a> ·
    <a href="/portal/admin/questions">${A.nav.questions}</a> ·
    <a href="/portal/admin/programmes">${programmesVi.admin.nav}</a> ·
    <a href="/portal/admin/channels">${zaloVi.alerts.nav}</a>
  </nav>`;
  return layout(
    title,
    html`<h2>${title}</h2>
      ${nav}${flashNotice(notice)}${body}`,
    user,
  );
}

/** A one-button form posting to `action` with the session's CSRF token (and optional extra fields). */
export function postButton(user: StaffPrincipal, action: string, label: string, fields: unknown = '') {
  return html`<form method="post" action="${action}" style="display:inline">
    <input type="hidden" name="_csrf" value="${user.csrfToken}" />${fields}<button type="submit">
      ${label}
    </button>
  </form>`;
}

const agencyOptions = (agencies: Agency[], selected?: string | null) =>
  agencies.map(
    (a) => html`<option value="${a.id}" ${a.id === selected ? html`selected` : ''}>${a.name}</option>`,
  );

/** A two-column table (code, name) around the given rows. */
function codeNameTable(rows: unknown): SafeHtml {
  return dataTable([A.code, A.name], rows);
}

/** Accounts: list with reset/activate buttons, and the create form. */
export function usersPage(
  user: StaffPrincipal,
  users: UserListRow[],
  agencies: Agency[],
  notice?: string,
): string {
  const rows = users.map(
    (u) =>
      html`<tr>
        <td>${u.username}</td>
        <td>${u.display_name}</td>
        <td>${vi.portal.roles[u.role as 'staff'] ?? u.role}</td>
        <td>${u.agency_name ?? vi.portal.noAgency}</td>
        <td>
          ${u.active ? A.yes : A.no}${u.locked_until && u.locked_until > new Date() ? html` · ${A.locked}` : ''}
        </td>
        <td>${vnDate(u.last_login_at)}</td>
        <td>
          ${postButton(user, `/portal/admin/users/${u.id}/reset`, A.resetPassword)}
          ${postButton(user, `/portal/admin/users/${u.id}/${u.active ? 'deactivate' : 'activate'}`, u.active ? A.deactivate : A.activate)}
        </td>
      </tr>`,
  );
  const form = html`<form method="post" action="/portal/admin/users" class="card">
    <input type="hidden" name="_csrf" value="${user.csrfToken}" />
    <label for="username">${A.username}</label><input id="username" name="username" required maxlength="64" />
    <label for="displayName">${A.displayName}</label
    ><input id="displayName" name="displayName" required maxlength="200" /> <label for="role">${A.role}</label
    ><select id="role" name="role">
      ${(['staff', 'supervisor', 'admin', 'oversight'] as const).map((r) => html`<option value="${r}">${vi.portal.roles[r]}</option>`)}
    </select>
    <label for="agencyId">${A.agency}</label
    ><select id="agencyId" name="agencyId">
      <option value="">${vi.portal.noAgency}</option>
      ${agencyOptions(agencies)}
    </select>
    <p><button type="submit">${A.create}</button></p>
  </form>`;
  return adminPage(
    user,
    A.usersTitle,
    html`<div class="card">
        ${dataTable([A.username, A.displayName, A.role, A.agency, A.active, vi.portal.signIn, ''], rows)}
      </div>
      ${form}`,
    notice,
  );
}

/** Agencies: rename or switch off. */
export function agenciesPage(user: StaffPrincipal, agencies: Agency[]): string {
  const rows = agencies.map(
    (a) =>
      html`<tr>
        <td>${a.id}</td>
        <td>
          ${postButton(
            user,
            `/portal/admin/agencies/${a.id}`,
            A.save,
            html`<input
                name="name"
                value="${a.name}"
                required
                maxlength="200"
                aria-label="${A.name}"
                style="width:auto"
              />
              <label style="display:inline"
                ><input
                  type="checkbox"
                  name="active"
                  value="1"
                  ${a.active ? html`checked` : ''}
                  style="width:auto"
                />
                ${A.active}</label
              > `,
          )}
        </td>
      </tr>`,
  );
  return adminPage(user, A.agenciesTitle, html`<div class="card">${codeNameTable(rows)}</div>`);
}

/** Routing rules: change each rule's target. */
export function routingPage(
  user: StaffPrincipal,
  rules: RuleRow[],
  agencies: Agency[],
  categories: Map<string, string>,
): string {
  const yn = (v: boolean | null) => (v === null ? A.any : v ? A.yes : A.no);
  const rows = rules.map(
    (r) =>
      html`<tr>
        <td>${r.priority}</td>
        <td>${r.kind ? (vi.public.kinds[r.kind] ?? r.kind) : A.any}</td>
        <td>${r.category ? (categories.get(r.category) ?? r.category) : A.any}</td>
        <td>${yn(r.commune_known)}</td>
        <td>
          ${postButton(
            user,
            `/portal/admin/routing/${r.id}`,
            A.save,
            html`<select name="agencyId" aria-label="${A.target}">
              ${r.commune_known ? html`<option value="" ${r.to_commune ? html`selected` : ''}>${A.communeUbnd}</option>` : ''}${agencyOptions(agencies, r.to_commune ? null : r.agency_id)}
            </select> `,
          )}
        </td>
      </tr>`,
  );
  return adminPage(
    user,
    A.routingTitle,
    html`<div class="card">${dataTable(['#', A.kind, A.category, A.communeKnown, A.target], rows)}</div>`,
  );
}

/** Categories and canned answers. */
export function categoriesPage(
  user: StaffPrincipal,
  categories: Array<{ code: string; name: string }>,
  canned: Array<{ id: number; category: string | null; title: string; body: string }>,
): string {
  const names = new Map(categories.map((c) => [c.code, c.name]));
  return adminPage(
    user,
    A.categoriesTitle,
    html`<div class="card">
        ${codeNameTable(
          categories.map(
            (c) =>
              html`<tr>
                <td>${c.code}</td>
                <td>${c.name}</td>
              </tr>`,
          ),
        )}
        <form method="post" action="/portal/admin/categories">
          <input type="hidden" name="_csrf" value="${user.csrfToken}" />
          <h3>${A.addCategory}</h3>
          <label for="code">${A.code}</label><input id="code" name="code" required maxlength="60" />
          <label for="cname">${A.name}</label><input id="cname" name="name" required maxlength="200" />
          <p><button type="submit">${A.save}</button></p>
        </form>
      </div>
      <div class="card">
        <h3>${A.cannedTitle}</h3>
        <ul>
          ${canned.map(
            (c) =>
              html`<li>
                <strong>${c.title}</strong>
                (${c.category ? (names.get(c.category) ?? c.category) : A.allCategories})
                ${postButton(user, `/portal/admin/canned/${c.id}/delete`, A.delete)}<br />${c.body}
              </li>`,
          )}
        </ul>
        <form method="post" action="/portal/admin/canned">
          <input type="hidden" name="_csrf" value="${user.csrfToken}" />
          <h3>${A.addCanned}</h3>
          <label for="ccat">${A.category}</label
          ><select id="ccat" name="category">
            <option value="">${A.allCategories}</option>
            ${categories.map((c) => html`<option value="${c.code}">${c.name}</option>`)}
          </select>
          <label for="ctitle">${A.title}</label><input id="ctitle" name="title" required maxlength="200" />
          <label for="cbody">${A.body}</label
          ><textarea id="cbody" name="body" required rows="4" maxlength="4000"></textarea>
          <p><button type="submit">${A.save}</button></p>
        </form>
      </div>`,
  );
}
