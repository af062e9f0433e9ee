import { statutoryHolidays } from '../../../src/tickets/sla/holidays';
import { lunarToSolar } from '../../../src/tickets/sla/lunar-calendar';
import { afterVnDay, endOfVnDay, startOfVnDay } from '../../../src/reference/vn-time';
import { WorkingCalendar } from '../../../src/tickets/sla/working-days';

describe('lunar calendar and statutory holidays', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('when asked for Tết %i, then it is %s', (year, day) => {
    expect(lunarToSolar(1, 1, year)).toBe(day);
  });

  it('when computing Giỗ Tổ Hùng Vương, then 10/3 lunar falls on the known days', () => {
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('when listing 2026, then Tết has five days, 2/9 two days, and a Sunday holiday gets a Monday off', () => {
    const days = statutoryHolidays(2026).map((h) => h.day);
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
      ]),
    );
    expect(days).toEqual(expect.arrayContaining(['2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01']));
    expect(days).toEqual(expect.arrayContaining(['2026-09-01', '2026-09-02']));
    expect(days.filter((d) => d.startsWith('2026-02'))).toHaveLength(5);
  });
});

describe('working-day arithmetic', () => {
  const cal = new WorkingCalendar(statutoryHolidays(2026).map((h) => h.day));

  it('when a ticket arrives on Friday, then one working day later is Monday', () => {
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });

  it('when a ticket arrives just before Tết 2026, then the Tết days and the weekend are skipped', () => {
    // Friday 13 Feb → Mon 16 to Fri 20 are Tết; Sat/Sun off → first working day is Mon 23 Feb.
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('when counting ten working days across 27/4 (Giỗ Tổ, moved from Sunday), 30/4 and 1/5, then all three are skipped', () => {
    expect(cal.addWorkingDays('2026-04-24', 10)).toBe('2026-05-13');
  });

  it('when a deadline is computed from an instant late in the Vietnamese day, then the Vietnamese date counts', () => {
    // 18:30 UTC on Thursday 5 March is 01:30 on Friday 6 March in Vietnam.
    const due = cal.dueAfterWorkingDays(new Date('2026-03-05T18:30:00Z'), 1);
    expect(due.toISOString()).toBe(endOfVnDay('2026-03-09').toISOString());
    expect(due.toISOString()).toBe('2026-03-09T16:59:59.999Z');
  });

  it('when a day is a weekday outside the table, then it is a working day', () => {
    expect(cal.isWorkingDay('2026-03-10')).toBe(true);
    expect(cal.isWorkingDay('2026-03-14')).toBe(false);
  });
});

describe('Vietnam day boundaries', () => {
  it('when a civil date is given, then its start is 17:00 UTC the day before and the period ends a day later', () => {
    expect(startOfVnDay('2026-03-04').toISOString()).toBe('2026-03-03T17:00:00.000Z');
    expect(afterVnDay('2026-03-04').toISOString()).toBe('2026-03-04T17:00:00.000Z');
  });
});
