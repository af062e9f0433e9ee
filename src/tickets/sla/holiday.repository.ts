import type { Queryable } from '../../db/database';
import type { Holiday } from './holidays';

/** Adds computed statutory holidays; days an administrator added or cancelled stay as they are. */
export async function seedHolidays(db: Queryable, holidays: readonly Holiday[]): Promise<void> {
  await db.query(
    `INSERT INTO holidays (day, name, source)
     SELECT day::date, name, 'law' FROM jsonb_to_recordset($1::jsonb) AS x(day text, name text)
     ON CONFLICT (day) DO NOTHING`,
    [JSON.stringify(holidays)],
  );
}

/** Active holidays as ISO dates. */
export async function listHolidays(db: Queryable): Promise<string[]> {
  const r = await db.query<{ day: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays WHERE NOT cancelled`,
  );
  return r.rows.map((x) => x.day);
}

/** An administrator's day off (a swapped working day, a Tết split the Government announced); replaces a computed one. */
export async function setHoliday(db: Queryable, day: string, name: string): Promise<void> {
  await db.query(
    `INSERT INTO holidays (day, name, source, cancelled) VALUES ($1::date, $2, 'admin', false)
     ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name, source = 'admin', cancelled = false`,
    [day, name],
  );
}

/** Makes a day a working day again (kept as a cancelled row so the seeder does not add it back). */
export async function cancelHoliday(db: Queryable, day: string): Promise<void> {
  await db.query(
    `INSERT INTO holidays (day, name, source, cancelled) VALUES ($1::date, 'Ngày làm việc (hủy nghỉ)', 'admin', true)
     ON CONFLICT (day) DO UPDATE SET cancelled = true, source = 'admin'`,
    [day],
  );
}
