import request from 'supertest';
import { createApp } from '../../../src/app';
import type { Database } from '../../../src/db/database';
import { createProgrammes } from '../../../src/programmes/programmes.module';
import { insertPortalReport } from '../../../src/programmes/programme.repository';
import { seedAgencies } from '../../../src/tickets/seed.repository';
import { memoryLogger, testConfig } from '../../helpers/app';
import { createServerDatabase, describeWithServer, openReplicaDb } from '../../helpers/server-db';

const now = new Date('2026-12-01T03:00:00Z');
const TH = 'th-dai-hoi-xx';

describeWithServer('programme pages across replicas (cache keyed on the data version)', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let dbA: Database;
  let dbB: Database;
  let b: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createServerDatabase();
    [dbA, dbB] = [await openReplicaDb(database.url), await openReplicaDb(database.url)];
    await seedAgencies(dbA, '38');
    const config = testConfig();
    const { logger } = memoryLogger('silent');
    await createProgrammes({ db: dbA, config, logger, clock: () => now }).seedDemoIfEmpty();
    b = createApp({
      config,
      db: dbB,
      logger,
      routers: createProgrammes({ db: dbB, config, logger, clock: () => now }).routers,
    });
  });
  afterAll(async () => {
    await dbA?.close();
    await dbB?.close();
    await database?.drop();
  });

  it('when replica A stores a report, then replica B, which had the page and the JSON cached, serves the new status at once', async () => {
    const item = () =>
      request(b)
        .get(`/api/programmes/${TH}`)
        .expect(200)
        .then((r) => (r.body.items as Array<{ code: string }>).find((i) => i.code === 'TH-DP-01'));
    expect(await item()).toMatchObject({ status: 'on_track', progress: 18 });
    const page = () => request(b).get(`/tien-do/${TH}?trang-thai=done`).expect(200);
    expect((await page()).text).not.toContain('/tien-do/nhiem-vu/TH-DP-01"');
    await insertPortalReport(dbA, {
      code: 'TH-DP-01',
      reportedOn: '2026-11-30',
      agencyId: 'so-xay-dung',
      percent: 100,
      value: null,
      note: 'Hoàn thành',
      userId: '00000000-0000-4000-8000-000000000001',
    });
    expect(await item()).toMatchObject({ status: 'done', progress: 100 });
    expect((await page()).text).toContain('/tien-do/nhiem-vu/TH-DP-01"');
  });
});
