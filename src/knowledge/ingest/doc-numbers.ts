import { foldDiacritics, normalizeText } from '../../text/normalize';

// Document kinds as written out and as abbreviated in numbers (58-NQ/TW, 610-KL/TU, 05-CT/TW, 123/CTr-UBND).
const KIND_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/nghi quyet/, 'nq'],
  [/ket luan/, 'kl'],
  [/chi thi/, 'ct'],
  [/quyet dinh/, 'qd'],
  [/chuong trinh/, 'ctr'],
  [/ke hoach/, 'kh'],
  [/thong bao/, 'tb'],
  [/huong dan/, 'hd'],
  [/nghi dinh/, 'nd'],
  [/thong tu/, 'tt'],
];
const KIND_ABBREVIATIONS = new Set(['nq', 'kl', 'ct', 'qd', 'ctr', 'kh', 'tb', 'hd', 'nd', 'tt']);

const NAMED =
  /\b(nghi quyet|ket luan|chi thi|quyet dinh|chuong trinh|ke hoach|thong bao|huong dan|nghi dinh|thong tu)(?: so)? (\d{1,5})\b/g;
const CODED = /\b(\d{1,5})(?:\/\d{4})?\s?[-/]\s?([a-z]{2,3})\b(?:\s?[-/]\s?([a-z0-9]+))?/g;

function fold(text: string): string {
  return foldDiacritics(normalizeText(text)).toLowerCase();
}

/**
 * Document-number tokens named in a text: "Nghị quyết số 58" and "58-NQ/TW" both give "nq:58"; the full
 * form also gives "58-nq/tw", so a question quoting the exact number prefers that document.
 */
export function docNumberTokens(text: string): string[] {
  const folded = fold(text);
  const out = new Set<string>();
  for (const m of folded.matchAll(NAMED)) {
    const kind = KIND_WORDS.find(([re]) => re.test(m[1] as string))?.[1];
    if (kind) out.add(`${kind}:${Number(m[2])}`);
  }
  for (const m of folded.matchAll(CODED)) {
    const kind = m[2] as string;
    if (!KIND_ABBREVIATIONS.has(kind)) continue;
    out.add(`${kind}:${Number(m[1])}`);
    if (m[3]) out.add(`${Number(m[1])}-${kind}/${m[3]}`);
  }
  return [...out];
}

/** The numbers as printed ("58-NQ/TW", "Chương trình số 123"), for a document's metadata. */
export function docNumbersAsPrinted(text: string): string[] {
  const out = new Set<string>();
  const coded = /\b\d{1,5}(?:\/\d{4})?-(?:NQ|KL|CT|QĐ|CTr|KH|TB|HD|NĐ|TT)(?:\/[A-ZĐ0-9]+)?\b/gu;
  for (const m of normalizeText(text).matchAll(coded)) out.add(m[0]);
  return [...out];
}
