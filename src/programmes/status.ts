import { addDaysIso } from '../tickets/sla/holidays';

/** The derived status of a programme item (labels in src/i18n/programmes.vi.ts). */
export type ItemStatus = 'not_started' | 'on_track' | 'late' | 'done' | 'done_late';

/** Every status, in the order pages list them. */
export const ITEM_STATUSES: readonly ItemStatus[] = ['not_started', 'on_track', 'late', 'done', 'done_late'];

/** Points of progress an item may trail its schedule by and still count as on time. */
export const PROGRESS_TOLERANCE = 10;

/** Which days are working days (the tickets' calendar: weekends and the holidays table). */
export interface DayCalendar {
  isWorkingDay(day: string): boolean;
}

/** One progress report as the rule reads it: an ISO date and a percent and/or a measured value. */
export interface ReportPoint {
  reportedOn: string;
  percent: number | null;
  value: number | null;
}

/** What the status of one item depends on; dates are ISO civil dates in Vietnam. */
export interface StatusInput {
  kind: 'target' | 'task';
  startOn: string | null;
  deadline: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  /** In any order. */
  reports: readonly ReportPoint[];
  today: string;
}

/** The derived status with the figures behind it. */
export interface StatusResult {
  status: ItemStatus;
  /** 0–100, from the latest report; null when nothing was reported. */
  progress: number | null;
  /** Where the schedule says the item should be today (0–100), when it has a start and a deadline. */
  expected: number | null;
  /** The deadline moved to the next working day when it falls on a day off. */
  effectiveDeadline: string | null;
  /** The date the item reached 100 % for good. */
  completedOn: string | null;
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/**
 * Progress of one report: the percent when given; otherwise, for a target with a baseline and a target value,
 * how far the value has moved from the baseline towards the target (works for targets that go down too).
 */
export function reportProgress(
  r: ReportPoint,
  item: Pick<StatusInput, 'baselineValue' | 'targetValue'>,
): number | null {
  if (r.percent !== null) return clamp(r.percent);
  if (r.value === null || item.targetValue === null) return null;
  const base = item.baselineValue ?? 0;
  if (item.targetValue === base) return r.value === base ? 100 : 0;
  return clamp(((r.value - base) / (item.targetValue - base)) * 100);
}

/** The day itself when it is a working day, else the next working day (a deadline on a day off moves). */
export function nextWorkingDay(day: string, calendar: DayCalendar): string {
  let d = day;
  for (let i = 0; i < 60 && !calendar.isWorkingDay(d); i++) d = addDaysIso(d, 1);
  return d;
}

const DAY_MS = 86_400_000;
const epochDay = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Running totals of working days from a first day: any range is then two lookups, not a walk over its days. */
class WorkingDayTotals {
  private first = 0;
  private totals: number[] = [];

  constructor(private readonly calendar: DayCalendar) {}

  // Working days in (first, first + i] at index i, over a span covering both days (grown when a day is outside).
  private cover(from: number, to: number): void {
    const last = this.first + this.totals.length - 1;
    if (this.totals.length && from >= this.first && to <= last) return;
    const start = this.totals.length ? Math.min(from, this.first) : from;
    const end = Math.max(to, this.totals.length ? last : to) + 366;
    this.first = start;
    this.totals = [0];
    for (let d = start + 1; d <= end; d++)
      this.totals.push(
        this.totals[this.totals.length - 1]! + (this.calendar.isWorkingDay(isoDay(d)) ? 1 : 0),
      );
  }

  between(from: string, to: string): number {
    const [a, b] = [epochDay(from), epochDay(to)];
    if (b <= a) return 0;
    this.cover(a, b);
    return this.totals[b - this.first]! - this.totals[a - this.first]!;
  }
}

// One set of totals per calendar object (a read of the programmes loads the calendar once and rates every item).
const totalsOf = new WeakMap<DayCalendar, WorkingDayTotals>();

/** Working days in the half-open range (from, to]; 0 when to ≤ from. */
export function workingDaysBetween(from: string, to: string, calendar: DayCalendar): number {
  let totals = totalsOf.get(calendar);
  if (!totals) totalsOf.set(calendar, (totals = new WorkingDayTotals(calendar)));
  return totals.between(from, to);
}

/** Share of the schedule elapsed by today, counted in working days (null without a start and a deadline). */
export function expectedProgress(
  startOn: string | null,
  deadline: string | null,
  today: string,
  calendar: DayCalendar,
): number | null {
  if (!startOn || !deadline || deadline <= startOn) return null;
  const total = workingDaysBetween(startOn, deadline, calendar);
  if (total === 0) return null;
  const upTo = today < deadline ? today : deadline;
  return clamp((workingDaysBetween(startOn, upTo, calendar) / total) * 100);
}

/** The first date of the final run of reports at 100 % (a later report below 100 % undoes completion). */
function completionDate(sorted: ReadonlyArray<{ on: string; progress: number | null }>): string | null {
  let since: string | null = null;
  for (const r of sorted) {
    if (r.progress === null) continue;
    if (r.progress >= 100) since ??= r.on;
    else since = null;
  }
  return since;
}

/**
 * The status rule (docs/programmes.md): done when the latest report reaches 100 % — "done late" if that happened
 * after the deadline; otherwise late once the deadline has passed; not started while nothing was reported; else
 * on time unless progress trails the working-day schedule by more than PROGRESS_TOLERANCE points. Reports dated
 * after today are ignored.
 */
export function deriveStatus(input: StatusInput, calendar: DayCalendar): StatusResult {
  const effectiveDeadline = input.deadline ? nextWorkingDay(input.deadline, calendar) : null;
  const sorted = input.reports
    .filter((r) => r.reportedOn <= input.today)
    .map((r) => ({ on: r.reportedOn, progress: reportProgress(r, input) }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const measured = sorted.filter((r) => r.progress !== null);
  const progress = measured.length ? (measured[measured.length - 1]!.progress as number) : null;
  const expected = expectedProgress(input.startOn, input.deadline, input.today, calendar);
  const completedOn = progress !== null && progress >= 100 ? completionDate(sorted) : null;
  const base = { progress, expected, effectiveDeadline, completedOn };
  if (completedOn)
    return {
      ...base,
      status: effectiveDeadline && completedOn > effectiveDeadline ? 'done_late' : 'done',
    };
  if (effectiveDeadline && input.today > effectiveDeadline) return { ...base, status: 'late' };
  // A value reported against a target with no number still shows work has begun.
  if (sorted.length === 0) return { ...base, status: 'not_started' };
  const behind = expected !== null && (progress ?? 0) + PROGRESS_TOLERANCE < expected;
  return { ...base, status: behind ? 'late' : 'on_track' };
}
