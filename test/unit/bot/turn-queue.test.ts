import { KeyedSerialQueue } from '../../../src/bot/turn-queue';

/** A promise the test settles by hand, so ordering is observed without timers. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('KeyedSerialQueue', () => {
  it('when two tasks share a key, then the second starts only after the first has finished', async () => {
    const queue = new KeyedSerialQueue();
    const events: string[] = [];
    const first = gate();
    const a = queue.run('conv-1', async () => {
      events.push('a:start');
      await first.promise;
      events.push('a:end');
    });
    const b = queue.run('conv-1', async () => {
      events.push('b:start');
    });
    await Promise.resolve();
    expect(events).toEqual(['a:start']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a:start', 'a:end', 'b:start']);
    expect(queue.activeKeys).toBe(0);
  });

  it('when tasks have different keys, then they run concurrently', async () => {
    const queue = new KeyedSerialQueue();
    const first = gate();
    const events: string[] = [];
    const a = queue.run('conv-1', async () => {
      await first.promise;
      events.push('a');
    });
    await queue.run('conv-2', async () => {
      events.push('b');
    });
    expect(events).toEqual(['b']);
    first.open();
    await a;
  });

  it('when a task fails, then its caller sees the error and the next task of the key still runs', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('conv-1', async () => {
      throw new Error('hỏng');
    });
    const next = queue.run('conv-1', async () => 'tiếp');
    await expect(failing).rejects.toThrow('hỏng');
    await expect(next).resolves.toBe('tiếp');
  });
});
