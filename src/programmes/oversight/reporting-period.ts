/** How often a programme's lead agencies report. */
export type ReportEvery = 'month' | 'quarter';

/** A reporting period: first and last day (`YYYY-MM-DD`, Vietnam time) and its label ("12/2026", "Quý IV/2026"). */
export interface Period {
  start: string;
  end: string;
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The day `n` days after `day` (before it when negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The period a day falls in. */
export function periodOf(day: string, every: ReportEvery): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = every === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const last = every === 'month' ? month : first + 2;
  const next = last === 12 ? `${year + 1}-01-01` : `${year}-${pad(last + 1)}-01`;
  const label = every === 'month' ? `${pad(month)}/${year}` : `Quý ${ROMAN[(first - 1) / 3]}/${year}`;
  return { start: `${year}-${pad(first)}-01`, end: addDays(next, -1), label };
}

/** The period before this one. */
export function previousPeriod(p: Period, every: ReportEvery): Period {
  return periodOf(addDays(p.start, -1), every);
}

/** Days from `day` to the period's last day (0 on the last day). */
export function daysLeft(day: string, p: Period): number {
  return Math.round((Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}
