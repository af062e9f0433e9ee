import { foldDiacritics, syllables } from '../../text/normalize';
import { extractEntities, type Congress, type Entities } from './entities';

/**
 * Whether a posting term ("a:thanh_hóa", "f:tinh") is made only of the named provinces' words (and "tỉnh"): such
 * terms are checked by agreement, not by coverage, since a Thanh Hóa document need not repeat "Thanh Hóa".
 */
export function provinceTerms(e: Entities): (term: string) => boolean {
  const words = new Set(['tinh', ...e.provinces.flatMap((p) => syllables(foldDiacritics(p)))]);
  return (term) => e.provinces.length > 0 && term.slice(2).split('_').every((w) => words.has(foldDiacritics(w)));
}

/** What a passage needs for the agreement check: its chunk's entities, its document's, and the document's province. */
export interface PassageEntities {
  text: string;
  entities: Entities | null;
  docEntities: Entities | null;
  province: string | null;
}

/** One way a passage is about something else than the question: what was asked and what the passage is about. */
export interface Conflict {
  kind: 'province' | 'congress' | 'term' | 'commune';
  asked: string;
  found: string;
}

const ROMAN_DIGITS: Array<[number, string]> = [
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** A number as a Roman numeral (congresses are written so: Đại hội XX). */
export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN_DIGITS)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

const disjoint = (a: readonly unknown[], b: readonly unknown[]) => a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));

function congressNumbers(list: readonly Congress[], level: 'province' | 'national'): number[] {
  return list.filter((c) => c.level === level || (level === 'province' && c.level === 'unknown')).map((c) => c.n);
}

function congressConflict(q: Entities, chunk: Entities, doc: Entities): Conflict | null {
  for (const level of ['province', 'national'] as const) {
    const asked = congressNumbers(q.congresses, level);
    if (asked.length === 0) continue;
    // The chunk's own mentions decide; a chunk that names no congress is judged by its document's.
    const inChunk = congressNumbers(chunk.congresses, level);
    const found = inChunk.length > 0 ? inChunk : congressNumbers(doc.congresses, level);
    if (disjoint(asked, found))
      return { kind: 'congress', asked: `Đại hội ${asked.map(toRoman).join(', ')}`, found: `Đại hội ${found.map(toRoman).join(', ')}` };
  }
  return null;
}

function listConflict(kind: 'term' | 'commune', asked: string[], chunk: string[], doc: string[], label: string): Conflict | null {
  const found = chunk.length > 0 ? chunk : doc;
  if (!disjoint(asked, found)) return null;
  const show = (xs: string[]) => xs.map((x) => `${label} ${x.replace('-', '–')}`).join(', ');
  return { kind, asked: show(asked), found: show(found) };
}

/**
 * How a passage disagrees with the entities a question names. A named province must be the document's province
 * (or, for a document whose province is unknown, one its chunk names); a named congress or term of office must
 * be among those the chunk (or else its document) names. An entity the passage says nothing about is no conflict.
 */
export function conflicts(question: Entities, passage: PassageEntities): Conflict[] {
  const chunk = passage.entities ?? extractEntities(passage.text);
  const doc = passage.docEntities ?? chunk;
  const out: Conflict[] = [];
  const provinces = passage.province ? [passage.province] : chunk.provinces;
  if (disjoint(question.provinces, provinces))
    out.push({ kind: 'province', asked: question.provinces.join(', '), found: provinces.join(', ') });
  const congress = congressConflict(question, chunk, doc);
  if (congress) out.push(congress);
  const term = listConflict('term', question.terms, chunk.terms, doc.terms, 'nhiệm kỳ');
  if (term) out.push(term);
  // Communes are judged on the document: an article about two communes names each in its own paragraphs.
  const commune = listConflict('commune', question.communes, [], doc.communes, 'xã');
  if (commune) out.push(commune);
  return out;
}
