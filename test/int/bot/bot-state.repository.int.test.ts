import { ETagConflictError, PostgresStorage } from '../../../src/bot/bot-state.repository';
import { describeEachDriver } from '../../helpers/db';

describeEachDriver('PostgresStorage (Agents SDK Storage on Postgres)', (db) => {
  const key = (name: string) => `directline/conversations/${name}/`;

  it('when an item is written and read back, then it carries its data and a fresh eTag', async () => {
    const storage = new PostgresStorage(db());
    await storage.write({ [key('a')]: { dialogState: { dialogStack: [{ id: 'main' }] } } });
    const read = await storage.read([key('a'), key('missing')]);
    expect(Object.keys(read)).toEqual([key('a')]);
    expect(read[key('a')]).toEqual({
      dialogState: { dialogStack: [{ id: 'main' }] },
      eTag: expect.any(String),
    });
  });

  it('when a write carries the current eTag, then it succeeds and the eTag changes', async () => {
    const storage = new PostgresStorage(db());
    await storage.write({ [key('b')]: { n: 1 } });
    const first = (await storage.read([key('b')]))[key('b')];
    await storage.write({ [key('b')]: { ...first, n: 2 } });
    const second = (await storage.read([key('b')]))[key('b')];
    expect(second.n).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('when a write carries a stale eTag, then it is refused and the stored item is unchanged', async () => {
    const storage = new PostgresStorage(db());
    await storage.write({ [key('c')]: { n: 1 } });
    const stale = (await storage.read([key('c')]))[key('c')];
    await storage.write({ [key('c')]: { ...stale, n: 2 } });
    await expect(storage.write({ [key('c')]: { ...stale, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read([key('c')]))[key('c')].n).toBe(2);
  });

  it('when a write carries eTag "*" (what the SDK state classes send), then it overwrites', async () => {
    const storage = new PostgresStorage(db());
    await storage.write({ [key('d')]: { n: 1 } });
    await storage.write({ [key('d')]: { n: 5, eTag: '*' } });
    expect((await storage.read([key('d')]))[key('d')].n).toBe(5);
  });

  it('when keys are deleted, then they read as absent', async () => {
    const storage = new PostgresStorage(db());
    await storage.write({ [key('e')]: { n: 1 } });
    await storage.delete([key('e'), key('never')]);
    expect(await storage.read([key('e')])).toEqual({});
  });
});
