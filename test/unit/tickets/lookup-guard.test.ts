import { memoryRateCounters } from '../../../src/http/rate-counter';
import { LookupGuard, memoryLookupFailures } from '../../../src/tickets/lookup-guard';

const MINUTE = 60_000;

function guardAt(start: number, lookupsPerMinute = 100) {
  const clock = { now: start };
  const guard = new LookupGuard(
    { perSource: memoryRateCounters('lookup', lookupsPerMinute, MINUTE), failures: memoryLookupFailures() },
    () => clock.now,
  );
  return { guard, clock };
}

async function failTimes(guard: LookupGuard, code: string, source: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await guard.failed(code, source);
}

describe('LookupGuard', () => {
  it('when a source gets the PIN wrong five times, then that pair waits a minute, then two after the sixth; other pairs are free', async () => {
    const { guard, clock } = guardAt(Date.UTC(2026, 2, 4));
    await failTimes(guard, 'TH-23456', 'addr:a', 4);
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
    await guard.failed('TH-23456', 'addr:a');
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(false);
    expect(await guard.admit('TH-23456', 'directline:citizen')).toBe(true);
    expect(await guard.admit('TH-65432', 'addr:a')).toBe(true);
    clock.now += MINUTE + 1;
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
    await guard.failed('TH-23456', 'addr:a');
    clock.now += MINUTE + 1;
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(false);
    clock.now += MINUTE;
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
  });

  it('when the right PIN comes after failures, then the pair starts again from zero', async () => {
    const { guard } = guardAt(Date.UTC(2026, 2, 4));
    await failTimes(guard, 'TH-23456', 'addr:a', 4);
    await guard.succeeded('TH-23456', 'addr:a');
    await failTimes(guard, 'TH-23456', 'addr:a', 4);
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
  });

  it('when a pair has had no failure for a day, then its count starts again from zero', async () => {
    const { guard, clock } = guardAt(Date.UTC(2026, 2, 4));
    await failTimes(guard, 'TH-23456', 'addr:a', 4);
    clock.now += 24 * 60 * MINUTE + 1;
    await failTimes(guard, 'TH-23456', 'addr:a', 4);
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
    await guard.failed('TH-23456', 'addr:a');
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(false);
  });

  it('when many failures pile up, then the wait stops growing at an hour', async () => {
    const { guard, clock } = guardAt(Date.UTC(2026, 2, 4));
    await failTimes(guard, 'TH-23456', 'addr:a', 30);
    clock.now += 60 * MINUTE - 1;
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(false);
    clock.now += 2;
    expect(await guard.admit('TH-23456', 'addr:a')).toBe(true);
  });

  it('when one source looks up more codes than its window allows, then the next attempt is refused with 429', async () => {
    const { guard } = guardAt(Date.UTC(2026, 2, 4), 3);
    for (const code of ['TH-11111', 'TH-22222', 'TH-33333'])
      expect(await guard.admit(code, 'zalo:u')).toBe(true);
    await expect(guard.admit('TH-44444', 'zalo:u')).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
    });
    expect(await guard.admit('TH-44444', 'zalo:other')).toBe(true);
  });
});
