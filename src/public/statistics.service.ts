import { vi } from '../i18n/strings.vi';
import type { AgencyStats, PublicRepository } from './public.repository';
import { systemClock, type Clock } from '../reference/clock';

/** The statistics table: one row per agency plus the province total. */
export interface StatisticsReport {
  from: Date;
  to: Date;
  agencies: AgencyStats[];
  total: AgencyStats;
}

function totalOf(rows: AgencyStats[]): AgencyStats {
  const sum = (k: keyof AgencyStats) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const answeredOnTime = sum('answeredOnTime');
  const decided = sum('answered') + sum('overdueNow');
  const ratings = sum('ratings');
  const weighted = rows.reduce((n, r) => n + (r.satisfaction ?? 0) * r.ratings, 0);
  return {
    agencyId: '',
    agencyName: vi.public.statsTotal,
    received: sum('received'),
    answered: sum('answered'),
    answeredOnTime,
    overdueNow: sum('overdueNow'),
    onTimeRate: decided ? Math.round((answeredOnTime / decided) * 10_000) / 10_000 : null,
    // A median of medians is not a median; the province-wide figure is left to the per-agency rows.
    medianDaysToAnswer: null,
    satisfaction: ratings ? Math.round((weighted / ratings) * 100) / 100 : null,
    ratings,
  };
}

/** Public accountability figures per agency, as a table and as CSV. */
export class StatisticsService {
  constructor(
    private readonly repo: PublicRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Figures for tickets received between `from` (inclusive) and `to` (exclusive). */
  async report(from: Date, to: Date): Promise<StatisticsReport> {
    const agencies = await this.repo.agencyStats(this.clock(), from, to);
    return { from, to, agencies, total: totalOf(agencies) };
  }

  /** The same table as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese correctly). */
  toCsv(report: StatisticsReport): string {
    const c = vi.public.statsColumns;
    const header = [c.agency, c.received, c.answered, c.onTime, c.medianDays, c.satisfaction, c.overdue];
    const rows = [...report.agencies, report.total].map((r) => [
      r.agencyName,
      r.received,
      r.answered,
      r.onTimeRate === null ? '' : (r.onTimeRate * 100).toFixed(1),
      r.medianDaysToAnswer ?? '',
      r.satisfaction ?? '',
      r.overdueNow,
    ]);
    const cell = (v: unknown) => {
      const s = String(v);
      // Quote when needed; a leading = + - @ would be read as a formula by spreadsheets.
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  }
}
