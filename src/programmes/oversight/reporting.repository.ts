import type { Queryable } from '../../db/database';
import type { ReportEvery } from './reporting-period';

/** A report's stated day and the day it was filed (Vietnam time). */
export interface ReportDay {
  item_code: string;
  reported_on: string;
  filed_on: string;
}

/** How often each programme reports, by programme id. */
export async function reportCadence(db: Queryable): Promise<Map<string, ReportEvery>> {
  const r = await db.query<{ id: string; report_every: ReportEvery }>(
    'SELECT id, report_every FROM programmes',
  );
  return new Map(r.rows.map((x) => [x.id, x.report_every]));
}

/** Every report stated on or after `from`, with the day it was filed. */
export async function reportDaysSince(db: Queryable, from: string): Promise<ReportDay[]> {
  const r = await db.query<ReportDay>(
    `SELECT item_code, to_char(reported_on, 'YYYY-MM-DD') AS reported_on,
            to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS filed_on
     FROM programme_reports WHERE reported_on >= $1::date`,
    [from],
  );
  return r.rows;
}
