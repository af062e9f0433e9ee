import { JobRunner, type JobPass } from '../../../src/jobs/job-runner';
import { memoryLogger } from '../../helpers/app';

/** A pass the test finishes by hand, so "a pass is running" is a state the test holds, not a timing. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function runnerAt(iso = '2026-03-04T02:00:00Z') {
  const log = memoryLogger('error');
  const now = new Date(iso);
  return { runner: new JobRunner({ logger: log.logger, clock: () => now }), now, log };
}

describe('job runner', () => {
  it('when a job is kicked, then one pass runs at the clock’s now and the kick resolves after it', async () => {
    const { runner, now } = runnerAt();
    const seen: Date[] = [];
    runner.add({ name: 'outbox', perform: async (at) => void seen.push(at) });
    await runner.kick('outbox');
    expect(seen).toEqual([now]);
  });

  it('when kicks arrive during a pass, then they coalesce into exactly one more pass', async () => {
    const { runner } = runnerAt();
    const first = gate();
    let passes = 0;
    runner.add({
      name: 'inbound',
      perform: async () => {
        passes++;
        if (passes === 1) await first.opened;
      },
    });
    const running = runner.kick('inbound');
    const second = runner.kick('inbound');
    const third = runner.kick('inbound');
    first.open();
    await Promise.all([running, second, third]);
    expect(passes).toBe(2);
  });

  it('when a pass reports more work, then the job goes round again until it reports none', async () => {
    const { runner } = runnerAt();
    const queue = ['a', 'b', 'c'];
    const done: string[] = [];
    runner.add({
      name: 'uploads',
      perform: async (): Promise<JobPass> => {
        const next = queue.shift();
        if (next) done.push(next);
        return { more: next !== undefined };
      },
    });
    await runner.kick('uploads');
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('when a pass throws, then the error is logged with the job name, not thrown, and the next kick runs', async () => {
    const { runner, log } = runnerAt();
    let calls = 0;
    runner.add({
      name: 'escalation',
      perform: async () => {
        calls++;
        if (calls === 1) throw new Error('database unavailable');
      },
    });
    await expect(runner.kick('escalation')).resolves.toBeUndefined();
    await runner.kick('escalation');
    expect(calls).toBe(2);
    const lines = log.lines().map((l) => JSON.parse(l) as { job?: string; msg: string });
    expect(lines).toEqual([expect.objectContaining({ job: 'escalation', msg: 'background pass failed' })]);
  });

  it('when stop() is called during a pass, then it waits for that pass, and later kicks run nothing', async () => {
    const { runner } = runnerAt();
    const pass = gate();
    const events: string[] = [];
    runner.add({
      name: 'outbox',
      perform: async () => {
        events.push('pass started');
        await pass.opened;
        events.push('pass finished');
        return { more: true };
      },
    });
    void runner.kick('outbox');
    const stopped = runner.stop().then(() => events.push('stopped'));
    pass.open();
    await stopped;
    await runner.kick('outbox');
    expect(events).toEqual(['pass started', 'pass finished', 'stopped']);
  });

  it('when the runner starts, then every job runs once and interval jobs run on their timer, skipping busy ticks', async () => {
    jest.useFakeTimers();
    try {
      const { runner } = runnerAt();
      const counts = { timed: 0, busy: 0, onDemand: 0 };
      const slow = gate();
      runner.add({ name: 'timed', intervalMs: 1000, perform: async () => void counts.timed++ });
      runner.add({
        name: 'busy',
        intervalMs: 1000,
        perform: async () => {
          counts.busy++;
          await slow.opened;
        },
      });
      runner.add({ name: 'onDemand', perform: async () => void counts.onDemand++ });
      runner.start();
      await jest.advanceTimersByTimeAsync(3000);
      slow.open();
      await runner.kick('onDemand');
      expect(counts).toEqual({ timed: 4, busy: 1, onDemand: 2 });
      await runner.stop();
      await jest.advanceTimersByTimeAsync(5000);
      expect(counts).toEqual({ timed: 4, busy: 1, onDemand: 2 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('when two jobs share a name or an unknown job is kicked, then it fails loudly (a wiring mistake)', () => {
    const { runner } = runnerAt();
    runner.add({ name: 'outbox', perform: async () => undefined });
    expect(() => runner.add({ name: 'outbox', perform: async () => undefined })).toThrow(
      /already registered/,
    );
    expect(() => runner.kick('nothing')).toThrow(/no job named nothing/);
  });
});
