import {
  afterVnDay,
  endOfVnDay,
  formatVnDate,
  formatVnDateTime,
  startOfVnDay,
  vnDay,
} from '../../../src/reference/vn-time';

describe('Vietnam dates', () => {
  it.each([
    ['2026-01-05T16:59:59.999Z', '2026-01-05', '05/01/2026', '23:59 05/01/2026'],
    ['2026-01-05T17:00:00.000Z', '2026-01-06', '06/01/2026', '00:00 06/01/2026'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01', '01/01/2026', '00:00 01/01/2026'],
    ['2025-12-31T16:59:00.000Z', '2025-12-31', '31/12/2025', '23:59 31/12/2025'],
    ['2028-02-28T18:30:00.000Z', '2028-02-29', '29/02/2028', '01:30 29/02/2028'],
    ['2026-07-01T02:05:00.000Z', '2026-07-01', '01/07/2026', '09:05 01/07/2026'],
  ])('when the instant is %s, then the Vietnamese day is %s, shown %s and %s', (iso, day, date, dateTime) => {
    const at = new Date(iso);
    expect(vnDay(at)).toBe(day);
    expect(formatVnDate(at)).toBe(date);
    expect(formatVnDateTime(at)).toBe(dateTime);
  });

  it.each(['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31'])(
    'when bounding the day %s, then it starts at 00:00 and ends at 23:59:59.999 in Vietnam',
    (day) => {
      expect(startOfVnDay(day).toISOString()).toBe(new Date(`${day}T00:00:00.000+07:00`).toISOString());
      expect(endOfVnDay(day).toISOString()).toBe(new Date(`${day}T23:59:59.999+07:00`).toISOString());
      expect(afterVnDay(day).getTime() - endOfVnDay(day).getTime()).toBe(1);
      expect(vnDay(startOfVnDay(day))).toBe(day);
      expect(vnDay(endOfVnDay(day))).toBe(day);
      expect(vnDay(afterVnDay(day))).not.toBe(day);
    },
  );

  it('when compared with the ICU formatter for Asia/Ho_Chi_Minh, then the dd/mm/yyyy form is the same', () => {
    const icu = (at: Date) =>
      at.toLocaleDateString('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      });
    for (let h = 0; h < 48; h++) {
      const at = new Date(Date.UTC(2026, 11, 31, h, 30));
      expect(formatVnDate(at)).toBe(icu(at));
    }
  });
});
