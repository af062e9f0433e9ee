import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate, migrationStatus, readMigrations, type Migration } from '../../../src/db/migrate';
import { openPGlite } from '../../../src/db/pglite.driver';

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof openPGlite>>;
  beforeAll(async () => {
    db = await openPGlite();
  });
  afterAll(async () => {
    await db.close();
  });

  it('when applied to a fresh database, then every file is applied and the extensions exist', async () => {
    const files = await readMigrations();
    const applied = await migrate(db, files);
    expect(applied).toEqual(files.map((m) => `${m.version}_${m.name}`));
    const ext = await db.query<{ extname: string }>('SELECT extname FROM pg_extension ORDER BY extname');
    expect(ext.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent', 'vector']));
    const folded = await db.query<{ f: string }>(`SELECT f_unaccent('Đường Thủy Hòa') AS f`);
    expect(folded.rows[0]?.f).toBe('Duong Thuy Hoa');
  });

  it('when applied a second time, then nothing changes', async () => {
    const before = await db.query('SELECT * FROM schema_migrations ORDER BY version');
    expect(await migrate(db)).toEqual([]);
    const after = await db.query('SELECT * FROM schema_migrations ORDER BY version');
    expect(after.rows).toEqual(before.rows);
    expect(await migrationStatus(db)).toMatchObject({ pending: [], changed: [] });
  });

  it('when an applied file was edited, then migrate refuses and status reports it', async () => {
    const files = await readMigrations();
    const edited: Migration[] = files.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/changed after it was applied/);
    expect((await migrationStatus(db, edited)).changed).toEqual([files[0]?.version]);
  });

  it('when a new file appears, then status lists it as pending and migrate applies only it', async () => {
    const files = await readMigrations();
    const extra: Migration = {
      version: '9999',
      name: 'probe',
      sql: 'CREATE TABLE probe (id int)',
      checksum: 'x',
    };
    expect((await migrationStatus(db, [...files, extra])).pending).toEqual(['9999']);
    expect(await migrate(db, [...files, extra])).toEqual(['9999_probe']);
  });

  it('when a migration fails halfway, then none of its statements remain', async () => {
    const bad: Migration = {
      version: '9998',
      name: 'broken',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
      checksum: 'y',
    };
    await expect(migrate(db, [bad])).rejects.toThrow();
    const t = await db.query<{ t: string | null }>(`SELECT to_regclass('half_done')::text AS t`);
    expect(t.rows[0]?.t).toBeNull();
    expect((await migrationStatus(db, [bad])).pending).toEqual(['9998']);
  });

  it('when two files share a version or a name is malformed, then reading fails clearly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mig-'));
    await writeFile(path.join(dir, '0001_a.sql'), 'SELECT 1');
    await writeFile(path.join(dir, '0001_b.sql'), 'SELECT 1');
    await expect(readMigrations(dir)).rejects.toThrow(/share version 0001/);
    const dir2 = await mkdtemp(path.join(os.tmpdir(), 'mig-'));
    await writeFile(path.join(dir2, 'add-things.sql'), 'SELECT 1');
    await expect(readMigrations(dir2)).rejects.toThrow(/does not match/);
  });
});
