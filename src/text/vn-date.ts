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
