/**
 * Vietnamese text normalisation: the one path every piece of user text and indexed text goes through.
 *
 * - NFC, whatever the input (NFD from macOS or some Zalo clients, precomposed elsewhere).
 * - One tone-mark placement: the traditional one (hòa, thủy, khỏe), so "hoà" and "hòa" are the same word.
 * - Lower-case and common chat abbreviations expanded for matching (ko → không, đc → được).
 * - A diacritic-folded form (đ → d) for people who type without accents.
 */

// Combining tone marks: grave, acute, tilde, hook above, dot below.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;
const VOWELS = new Set([...'aăâeêioôơuưy']);
// Vowels carrying a shape diacritic take the tone mark first (ươ → on ơ).
const MARKED_VOWELS = new Set([...'ăâêôơư']);
const WORD = /[\p{L}\p{M}]+/gu;

function toneTarget(base: string): number {
  const lower = base.toLowerCase();
  let start = 0;
  // "qu" and "gi" (before another vowel) are consonant clusters: their u/i never carry the tone.
  if (lower.startsWith('qu') && lower.length > 2 && VOWELS.has(lower[2] as string)) start = 2;
  else if (lower.startsWith('gi') && lower.length > 2 && VOWELS.has(lower[2] as string)) start = 2;
  while (start < lower.length && !VOWELS.has(lower[start] as string)) start++;
  let end = start;
  while (end < lower.length && VOWELS.has(lower[end] as string)) end++;
  if (end === start) return -1;
  const group = [...lower.slice(start, end)];
  for (let i = group.length - 1; i >= 0; i--) if (MARKED_VOWELS.has(group[i] as string)) return start + i;
  if (end < lower.length) return end - 1; // closed syllable: on the last vowel (hoàn, thuận)
  if (group.length === 3) return start + 1; // oai, uya: the middle vowel
  return start; // open syllable: the first vowel (hòa, thủy, mùa)
}

/** Moves the tone mark of one syllable to its canonical vowel; other text is returned in NFC unchanged. */
export function placeToneMark(word: string): string {
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return word.normalize('NFC');
  const base = nfd.replace(TONE_MARKS, '').normalize('NFC');
  const target = toneTarget(base);
  if (target < 0) return word.normalize('NFC');
  const chars = [...base];
  chars[target] = `${chars[target]}${tones[0]}`;
  return chars.join('').normalize('NFC');
}

// Words repeat endlessly (a passage is normalised at ingest and again for every answer quoting it): the canonical
// form of each word seen is kept, bounded, instead of decomposing it again.
const canonicalWords = new Map<string, string>();
function canonicalWord(word: string): string {
  let out = canonicalWords.get(word);
  if (out === undefined) {
    out = TONE_MARK.test(word.normalize('NFD')) ? placeToneMark(word) : word;
    if (canonicalWords.size >= 50_000) canonicalWords.clear();
    canonicalWords.set(word, out);
  }
  return out;
}

/** NFC, canonical tone placement, collapsed white space; keeps case (the display form). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(WORD, canonicalWord)
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/gu, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * Chat abbreviations, as citizens type them on Zalo, mapped to the words they stand for. Single letters that are
 * also Roman numerals or units in documents (v, r, z; đk, which is both điều kiện and đăng ký) are left out.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ko: 'không',
  k: 'không',
  kh: 'không',
  khg: 'không',
  hok: 'không',
  hk: 'không',
  dc: 'được',
  đc: 'được',
  j: 'gì',
  vs: 'với',
  sđt: 'số điện thoại',
  sdt: 'số điện thoại',
  đt: 'điện thoại',
  ntn: 'như thế nào',
  bh: 'bao giờ',
  ns: 'nói',
  tp: 'thành phố',
  tx: 'thị xã',
  mn: 'mọi người',
};

/** Lower-cased, normalised text with chat abbreviations expanded: the form used for matching. */
export function normalizeForMatch(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(WORD, (w) => ABBREVIATIONS[w] ?? w);
}

/** Removes every diacritic, đ included (đ → d), keeping case: "Thiệu Toán" → "Thieu Toan". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** True when the text carries any Vietnamese diacritic (so it was not typed "without accents"). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize('NFC');
}

/** Syllable tokens of the matching form (letters and digits; punctuation dropped). */
export function syllables(text: string): string[] {
  return normalizeForMatch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Adjacent syllable pairs joined by "_": the stand-in for word segmentation ("thường_trú"). */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`);
  return out;
}
