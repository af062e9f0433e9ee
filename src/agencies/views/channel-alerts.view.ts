import { zaloVi } from '../../i18n/zalo.vi';
import { html } from '../../http/html';
import type { ChannelAlert } from '../../tickets/notify/channel-alerts.repository';
import type { StaffPrincipal } from '../auth.service';
import { adminPage, postButton } from './admin.view';

const T = zaloVi.alerts;

/** Open channel alerts (quota, permission, grant), each with a button to mark it dealt with. */
export function channelAlertsPage(user: StaffPrincipal, alerts: ChannelAlert[]): string {
  const rows = alerts.map(
    (a) =>
      html`<tr>
        <td>${a.channel}</td>
        <td><code>${a.code}</code></td>
        <td>${a.message}</td>
        <td>${String(a.occurrences)}</td>
        <td>${a.lastAt.toISOString()}</td>
        <td>${postButton(user, `/portal/admin/channels/${a.id}/resolve`, T.resolve)}</td>
      </tr>`,
  );
  const table = alerts.length
    ? html`<table>
        <thead>
          <tr>
            <th>${T.channel}</th>
            <th>${T.code}</th>
            <th>${T.message}</th>
            <th>${T.occurrences}</th>
            <th>${T.last}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`
    : html`<p>${T.none}</p>`;
  return adminPage(
    user,
    T.title,
    html`<div class="card" role="alert">
      <p>${T.help}</p>
      ${table}
    </div>`,
  );
}
