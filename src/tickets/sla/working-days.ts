import { endOfVnDay, vnDay } from '../../reference/vn-time';
import { addDaysIso, weekdayIso } from './holidays';

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
