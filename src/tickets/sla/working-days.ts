import { addDaysIso, weekdayIso } from './holidays';

// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
const VN_OFFSET_MS = 7 * 3600_000;

/** The civil date in Vietnam of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant (00:00 in Vietnam) of a civil date. */
export function startOfVnDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS);
}

/** The first instant of the civil date after `day`: the exclusive end of a period that includes `day`. */
export function afterVnDay(day: string): Date {
  return new Date(startOfVnDay(day).getTime() + 86_400_000);
}

/** The last instant (23:59:59.999 in Vietnam) of a civil date. */
export function endOfVnDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - VN_OFFSET_MS);
}

/** Weekends and a set of holidays: answers "is this a working day" and counts working days. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: Iterable<string>) {
    this.holidays = new Set(holidays);
  }

  /** True for Monday–Friday days that are not holidays. */
  isWorkingDay(day: string): boolean {
    const wd = weekdayIso(day);
    return wd !== 0 && wd !== 6 && !this.holidays.has(day);
  }

  /** The date `n` working days after `day` (the start day itself is not counted). */
  addWorkingDays(day: string, n: number): string {
    let current = day;
    let left = n;
    while (left > 0) {
      current = addDaysIso(current, 1);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Deadline at the end of the n-th working day after the instant `from`. */
  dueAfterWorkingDays(from: Date, n: number): Date {
    return endOfVnDay(this.addWorkingDays(vnDay(from), n));
  }

  /** Deadline at the end of the n-th calendar day after `from` (statutory limits counted in days). */
  dueAfterDays(from: Date, n: number): Date {
    return endOfVnDay(addDaysIso(vnDay(from), n));
  }
}
