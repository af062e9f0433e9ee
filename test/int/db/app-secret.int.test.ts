import { ensureSecret } from '../../../src/db/app-secret.repository';
import { migrate, readMigrations } from '../../../src/db/migrate';
import { openPGlite } from '../../../src/db/pglite.driver';
import { JobRunner } from '../../../src/jobs/job-runner';
import { createTickets } from '../../../src/tickets/tickets.module';
import { memoryLogger, testConfig } from '../../helpers/app';
import { createTestDb } from '../../helpers/db';

describe('app_secret: the one table of generated secrets', () => {
  it('when a database from before the merge is migrated, then the PIN key keeps its value under tickets.pin', async () => {
    const db = await openPGlite();
    try {
      const files = await readMigrations();
      await migrate(
        db,
        files.filter((m) => m.version < '0590'),
      );
      await db.query(`INSERT INTO ticket_secrets (name, value) VALUES ('pin', 'old-pin-key')`);
      await db.query(`INSERT INTO app_secret (name, value) VALUES ('directline.token-key', 'dl-key')`);
      await migrate(db, files);
      const rows = await db.query<{ name: string; value: string }>(
        'SELECT name, value FROM app_secret ORDER BY name',
      );
      expect(rows.rows).toEqual([
        { name: 'directline.token-key', value: 'dl-key' },
        { name: 'tickets.pin', value: 'old-pin-key' },
      ]);
      const table = await db.query<{ t: string | null }>(`SELECT to_regclass('ticket_secrets')::text AS t`);
      expect(table.rows[0]?.t).toBeNull();
      // Starting the tickets area reads the moved key instead of generating a new one.
      const logger = memoryLogger().logger;
      await createTickets({
        db,
        config: testConfig(),
        logger,
        jobs: new JobRunner({ logger, clock: () => new Date() }),
      });
      const after = await db.query<{ name: string; value: string }>(
        'SELECT name, value FROM app_secret ORDER BY name',
      );
      expect(after.rows).toEqual(rows.rows);
      expect(await ensureSecret(db, 'tickets.pin', () => 'never-used')).toBe('old-pin-key');
    } finally {
      await db.close();
    }
    // A cold PGlite, every migration and the reference-data seed: slow on a busy machine.
  }, 180_000);

  it('when two starts ask for the same new secret, then both get the one value stored first', async () => {
    const db = await createTestDb();
    try {
      let n = 0;
      const generate = () => `generated-${++n}`;
      const [a, b] = await Promise.all([
        ensureSecret(db, 'test.key', generate),
        ensureSecret(db, 'test.key', generate),
      ]);
      expect(a).toBe(b);
      expect(await ensureSecret(db, 'test.key', generate)).toBe(a);
    } finally {
      await db.close();
    }
  });
});
