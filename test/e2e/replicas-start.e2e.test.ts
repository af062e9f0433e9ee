import path from 'node:path';
import pg from 'pg';
import { collectFiles } from '../../src/knowledge/ingest/ingest.service';
import { runCli, spawnServer, type ChildServer } from '../helpers/process';
import { createEmptyServerDatabase, describeWithServer } from '../helpers/server-db';

const MIGRATE_JS = path.resolve(__dirname, '../../dist/src/migrate.cli.js');
const CORPUS = path.resolve(__dirname, '../../knowledge');

async function documentIds(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM kb_documents ORDER BY id')).rows.map(
      (r) => r.id,
    );
  } finally {
    await client.end();
  }
}

async function stopAll(servers: ChildServer[]): Promise<Array<number | null>> {
  for (const s of servers) s.child.kill('SIGTERM');
  return Promise.all(servers.map((s) => s.exited));
}

function runMigrate(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return runCli(MIGRATE_JS, ['--seed'], env);
}

describeWithServer('replicas starting together on one Postgres server', () => {
  let corpusIds: string[];
  beforeAll(async () => {
    corpusIds = (await collectFiles([CORPUS])).map((f) => path.relative(f.root, f.file)).sort();
  });

  it('when three replicas start at once on an empty database, then all become ready and the corpus is stored once', async () => {
    const database = await createEmptyServerDatabase();
    try {
      const env = { DATABASE_URL: database.url };
      const servers = await Promise.all([
        spawnServer(env, 120_000),
        spawnServer(env, 120_000),
        spawnServer(env, 120_000),
      ]);
      for (const s of servers) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
      const seeded = servers.filter((s) => s.output().includes('knowledge base seeded'));
      expect(seeded).toHaveLength(1);
      expect(await documentIds(database.url)).toEqual(corpusIds);
      expect(await stopAll(servers)).toEqual([0, 0, 0]);
    } finally {
      await database.drop();
    }
  }, 240_000);

  it('when the migration job seeds first, then replicas start without writing the corpus themselves', async () => {
    const database = await createEmptyServerDatabase();
    try {
      const env = { DATABASE_URL: database.url };
      const job = await runMigrate(env);
      expect(job).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Seeded: ${corpusIds.length} knowledge documents.`),
      });
      expect((await runMigrate(env)).out).toContain('Knowledge base already seeded.');
      const servers = await Promise.all([spawnServer(env, 120_000), spawnServer(env, 120_000)]);
      for (const s of servers) {
        expect(s.output()).not.toContain('applied migrations');
        expect(s.output()).not.toContain('knowledge base seeded');
      }
      expect(await documentIds(database.url)).toEqual(corpusIds);
      expect(await stopAll(servers)).toEqual([0, 0]);
    } finally {
      await database.drop();
    }
  }, 240_000);
});
