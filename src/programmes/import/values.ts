import { foldDiacritics } from '../../text/normalize';

/**
 * A number as Vietnamese spreadsheets write it: ',' is the decimal mark and '.' groups thousands ("7,5" → 7.5,
 * "3.000" → 3000, "15.608,2" → 15608.2); a lone '.' that does not group thousands is a decimal point ("7.5").
 * Returns null when the text holds no number, NaN when it is not one.
 */
export function parseVnNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (t === '') return null;
  let s = t;
  if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
  else if (s.includes(',')) s = s.replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** The first number inside a free text ("tối thiểu 15%/năm" → 15, "7–7,5" → 7), or null. */
export function firstNumber(text: string): number | null {
  const m = text.match(/-?\d[\d.,]*/);
  if (!m) return null;
  const n = parseVnNumber(m[0].replace(/[.,]$/, ''));
  return n === null || Number.isNaN(n) ? null : n;
}

const isRealDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};
const pad = (n: string) => n.padStart(2, '0');

/**
 * A civil date from a cell: `YYYY-MM-DD`, `DD/MM/YYYY` (or with '-' or '.'), `MM/YYYY` (end of that month) or a
 * bare year (31 December). Returns null for an empty cell and 'invalid' for anything else.
 */
export function parseDateCell(text: string): string | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  let iso: string | undefined;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  else if ((m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)))
    iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  else if ((m = t.match(/^(\d{1,2})\/(\d{4})$/))) {
    const end = new Date(Date.UTC(Number(m[2]), Number(m[1]), 0));
    iso = Number(m[1]) >= 1 && Number(m[1]) <= 12 ? end.toISOString().slice(0, 10) : undefined;
  } else if ((m = t.match(/^(?:n[aă]m\s*)?(\d{4})$/i))) iso = `${m[1]}-12-31`;
  return iso && isRealDate(iso) && iso >= '1945-01-01' && iso <= '2100-12-31' ? iso : 'invalid';
}

/** Agency names and ids compared without case, accents or repeated spaces ("so xay dung" = "Sở Xây dựng"). */
export function agencyKey(text: string): string {
  return foldDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Splits a coordinating-agencies cell: names are separated by ';', '|' or new lines (not ',', which agency names
 * contain: "Sở Văn hóa, Thể thao và Du lịch").
 */
export function splitAgencies(text: string): string[] {
  return text
    .split(/[;|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A URL- and id-safe slug of a title (folded, lower-case, words joined by '-'), at most 80 characters. */
export function slugOf(title: string): string {
  return (
    agencyKey(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'chuong-trinh'
  );
}
