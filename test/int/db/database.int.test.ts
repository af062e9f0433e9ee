import { describeEachDriver } from '../../helpers/db';

describeEachDriver('database driver', (db) => {
  beforeAll(async () => {
    // Test-only scratch tables; the application's schema comes from migrations.
    await db().exec(`
      CREATE TABLE scratch (id bigserial PRIMARY KEY, label text NOT NULL, meta jsonb, n numeric);
      CREATE TABLE scratch_vec (id int PRIMARY KEY, embedding vector(3));
      CREATE INDEX ON scratch_vec USING hnsw (embedding vector_cosine_ops);
    `);
  });

  it('when a query has parameters, then values round-trip with the same JS types on both drivers', async () => {
    const inserted = await db().query<{ id: number; meta: unknown; n: number }>(
      'INSERT INTO scratch (label, meta, n) VALUES ($1, $2, $3) RETURNING id, meta, n',
      ['Phường Hạc Thành', JSON.stringify({ code: '14113', tags: ['đô thị'] }), '12.5'],
    );
    expect(inserted.rowCount).toBe(1);
    expect(typeof inserted.rows[0]?.id).toBe('number');
    expect(inserted.rows[0]?.meta).toEqual({ code: '14113', tags: ['đô thị'] });
    expect(inserted.rows[0]?.n).toBe(12.5);
    const count = await db().query<{ c: number }>('SELECT count(*) AS c FROM scratch WHERE label = $1', [
      'Phường Hạc Thành',
    ]);
    expect(count.rows[0]?.c).toBe(1);
    expect(count.rowCount).toBe(1);
    const updated = await db().query(`UPDATE scratch SET label = label WHERE label = 'no such'`);
    expect(updated.rowCount).toBe(0);
  });

  it('when a transaction body throws, then nothing it wrote remains', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.query(`INSERT INTO scratch (label) VALUES ('rolled back')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const left = await db().query(`SELECT 1 FROM scratch WHERE label = 'rolled back'`);
    expect(left.rows).toHaveLength(0);
  });

  it('when a transaction resolves, then all of its writes are committed together', async () => {
    const result = await db().transaction(async (tx) => {
      await tx.query(`INSERT INTO scratch (label) VALUES ('a-1')`);
      await tx.query(`INSERT INTO scratch (label) VALUES ('a-2')`);
      return 'done';
    });
    expect(result).toBe('done');
    const rows = await db().query<{ label: string }>(
      `SELECT label FROM scratch WHERE label LIKE 'a-%' ORDER BY label`,
    );
    expect(rows.rows.map((r) => r.label)).toEqual(['a-1', 'a-2']);
  });

  it('when transactions run concurrently, then each sees its own writes and both commit', async () => {
    await Promise.all(
      ['c-1', 'c-2', 'c-3'].map((label) =>
        db().transaction(async (tx) => {
          await tx.query('INSERT INTO scratch (label) VALUES ($1)', [label]);
          const mine = await tx.query('SELECT 1 FROM scratch WHERE label = $1', [label]);
          expect(mine.rows).toHaveLength(1);
        }),
      ),
    );
    const all = await db().query(`SELECT 1 FROM scratch WHERE label LIKE 'c-%'`);
    expect(all.rows).toHaveLength(3);
  });

  it('when vectors are stored under an HNSW index, then nearest neighbours come back in cosine order', async () => {
    await db().query(
      `INSERT INTO scratch_vec (id, embedding) VALUES (1, '[1,0,0]'), (2, '[0.9,0.1,0]'), (3, '[0,1,0]'), (4, '[0,0,1]')`,
    );
    await db().exec('SET enable_seqscan = off');
    const plan = await db().query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM scratch_vec ORDER BY embedding <=> '[1.8,0.2,0]' LIMIT 3`,
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/scratch_vec_embedding_idx/);
    const nearest = await db().query<{ id: number }>(
      `SELECT id FROM scratch_vec ORDER BY embedding <=> $1::vector LIMIT 3`,
      ['[1.8,0.2,0]'],
    );
    await db().exec('RESET enable_seqscan');
    expect(nearest.rows.map((r) => r.id)).toEqual([2, 1, 3]);
  });

  it('when text is folded in SQL, then Vietnamese diacritics and đ are removed', async () => {
    const r = await db().query<{ f: string }>('SELECT lower(f_unaccent($1)) AS f', [
      'Xã Thiệu Toán, Đông Sơn',
    ]);
    expect(r.rows[0]?.f).toBe('xa thieu toan, dong son');
  });

  it('when SQL is invalid, then the error surfaces to the caller', async () => {
    await expect(db().query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
  });
});
