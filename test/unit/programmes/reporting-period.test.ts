import { daysLeft, periodOf, previousPeriod } from '../../../src/programmes/oversight/reporting-period';

describe('reporting periods', () => {
  it.each([
    ['2026-12-01', 'month', '2026-12-01', '2026-12-31', '12/2026'],
    ['2026-02-14', 'month', '2026-02-01', '2026-02-28', '02/2026'],
    ['2028-02-29', 'month', '2028-02-01', '2028-02-29', '02/2028'],
    ['2026-11-30', 'quarter', '2026-10-01', '2026-12-31', 'Quý IV/2026'],
    ['2026-01-01', 'quarter', '2026-01-01', '2026-03-31', 'Quý I/2026'],
  ] as const)(
    'when the day is %s and reports are every %s, then the period is %s–%s (%s)',
    (day, every, start, end, label) => {
      expect(periodOf(day, every)).toEqual({ start, end, label });
    },
  );

  it('when a period starts a year, then the one before is the last of the previous year', () => {
    expect(previousPeriod(periodOf('2026-01-15', 'month'), 'month').label).toBe('12/2025');
    expect(previousPeriod(periodOf('2026-02-15', 'quarter'), 'quarter').label).toBe('Quý IV/2025');
  });

  it('when the day is the last of the period, then no days are left; five days before, five', () => {
    const p = periodOf('2026-12-26', 'month');
    expect([daysLeft('2026-12-31', p), daysLeft('2026-12-26', p), daysLeft('2027-01-01', p)]).toEqual([
      0, 5, -1,
    ]);
  });
});
