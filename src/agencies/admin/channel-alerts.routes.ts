import { Router } from 'express';
import { requireRole } from '../../http/access';
import type { ChannelAlertRepository } from '../../tickets/notify/channel-alerts.repository';
import { requirePortalUser, verifyCsrf } from '../portal-session.middleware';
import { channelAlertsPage } from '../views/channel-alerts.view';

/** `/portal/admin/channels`: what the channels cannot solve alone (Zalo quota, permission, grant), for administrators. */
export function channelAlertRoutes(alerts: ChannelAlertRepository, now: () => Date): Router {
  const router = Router();
  router.get('/portal/admin/channels', requirePortalUser, async (req, res) => {
    requireRole(req.staff!, 'admin');
    const page = channelAlertsPage(req.staff!, await alerts.open());
    res.type('html').set('Cache-Control', 'no-store').send(page);
  });
  router.post('/portal/admin/channels/:id/resolve', requirePortalUser, verifyCsrf, async (req, res) => {
    requireRole(req.staff!, 'admin');
    const id = Number(req.params.id);
    if (Number.isSafeInteger(id)) await alerts.resolve(id, now());
    res.redirect(303, '/portal/admin/channels');
  });
  return router;
}
