import {
  deriveStatus,
  expectedProgress,
  nextWorkingDay,
  reportProgress,
  type ReportPoint,
  type StatusInput,
} from '../../../src/programmes/status';
import { WorkingCalendar } from '../../../src/tickets/sla/working-days';

// 30/4 and 1/5/2026 (Thursday, Friday) are days off; 5/3/2026 is one only in the "holiday" calendar.
const calendar = new WorkingCalendar(['2026-04-30', '2026-05-01']);
const withHoliday = new WorkingCalendar(['2026-04-30', '2026-05-01', '2026-03-05']);

const task = (over: Partial<StatusInput>): StatusInput => ({
  kind: 'task',
  startOn: null,
  deadline: '2026-12-31',
  baselineValue: null,
  targetValue: null,
  reports: [],
  today: '2026-06-15',
  ...over,
});
const pct = (reportedOn: string, percent: number): ReportPoint => ({ reportedOn, percent, value: null });

describe('deriveStatus', () => {
  const cases: Array<[string, StatusInput, string, WorkingCalendar?]> = [
    ['when nothing was reported and the deadline is ahead, then not started', task({}), 'not_started'],
    [
      'when nothing was reported and the deadline has passed, then late',
      task({ deadline: '2026-03-31', today: '2026-04-01' }),
      'late',
    ],
    [
      'when the latest report is at 100 % before the deadline, then done',
      task({ deadline: '2026-03-31', today: '2026-06-01', reports: [pct('2026-03-20', 100)] }),
      'done',
    ],
    [
      'when 100 % was reported after the deadline, then done late',
      task({
        deadline: '2026-03-31',
        today: '2026-06-01',
        reports: [pct('2026-02-01', 60), pct('2026-04-10', 100)],
      }),
      'done_late',
    ],
    [
      'when the deadline falls on a holiday, then a report on the next working day is still on time',
      task({ deadline: '2026-04-30', today: '2026-06-01', reports: [pct('2026-05-04', 100)] }),
      'done',
    ],
    [
      'when the deadline falls on a holiday, then a report the day after the next working day is late',
      task({ deadline: '2026-04-30', today: '2026-06-01', reports: [pct('2026-05-05', 100)] }),
      'done_late',
    ],
    [
      'when today is a day off after a deadline on a day off, then the item is not late yet',
      task({ deadline: '2026-04-30', today: '2026-05-02', reports: [pct('2026-04-20', 60)] }),
      'on_track',
    ],
    [
      'when a later report falls below 100 %, then completion is undone',
      task({ reports: [pct('2026-03-01', 100), pct('2026-04-01', 80)] }),
      'on_track',
    ],
    [
      'when a report is dated after today, then it is ignored',
      task({ reports: [pct('2026-07-01', 100)] }),
      'not_started',
    ],
    [
      'when progress trails the working-day schedule by more than 10 points, then late',
      task({
        startOn: '2026-03-02',
        deadline: '2026-03-13',
        today: '2026-03-06',
        reports: [pct('2026-03-06', 30)],
      }),
      'late',
    ],
    [
      'when a holiday inside the period lowers the expected progress, then the same report is on time',
      task({
        startOn: '2026-03-02',
        deadline: '2026-03-13',
        today: '2026-03-06',
        reports: [pct('2026-03-06', 30)],
      }),
      'on_track',
      withHoliday,
    ],
    [
      'when progress is within 10 points of the schedule, then on time',
      task({
        startOn: '2026-03-02',
        deadline: '2026-03-13',
        today: '2026-03-06',
        reports: [pct('2026-03-06', 35)],
      }),
      'on_track',
    ],
    [
      'when a target value was reported against a target with no number, then work has begun',
      task({ kind: 'target', reports: [{ reportedOn: '2026-05-01', percent: null, value: 3 }] }),
      'on_track',
    ],
    [
      'when a target value reaches the target before the deadline, then done',
      task({
        kind: 'target',
        baselineValue: 10,
        targetValue: 15,
        reports: [{ reportedOn: '2026-05-01', percent: null, value: 15.2 }],
      }),
      'done',
    ],
  ];
  it.each(cases)('%s', (_name, input, expected, cal = calendar) => {
    expect(deriveStatus(input, cal).status).toBe(expected);
  });

  it('when reports come in any order, then progress is the latest one and completion its first date', () => {
    const r = deriveStatus(
      task({ reports: [pct('2026-05-01', 100), pct('2026-02-01', 40), pct('2026-04-01', 100)] }),
      calendar,
    );
    expect(r).toMatchObject({ status: 'done', progress: 100, completedOn: '2026-04-01' });
  });
});

describe('reportProgress', () => {
  const cases: Array<[string, number | null, number | null, ReportPoint, number | null]> = [
    ['a percent wins over a value', 0, 10, { reportedOn: 'x', percent: 40, value: 9 }, 40],
    ['a rising target half-way', 10, 15, { reportedOn: 'x', percent: null, value: 12.5 }, 50],
    ['a falling target half-way', 20, 10, { reportedOn: 'x', percent: null, value: 15 }, 50],
    ['beyond the target is capped at 100', 0, 90, { reportedOn: 'x', percent: null, value: 95 }, 100],
    ['below the baseline is 0', 10, 15, { reportedOn: 'x', percent: null, value: 8 }, 0],
    ['no target value: unknown', 10, null, { reportedOn: 'x', percent: null, value: 12 }, null],
  ];
  it.each(cases)('when %s', (_name, baselineValue, targetValue, report, expected) => {
    expect(reportProgress(report, { baselineValue, targetValue })).toBe(expected);
  });
});

describe('working days', () => {
  it('when a deadline falls on a public holiday before a weekend, then it moves to the Monday', () => {
    expect(nextWorkingDay('2026-04-30', calendar)).toBe('2026-05-04');
    expect(nextWorkingDay('2026-04-29', calendar)).toBe('2026-04-29');
  });

  it('when a holiday falls inside the period, then the expected share is counted in working days', () => {
    expect(expectedProgress('2026-03-02', '2026-03-13', '2026-03-06', calendar)).toBeCloseTo((4 / 9) * 100);
    expect(expectedProgress('2026-03-02', '2026-03-13', '2026-03-06', withHoliday)).toBeCloseTo(
      (3 / 8) * 100,
    );
    expect(expectedProgress(null, '2026-03-13', '2026-03-06', calendar)).toBeNull();
  });
});
