import { lunarToSolar } from './lunar-calendar';

/** A day off for public servants, as a civil date in Vietnam (`YYYY-MM-DD`). */
export interface Holiday {
  day: string;
  name: string;
}

/** Adds days to an ISO date (calendar arithmetic, no time zone involved). */
export function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIso(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

const isWeekend = (day: string): boolean => [0, 6].includes(weekdayIso(day));

/**
 * The public holidays of one year under the Labour Code 2019, Art. 112: 1/1; Tết Nguyên đán 5 days (here the last
 * day of the old lunar year and the first four of the new one — the Government fixes the split each year, and an
 * administrator edits the table to match); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 with one
 * adjacent day (1/9, or 3/9 when 2/9 is a Monday). A holiday on a weekend gives a compensatory day on the next
 * working day (Art. 112(3)).
 */
export function statutoryHolidays(year: number): Holiday[] {
  const tet = lunarToSolar(1, 1, year);
  const nationalDay = `${year}-09-02`;
  const adjacent = weekdayIso(nationalDay) === 1 ? `${year}-09-03` : `${year}-09-01`;
  const days: Holiday[] = [
    { day: `${year}-01-01`, name: 'Tết Dương lịch' },
    { day: addDaysIso(tet, -1), name: 'Tết Nguyên đán (30 Tết)' },
    ...[0, 1, 2, 3].map((i) => ({ day: addDaysIso(tet, i), name: `Tết Nguyên đán (mùng ${i + 1})` })),
    { day: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { day: `${year}-04-30`, name: 'Ngày Chiến thắng 30/4' },
    { day: `${year}-05-01`, name: 'Ngày Quốc tế Lao động 1/5' },
    { day: nationalDay, name: 'Quốc khánh 2/9' },
    { day: adjacent, name: 'Quốc khánh (ngày liền kề)' },
  ];
  return withCompensatoryDays(days);
}

function withCompensatoryDays(days: Holiday[]): Holiday[] {
  const taken = new Set(days.map((h) => h.day));
  const out = [...days];
  for (const h of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    if (!isWeekend(h.day)) continue;
    let next = addDaysIso(h.day, 1);
    while (isWeekend(next) || taken.has(next)) next = addDaysIso(next, 1);
    taken.add(next);
    out.push({ day: next, name: `Nghỉ bù ${h.name}` });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}
