import { vi } from '../../i18n/strings.vi';
import { html } from '../../http/html';
import type { StaffPrincipal } from '../auth.service';
import { layout } from './layout.view';

/** The signed-in landing page. */
export function dashboardPage(user: StaffPrincipal, agencyName: string | null): string {
  return layout(
    vi.portal.dashboardTitle,
    html`<div class="card">
      <h2>${vi.portal.dashboardTitle}</h2>
      <p>
        <strong>${user.displayName}</strong> · ${vi.portal.roles[user.role]} ·
        ${agencyName ?? vi.portal.noAgency}
      </p>
    </div>`,
    user,
  );
}
