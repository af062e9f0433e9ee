import type { Express } from 'express';
import request from 'supertest';
import type { AuthService } from '../../../src/agencies/auth.service';
import { portalRoutes } from '../../../src/agencies/portal.routes';
import { createApp } from '../../../src/app';
import type { Database } from '../../../src/db/database';
import { createProgrammes, type ProgrammesModule } from '../../../src/programmes/programmes.module';
import { memoryLogger, testConfig } from '../../helpers/app';

/** The programmes module with its demo programme, behind the portal and the public routes, at a fixed instant. */
export async function programmesPortal(
  db: Database,
  auth: AuthService,
  now: Date,
): Promise<{ programmes: ProgrammesModule; app: Express }> {
  const { logger } = memoryLogger('silent');
  const programmes = createProgrammes({ db, config: testConfig(), logger, clock: () => now });
  await programmes.seedDemoIfEmpty();
  const app = createApp({
    config: testConfig(),
    db,
    logger,
    routers: [
      portalRoutes({ auth, agencyName: async () => null, routers: programmes.portalRouters }),
      ...programmes.routers,
    ],
  });
  return { programmes, app };
}

/** A signed-in officer's page request (`who` is the username whose cookie is in `cookie`). */
export function staffGet(app: Express, cookie: Record<string, string>, who: string, url: string) {
  return request(app).get(url).set('Cookie', cookie[who]!).set('Accept', 'text/html');
}

/** The CSRF token a portal page carries. */
export const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? 'none';
