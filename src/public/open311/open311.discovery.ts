import { Router, type Request } from 'express';
import { publicHttpOrigin } from '../../http/public-origin';
import { vi } from '../../i18n/strings.vi';
import { sendObject, type Open311Format } from './open311.format';

/** What the discovery document needs. */
export interface Open311DiscoveryDeps {
  /** PUBLIC_BASE_URL; without it the address the request arrived on (development, tests). */
  publicBaseUrl?: string;
  /** When this deployment's endpoint list last changed (ISO 8601). */
  changeset?: string;
}

// The date the endpoint list below last changed; clients cache discovery on it.
const CHANGESET = '2026-12-01T00:00:00Z';

/**
 * The GeoReport v2 service discovery document (`/open311/discovery.{json|xml}`, also under `/open311/v2/`):
 * which specification is served, where, in which formats.
 */
export function open311Discovery(deps: Open311DiscoveryDeps): Router {
  const router = Router();
  const document = (req: Request) => {
    const changeset = deps.changeset ?? CHANGESET;
    return {
      changeset,
      contact: vi.public.open311Contact,
      key_service: vi.public.open311KeyService,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${publicHttpOrigin(req, deps.publicBaseUrl)}/open311/v2`,
          changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  };
  for (const path of ['/open311/discovery.:format', '/open311/v2/discovery.:format'])
    router.get(path, (req, res, next) => {
      const f = req.params.format;
      if (f !== 'json' && f !== 'xml') return next();
      sendObject(res, f as Open311Format, 'discovery', document(req));
    });
  return router;
}
