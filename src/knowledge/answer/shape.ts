import { foldDiacritics, hasDiacritics, syllables } from '../../text/normalize';

/** What kind of fact a question asks for: a number (mấy, bao nhiêu), a day (ngày nào), a year (năm nào), any date
 * (khi nào), a person (ai), or anything. */
export type AnswerType = 'number' | 'day' | 'year' | 'date' | 'person' | 'place' | null;

/** Longest answer before the source line, in characters. */
export const MAX_ANSWER_CHARS = 400;

// Matched on the syllables joined by single spaces, with a space at each end (so " ai " is a whole word).
const DAY_Q = / (ngay nao|hom nao|ngay bao nhieu|ngay may) /;
const YEAR_Q = / (nam nao|nam bao nhieu|nam may) /;
const DATE_Q = / (khi nao|bao gio|thang nao|luc nao|thoi gian nao|thoi diem nao|dip nao) /;
const PLACE_Q = / (xa|phuong|tinh|huyen|dia phuong|dia ban) nao /;
const NUMBER_Q = / (bao nhieu|so luong|ty le|ti le) /;

/** The kind of fact the question asks for. "may" without accents counts as "mấy" only in a question without any. */
export function answerType(question: string): AnswerType {
  const said = ` ${syllables(question).join(' ')} `;
  const folded = foldDiacritics(said);
  if (DAY_Q.test(folded)) return 'day';
  if (YEAR_Q.test(folded)) return 'year';
  if (DATE_Q.test(folded)) return 'date';
  if (said.includes(' ai ')) return 'person';
  if (PLACE_Q.test(folded)) return 'place';
  if (NUMBER_Q.test(folded) || said.includes(' mấy ')) return 'number';
  if (!hasDiacritics(question) && folded.includes(' may ')) return 'number';
  return null;
}

function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.,/]\d+)*%?/g) ?? [];
}

const DAY_IN = /(\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b)|(ngày \d{1,2})/iu;
const DATE_IN = /(\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b)|(ngày \d{1,2})|(tháng \d{1,2})|(năm \d{4})|(\b(19|20)\d\d\b)/iu;
// Three or more capitalised syllables in a row: a Vietnamese full name (Nguyễn Hồng Phong), not a place (Thanh Hóa).
const NAME_IN = /\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){2,}/u;

// Years, periods and dates are not the count a "bao nhiêu" asks for: "giai đoạn 2023-2025", "ngày 05-8-2020".
const DATES = [
  /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/gu,
  /\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b/gu,
  /(?<!\p{L})(?:năm|giai đoạn|nhiệm kỳ|đến|từ|trước|sau|tháng \d{1,2})\s+(?:19|20)\d\d\b/giu,
];
function withoutDates(text: string): string {
  return DATES.reduce((t, re) => t.replace(re, ' '), text);
}

// What "bao nhiêu"/"mấy" counts ("bao nhiêu đảng viên" → "dang"), folded; null when nothing follows that names it.
const NOT_COUNTED = new Set(
  ['moi', 'la', 'thi', 'vay', 'a', 'duoc', 'roi', 'nua', 'trong', 'tai', 'o', 'cua', 'khong', 'nam', 'lan'].concat(
    ['ve', 'cho', 'de', 'voi', 'hay', 'so', 'va'],
  ),
);
const NUMBER_WORDS = 'mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu';
function countedNoun(question: string): string | null {
  const words = syllables(foldDiacritics(question));
  const at = words.findIndex((w, i) => (w === 'bao' && words[i + 1] === 'nhieu') || w === 'may');
  // "thứ mấy" asks for a rank ("xếp thứ 11"), not a count.
  if (at < 0 || words[at - 1] === 'thu') return null;
  const next = words[at + (words[at] === 'bao' ? 2 : 1)];
  return next && !NOT_COUNTED.has(next) && !/^\d/.test(next) ? next : null;
}

// A number (in digits or words) with the counted noun within the next three words: "5.409 đảng viên", "ba khâu".
function countsNoun(text: string, noun: string, asked: ReadonlySet<string>): boolean {
  const folded = foldDiacritics(text).toLowerCase();
  if (noun === 'phan') return /\d[\d.,]*\s*(?:%|phan tram)/u.test(folded);
  const re = new RegExp(
    `(?<![\\p{L}\\d])(\\d[\\d.,]*|(?:${NUMBER_WORDS})(?!\\p{L}))\\s+(?:\\S+\\s+){0,2}${noun}(?!\\p{L})`,
    'gu',
  );
  return [...folded.matchAll(re)].some((m) => !asked.has(m[1] as string));
}

/** True when the text holds a fact of the asked kind that the question did not already contain. */
export function holdsAnswer(text: string, type: AnswerType, question: string): boolean {
  if (type === null) return true;
  const asked = new Set(numbersIn(question));
  if (type === 'number') {
    const noun = countedNoun(question);
    if (noun) return countsNoun(withoutDates(text), noun, asked);
    return numbersIn(withoutDates(text)).some((n) => !asked.has(n));
  }
  const fresh = (re: RegExp) => [...text.matchAll(new RegExp(re, 'giu'))].some((m) => !numbersIn(question).some((n) => m[0].includes(n)));
  if (type === 'day') return fresh(DAY_IN);
  if (type === 'year') return fresh(/\b(19|20)\d\d\b/);
  if (type === 'date') return fresh(DATE_IN);
  if (type === 'place') return /(xã|phường|tỉnh|huyện|thành phố)\s+\p{Lu}/u.test(text);
  return NAME_IN.test(text.slice(1));
}

const years = (t: string): string[] => t.match(/\b(19|20)\d\d\b/g) ?? [];

/** How many of the years the question names the text names too. */
export function askedYearsIn(text: string, question: string): number {
  const said = new Set(years(text));
  return new Set(years(question).filter((y) => said.has(y))).size;
}

// Resolutions state their targets as "phấn đấu đến năm X …": a question about the "mục tiêu" finds them so.
const PARAPHRASES: ReadonlyArray<[string, string[]]> = [['phan dau', ['muc', 'tieu', 'muc_tieu']]];

/** A sentence's folded terms plus the terms of the phrases its wording stands for. */
export function withParaphrases(text: string, terms: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const folded = foldDiacritics(text).toLowerCase();
  const out = new Map(terms);
  for (const [phrase, means] of PARAPHRASES) if (folded.includes(phrase)) for (const t of means) out.set(`f:${t}`, 1);
  return out;
}

/**
 * How a text's years fit the question's: 0.6 when it names only other years ("năm 2020" answered with a sentence
 * about 2021), else 1.
 */
export function yearFactor(text: string, question: string): number {
  const asked = years(question);
  const said = years(text);
  if (asked.length === 0 || said.length === 0) return 1;
  return said.some((y) => asked.includes(y)) ? 1 : 0.6;
}

/** Lines that are not statements: bylines, source and photo credits, bare links. */
export function isBoilerplate(sentence: string): boolean {
  return /^(nguồn|ảnh|theo)\b[^.]{0,40}:/iu.test(sentence) || /https?:\/\//.test(sentence) || /(?<!\p{L})Ảnh:/u.test(sentence);
}

/**
 * The part of a long sentence that answers: clauses (split at semicolons, then commas) are scored by `score`,
 * and the best run of neighbouring clauses that fits `max` characters is kept, marked with "…" where cut.
 */
export function leadClause(sentence: string, score: (clause: string) => number, max = MAX_ANSWER_CHARS): string {
  if (sentence.length <= max) return sentence;
  const bySemicolon = sentence.split(/(?<=;)\s+/);
  const parts = bySemicolon.every((p) => p.length <= max) ? bySemicolon : sentence.split(/(?<=[;,])\s+/);
  let best = { from: 0, to: 0, score: -Infinity };
  for (let from = 0; from < parts.length; from++) {
    let len = 0;
    for (let to = from; to < parts.length; to++) {
      len += (parts[to] as string).length + 1;
      if (len > max) break;
      const s = parts.slice(from, to + 1).reduce((sum, p) => sum + score(p), 0) - 0.001 * len;
      if (s > best.score) best = { from, to, score: s };
    }
  }
  const text = parts.slice(best.from, best.to + 1).join(' ').replace(/[;,]$/, '');
  const cut = text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}` : text;
  return `${best.from > 0 ? '…' : ''}${cut}${best.to < parts.length - 1 || cut !== text ? '…' : ''}`;
}
