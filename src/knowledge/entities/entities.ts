import { foldDiacritics, normalizeText } from '../../text/normalize';
import { docNumberTokens } from '../ingest/doc-numbers';
import { isAmbiguousProvince, provinceNames } from './provinces';

/** A party congress named in a text: its number and whether it is the province's or the national one. */
export interface Congress {
  n: number;
  level: 'province' | 'national' | 'unknown';
}

/** The entities a question or passage names. */
export interface Entities {
  /** Province short names as displayed ("Thanh Hóa"). */
  provinces: string[];
  /** Commune names, folded and lower-case ("xuan du"). */
  communes: string[];
  congresses: Congress[];
  /** Terms of office as "2020-2025". */
  terms: string[];
  years: number[];
  /** Document-number tokens ("nq:58"). */
  docNumbers: string[];
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

/** The value of a Roman numeral (I…L, subtractive forms included), or null when it is not one. */
export function romanToNumber(text: string): number | null {
  const s = text.toLowerCase();
  if (!/^(x{0,3}|xl|l)(ix|iv|v?i{0,3})$/.test(s) || s === '') return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] as string] as number;
    const next = ROMAN[s[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

// Text is matched folded and lower-case; the original (same length) is consulted for capitals.
interface Prepared {
  original: string;
  folded: string;
}

function prepare(text: string): Prepared {
  const original = normalizeText(text);
  const folded = foldDiacritics(original).toLowerCase();
  return { original, folded };
}

function capitalAt(p: Prepared, index: number): boolean {
  if (p.folded.length !== p.original.length) return true;
  const ch = p.original[index] ?? '';
  return ch !== ch.toLowerCase();
}

function findProvinces(p: Prepared): string[] {
  const found: string[] = [];
  let rest = p.folded;
  for (const { name, folded } of provinceNames()) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${folded.replace(/ /g, '\\s+')})(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of rest.matchAll(re)) {
      const at = (m.index ?? 0) + (m[1] as string).length;
      const afterTinh = /(tinh|thanh pho|tp\.?)\s+$/.test(rest.slice(Math.max(0, at - 12), at));
      if (isAmbiguousProvince(folded) && !afterTinh && !capitalAt(p, at)) continue;
      if (!found.includes(name)) found.push(name);
      // Blank the match so "Hà Nam" is not found again inside a longer name already taken.
      rest = rest.slice(0, at) + ' '.repeat(folded.length) + rest.slice(at + folded.length);
    }
  }
  return found;
}

// Only called right after "đại hội", "lần thứ" or "khóa", where "vi" or "xi" can only be a numeral.
function numeral(raw: string): number | null {
  return /^\d+$/.test(raw) ? Number(raw) : romanToNumber(raw);
}

let congressRe: RegExp | undefined;

// "Đại hội [đại biểu] [Đảng bộ] [tỉnh] [<province>] [lần thứ|khóa] XX [của Đảng]"; an Arabic number counts only
// after "lần thứ" or "khóa" ("Đại hội đã xác định 5 quan điểm" names no congress 5).
function congressPattern(): RegExp {
  const names = provinceNames().map((p) => p.folded).join('|');
  congressRe ??= new RegExp(
    `\\bdai hoi((?: dai bieu)?(?: dang bo)?(?: (?:tinh|thanh pho))?(?: (?:${names}))?) (?:(?:lan thu|khoa) ([ivxl]{1,6}|\\d{1,2})|([ivxl]{1,6}))\\b( cua dang\\b(?! bo))?`,
    'g',
  );
  congressRe.lastIndex = 0;
  return congressRe;
}
const TERM_OF = /\b(tinh uy|dang bo tinh|bo chinh tri|trung uong|ban chap hanh trung uong)(?: dang)?(?: [a-z]+){0,2}? khoa ([ivxl]{1,6}|\d{1,2})\b/g;

function findCongresses(p: Prepared): Congress[] {
  const out: Congress[] = [];
  const push = (c: Congress) => {
    if (!out.some((o) => o.n === c.n && o.level === c.level)) out.push(c);
  };
  for (const m of p.folded.matchAll(congressPattern())) {
    const n = numeral((m[2] ?? m[3]) as string);
    if (n === null || n < 1 || n > 40) continue;
    const between = m[1] as string;
    const tail = p.folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 16);
    const province = /dang bo|tinh|thanh pho/.test(between) || /^\s*(dang bo|tinh|thanh pho)\b/.test(tail);
    push({ n, level: m[4] ? 'national' : province ? 'province' : 'unknown' });
  }
  for (const m of p.folded.matchAll(TERM_OF)) {
    const n = numeral(m[2] as string);
    if (n === null) continue;
    push({ n, level: /tinh/.test(m[1] as string) ? 'province' : 'national' });
  }
  return out;
}

function findTerms(p: Prepared): string[] {
  const out = new Set<string>();
  for (const m of p.folded.matchAll(/\bnhiem ky (?:dai hoi )?((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/g))
    out.add(`${m[1]}-${m[2]}`);
  return [...out];
}

function findCommunes(p: Prepared): string[] {
  const out = new Set<string>();
  for (const m of p.folded.matchAll(/\b(?:xa|phuong|thi tran|dac khu) ([a-z]+(?: [a-z]+){0,2})/g)) {
    const start = (m.index ?? 0) + m[0].length - (m[1] as string).length;
    const words = (m[1] as string).split(' ');
    // In edited text a name is capitalised ("xã Xuân Du và Hợp Tiến"): keep the capitalised words only.
    const hasCaps = capitalAt(p, start);
    const name = hasCaps ? takeCapitalised(p, start, words) : words.slice(0, 2);
    if (name.length > 0 && (hasCaps || p.original === p.original.toLowerCase())) out.add(name.join(' '));
  }
  return [...out];
}

function takeCapitalised(p: Prepared, start: number, words: string[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const w of words) {
    if (!capitalAt(p, at)) break;
    out.push(w);
    at += w.length + 1;
  }
  return out;
}

/** Every entity a text names: provinces, communes, congresses, terms, years and document numbers. */
export function extractEntities(text: string): Entities {
  const p = prepare(text);
  const years = new Set<number>();
  for (const m of p.folded.matchAll(/(?<![\d.,/-])((?:19[5-9]|20[0-9])\d)(?![\d.,])/g)) years.add(Number(m[1]));
  return {
    provinces: findProvinces(p),
    communes: findCommunes(p),
    congresses: findCongresses(p),
    terms: findTerms(p),
    years: [...years],
    docNumbers: docNumberTokens(text),
  };
}

/** The empty entity set. */
export function noEntities(): Entities {
  return { provinces: [], communes: [], congresses: [], terms: [], years: [], docNumbers: [] };
}
