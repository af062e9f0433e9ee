import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../src/db/connect';
import { memoryLogger, testConfig } from '../../helpers/app';
import { onServer } from '../../helpers/db';
import { createServerDatabase } from '../../helpers/server-db';

describe('opening the configured database', () => {
  it('when KNOWLEDGE_HNSW_EF_SEARCH is set, then every query of the app runs with that hnsw.ef_search', async () => {
    const server = onServer() ? await createServerDatabase() : undefined;
    const where: Record<string, string> = server
      ? { DATABASE_URL: server.url }
      : { DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'tiepdan-ef-')) };
    const db = await openDatabase(
      testConfig({ ...where, KNOWLEDGE_HNSW_EF_SEARCH: '123' }),
      memoryLogger('silent').logger,
    );
    try {
      // Several at once, so a pool opens more than one connection: each has the setting.
      const shown = await Promise.all(
        Array.from({ length: 4 }, () =>
          db.query<{ ef: string }>('SELECT current_setting($1) AS ef', ['hnsw.ef_search']),
        ),
      );
      expect(shown.map((r) => r.rows[0]?.ef)).toEqual(['123', '123', '123', '123']);
      const inTx = await db.transaction((tx) =>
        tx.query<{ ef: string }>("SELECT current_setting('hnsw.ef_search') AS ef"),
      );
      expect(inTx.rows[0]?.ef).toBe('123');
    } finally {
      await db.close();
      await server?.drop();
    }
  });
});
