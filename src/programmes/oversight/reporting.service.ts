import type { Database } from '../../db/database';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { vnDay } from '../../reference/vn-time';
import { programmeItems } from '../programme.repository';
import type { ItemView, ProgrammeService } from '../programme.service';
import { insertNotice } from './oversight.repository';
import { daysLeft, periodOf, previousPeriod, type Period } from './reporting-period';
import { reportCadence, reportDaysSince, type ReportDay } from './reporting.repository';

/** Name of the job that reminds lead agencies before each reporting period ends. */
export const PROGRAMME_REMINDER_JOB = 'programme-reminders';

/** Reminders go out this many days before a period's last day (the day its report is due). */
export const REMIND_DAYS_BEFORE = 5;

/** An item owed a report: for the last closed period (missing or filed late) or the current one. */
export interface OwedItem {
  item: ItemView;
  period: Period;
  /** The last day a report of this item was stated for, or null. */
  lastReport: string | null;
}

/** Per lead agency: items it owes reports on, missing and late reports of the last closed period. */
export interface AgencyReporting {
  agencyId: string;
  agencyName: string;
  items: number;
  missing: number;
  late: number;
  dueNow: number;
}

/** The provincial office's view of reporting across agencies. */
export interface ReportingOverview {
  today: string;
  agencies: AgencyReporting[];
  missing: OwedItem[];
  late: OwedItem[];
}

const settled = (i: ItemView) => i.status === 'done' || i.status === 'done_late';

/** Reporting periods, reminders to agencies before each period ends, and missing or late reports. */
export class ReportingService {
  constructor(
    private readonly db: Database,
    private readonly programmes: ProgrammeService,
  ) {}

  // Items that owe reports (a lead agency, not finished), each with its current and last closed period.
  private async owing(today: string) {
    const cadence = await reportCadence(this.db);
    const items = await this.programmes.withStatus(await programmeItems(this.db, null));
    const rows = items
      .filter((i) => i.lead_agency_id && !settled(i) && (!i.start_on || i.start_on <= today))
      .map((item) => {
        const every = cadence.get(item.programme_id) ?? 'month';
        const current = periodOf(today, every);
        return { item, current, previous: previousPeriod(current, every) };
      });
    const from = rows.reduce((min, r) => (r.previous.start < min ? r.previous.start : min), today);
    const byItem = new Map<string, ReportDay[]>();
    for (const d of await reportDaysSince(this.db, from))
      byItem.set(d.item_code, [...(byItem.get(d.item_code) ?? []), d]);
    return rows.map((r) => ({ ...r, days: byItem.get(r.item.code) ?? [] }));
  }

  /** Missing and late reports across agencies (the last closed period) and reports due in the current one. */
  async overview(now: Date): Promise<ReportingOverview> {
    const today = vnDay(now);
    const agencies = new Map<string, AgencyReporting>();
    const missing: OwedItem[] = [];
    const late: OwedItem[] = [];
    for (const { item, current, previous, days } of await this.owing(today)) {
      const a = agencies.get(item.lead_agency_id!) ?? {
        agencyId: item.lead_agency_id!,
        agencyName: item.lead_agency_name ?? item.lead_agency_id!,
        items: 0,
        missing: 0,
        late: 0,
        dueNow: 0,
      };
      agencies.set(a.agencyId, a);
      a.items++;
      const lastReport = item.latest_report?.reported_on ?? null;
      const inPrev = days.filter((d) => d.reported_on >= previous.start && d.reported_on <= previous.end);
      const startedBefore = !item.start_on || item.start_on <= previous.end;
      if (startedBefore && inPrev.length === 0) {
        a.missing++;
        missing.push({ item, period: previous, lastReport });
      } else if (inPrev.length && inPrev.every((d) => d.filed_on > previous.end)) {
        a.late++;
        late.push({ item, period: previous, lastReport });
      }
      if (!days.some((d) => d.reported_on >= current.start)) a.dueNow++;
    }
    const list = [...agencies.values()].sort((x, y) => y.missing + y.late - (x.missing + x.late));
    return { today, agencies: list, missing, late };
  }

  /**
   * One pass of the reminder job: within REMIND_DAYS_BEFORE of a period's end, each lead agency with items not yet
   * reported for the period gets one portal notice (once per agency and period, however often the job runs).
   */
  async remind(now: Date): Promise<number> {
    const today = vnDay(now);
    const due = new Map<string, { period: Period; programme: string; codes: string[] }>();
    for (const { item, current, days } of await this.owing(today)) {
      const left = daysLeft(today, current);
      if (left < 0 || left > REMIND_DAYS_BEFORE) continue;
      if (days.some((d) => d.reported_on >= current.start)) continue;
      const key = `reminder:${item.programme_id}:${current.start}:${item.lead_agency_id}`;
      const entry = due.get(key) ?? { period: current, programme: item.programme_title, codes: [] };
      entry.codes.push(item.code);
      due.set(key, entry);
    }
    let queued = 0;
    for (const [key, e] of due) {
      const agencyId = key.split(':').at(-1)!;
      const text = P.reporting.reminder(e.period.label, e.period.end, e.programme, e.codes);
      if (await insertNotice(this.db, { agencyId, code: null, kind: 'reminder', text, key, now })) queued++;
    }
    return queued;
  }
}
