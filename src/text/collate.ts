/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters), the same whatever collation the
 * database server was initialised with: PGlite and a PostgreSQL server with an English or "C" locale would each
 * order names differently, so lists shown to people are sorted here.
 */
export const vietnameseCollator = new Intl.Collator('vi');

/** Sorts rows by a group key (kept in database order of first appearance) and then by name in Vietnamese order. */
export function sortByVietnameseName<T extends { name: string }>(
  rows: readonly T[],
  group?: (row: T) => string,
): T[] {
  return [...rows].sort(
    (a, b) =>
      (group ? group(a).localeCompare(group(b), 'en') : 0) || vietnameseCollator.compare(a.name, b.name),
  );
}
