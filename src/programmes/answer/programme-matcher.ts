import { hasDiacritics, normalizeForMatch } from '../../text/normalize';
import { agencyKey } from '../import/values';

/** What an item offers to matching: its title, its group's title and its programme's title. */
export interface MatchableItem {
  code: string;
  title: string;
  group_title: string | null;
  programme_title: string;
}

/** What a question asks of the programmes: the late items, one or a few items, or nothing (the knowledge base). */
export type ProgrammeIntent = { kind: 'late' } | { kind: 'items'; codes: string[] } | null;

// Words that make a question about carrying a programme out, not about what a resolution says.
const CUES =
  /\b(tien do|chu tri|cham|tre han|qua han|den dau|dat bao nhieu|dat duoc|dat chua|ra sao|hoan thanh chua|co quan nao|trien khai)\b/;
const LATE = /\b(cham tien do|bi cham|dang cham|cham tre|tre han|qua han)\b/;
const WHICH = /\b(nhung|cac|nao|bao nhieu)\b/;
// Syllables of question words that never identify an item on their own.
const STOP = new Set(
  (
    'tien do thuc hien den dau roi nhiem vu chi tieu co quan nao chu tri dat bao nhieu nam nay duoc cua va cac ' +
    'nhung la gi do ve cho trong voi the hay khong chua da dang se mot tinh muon'
  ).split(' '),
);

/** Lower-case, accent-free syllables (letters and digits) of a text. */
export function foldedSyllables(text: string): string[] {
  return agencyKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Civic words every other message uses: shared alone, they do not make a message about an item.
const GENERIC = new Set([
  'ho so',
  'nguoi dan',
  'doanh nghiep',
  'co quan',
  'ket qua',
  'thoi gian',
  'chi phi',
  'du an',
  'dau tu',
  'phan anh',
]);

// Accented syllables when the question has accents ("tôi đã" ≠ "tối đa"); folded ones when it was typed without.
function syllablesFor(text: string, accented: boolean): string[] {
  if (!accented) return foldedSyllables(text);
  return normalizeForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Adjacent syllable pairs that are not both question words: Vietnamese words are mostly two syllables.
function bigrams(syllables: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) {
    const [a, b] = [syllables[i]!, syllables[i + 1]!];
    const key = agencyKey(`${a} ${b}`);
    const [fa, fb] = key.split(' ');
    if (!(STOP.has(fa!) && STOP.has(fb!)) && !GENERIC.has(key)) out.push(`${a} ${b}`);
  }
  return out;
}

interface Scored {
  code: string;
  score: number;
  matched: number;
  coverage: number;
}

function scoreItems(question: string, items: readonly MatchableItem[]): Scored[] {
  const accented = hasDiacritics(question);
  const features = items.map(
    (i) => new Set(bigrams(syllablesFor(`${i.title} . ${i.group_title ?? ''}`, accented))),
  );
  const df = new Map<string, number>();
  for (const f of features) for (const b of f) df.set(b, (df.get(b) ?? 0) + 1);
  const asked = new Set(bigrams(syllablesFor(question, accented)));
  return items.map((item, n) => {
    const own = features[n]!;
    const hits = [...asked].filter((b) => own.has(b));
    const score = hits.reduce((s, b) => s + Math.log(1 + items.length / (df.get(b) ?? 1)), 0);
    return { code: item.code, score, matched: hits.length, coverage: own.size ? hits.length / own.size : 0 };
  });
}

/**
 * Decides whether a question is about the programmes: "which tasks are late" asks for the late list; otherwise
 * the best-matching items are the answer when at least two of their word pairs appear in the question and the
 * question is about carrying them out (or names half of an item's title). Anything else is left to the knowledge
 * base.
 */
export function matchQuestion(question: string, items: readonly MatchableItem[]): ProgrammeIntent {
  const q = agencyKey(question);
  const scored = scoreItems(question, items).sort((a, b) => b.score - a.score);
  const best = scored[0];
  const cue = CUES.test(q);
  const strong = best && best.matched >= 2 && (cue || best.coverage >= 0.5);
  if (LATE.test(q) && WHICH.test(q) && !(strong && best.coverage >= 0.5)) return { kind: 'late' };
  if (!strong) return null;
  // Near ties (e.g. two tasks of one group) are answered together, at most three.
  const codes = scored.filter((s) => s.matched >= 2 && s.score >= best.score * 0.8).slice(0, 3);
  return { kind: 'items', codes: codes.map((s) => s.code) };
}

/** Places (provinces) a text names among the given ones, folded. */
export function placesIn(text: string, places: readonly string[]): string[] {
  const q = ` ${foldedSyllables(text).join(' ')} `;
  return places.filter((p) => q.includes(` ${p} `));
}
