// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact; no ICU time-zone data needed.
/** Vietnam's offset from UTC in hours (ICT, UTC+7). */
export const VN_UTC_OFFSET_HOURS = 7;
const VN_OFFSET_MS = VN_UTC_OFFSET_HOURS * 3600_000;
const DAY_MS = 86_400_000;

const inVietnam = (at: Date): Date => new Date(at.getTime() + VN_OFFSET_MS);
const two = (n: number): string => String(n).padStart(2, '0');

/** The civil date in Vietnam of an instant, as `yyyy-mm-dd`. */
export function vnDay(at: Date): string {
  return inVietnam(at).toISOString().slice(0, 10);
}

/** The first instant (00:00 in Vietnam) of a civil date. */
export function startOfVnDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS);
}

/** The first instant of the civil date after `day`: the exclusive end of a period that includes `day`. */
export function afterVnDay(day: string): Date {
  return new Date(startOfVnDay(day).getTime() + DAY_MS);
}

/** The last instant (23:59:59.999 in Vietnam) of a civil date. */
export function endOfVnDay(day: string): Date {
  return new Date(afterVnDay(day).getTime() - 1);
}

/** A date as citizens read it: `dd/mm/yyyy` in Vietnam. */
export function formatVnDate(at: Date): string {
  const [y, m, d] = vnDay(at).split('-');
  return `${d}/${m}/${y}`;
}

/** `hh:mm dd/mm/yyyy` in Vietnam. */
export function formatVnDateTime(at: Date): string {
  const vn = inVietnam(at);
  return `${two(vn.getUTCHours())}:${two(vn.getUTCMinutes())} ${formatVnDate(at)}`;
}
