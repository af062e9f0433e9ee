import { memoryRateCounters } from '../../../src/http/rate-counter';
import { LookupGuard, postgresLookupFailures } from '../../../src/tickets/lookup-guard';
import { describeEachDriver } from '../../helpers/db';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describeEachDriver('lookup failures in the database', (db) => {
  const clock = { now: Date.UTC(2026, 2, 4) };
  // Two guards on one database, as two replicas have.
  const replica = () =>
    new LookupGuard(
      { perSource: memoryRateCounters('lookup', 100, MINUTE), failures: postgresLookupFailures(db()) },
      () => clock.now,
    );

  it('when wrong PINs alternate between two guards on one database, then the fifth holds the pair on both', async () => {
    const [a, b] = [replica(), replica()];
    for (const g of [a, b, a, b]) await g.failed('TH-23456', 'addr:x');
    expect(await a.admit('TH-23456', 'addr:x')).toBe(true);
    await a.failed('TH-23456', 'addr:x');
    expect(await b.admit('TH-23456', 'addr:x')).toBe(false);
    expect(await b.admit('TH-23456', 'addr:y')).toBe(true);
    clock.now += MINUTE + 1;
    expect(await b.admit('TH-23456', 'addr:x')).toBe(true);
    await b.succeeded('TH-23456', 'addr:x');
    const rows = await db().query('SELECT 1 FROM ticket_lookup_failures WHERE key = $1', ['TH-23456|addr:x']);
    expect(rows.rowCount).toBe(0);
  });

  it('when a pair has had no failure for a day, then it counts from one again and old rows are deleted', async () => {
    const g = replica();
    for (let i = 0; i < 4; i++) await g.failed('TH-34567', 'addr:x');
    await g.failed('TH-45678', 'addr:old');
    clock.now += DAY + 1;
    for (let i = 0; i < 4; i++) await g.failed('TH-34567', 'addr:x');
    expect(await g.admit('TH-34567', 'addr:x')).toBe(true);
    // A new pair's first failure sweeps the pairs forgotten since.
    await g.failed('TH-56789', 'addr:new');
    const old = await db().query('SELECT 1 FROM ticket_lookup_failures WHERE key = $1', [
      'TH-45678|addr:old',
    ]);
    expect(old.rowCount).toBe(0);
  });
});
