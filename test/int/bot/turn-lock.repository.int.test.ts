import { TurnLock } from '../../../src/bot/turn-lock.repository';
import { describeEachDriver } from '../../helpers/db';

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describeEachDriver('TurnLock (per-conversation lease shared by replicas)', (db) => {
  it('when another replica holds the conversation, then a turn waits until it is released', async () => {
    const replicaA = new TurnLock(db(), 30_000, 5);
    const replicaB = new TurnLock(db(), 30_000, 5);
    const events: string[] = [];
    const held = gate();
    const started = gate();
    const a = replicaA.withLock('directline/c1', async () => {
      events.push('a:start');
      started.open();
      await held.promise;
      events.push('a:end');
    });
    await started.promise;
    const b = replicaB.withLock('directline/c1', async () => {
      events.push('b');
    });
    expect(await replicaB.tryAcquire('directline/c1')).toBeUndefined();
    held.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a:start', 'a:end', 'b']);
  });

  it('when a replica died holding an expired lease, then another replica takes it over', async () => {
    const dead = new TurnLock(db(), 0);
    expect(await dead.tryAcquire('directline/c2')).toEqual(expect.any(String));
    const alive = new TurnLock(db(), 30_000);
    expect(await alive.tryAcquire('directline/c2')).toEqual(expect.any(String));
  });

  it('when different conversations are locked, then they do not wait for each other', async () => {
    const lock = new TurnLock(db());
    expect(await lock.tryAcquire('directline/c3')).toBeDefined();
    expect(await lock.tryAcquire('directline/c4')).toBeDefined();
  });
});
