import { bigrams, foldDiacritics, hasDiacritics, syllables } from '../../text/normalize';
import { docNumberTokens } from '../ingest/doc-numbers';

/** Field prefixes of posting terms: accented syllables and bigrams, folded ones, document numbers. */
export const FIELD = { accented: 'a:', folded: 'f:', number: 'n:' } as const;

/** Term frequencies of one chunk for the postings table, and its length in syllables. */
export interface IndexedTerms {
  tf: Map<string, number>;
  length: number;
}

function addAll(tf: Map<string, number>, prefix: string, tokens: readonly string[]): void {
  for (const t of tokens) tf.set(prefix + t, (tf.get(prefix + t) ?? 0) + 1);
}

/** The posting terms of a text: syllable unigrams + bigrams, accented and folded, plus document numbers. */
export function indexTerms(text: string, extraNumbers: readonly string[] = []): IndexedTerms {
  const tokens = syllables(text);
  const folded = tokens.map((t) => foldDiacritics(t));
  const tf = new Map<string, number>();
  addAll(tf, FIELD.accented, tokens);
  addAll(tf, FIELD.accented, bigrams(tokens));
  addAll(tf, FIELD.folded, folded);
  addAll(tf, FIELD.folded, bigrams(folded));
  addAll(tf, FIELD.number, [...docNumberTokens(text), ...extraNumbers]);
  return { tf, length: tokens.length };
}

/** One weighted term of a query. */
export interface QueryTerm {
  term: string;
  weight: number;
}

/** Field weights: accented evidence counts more (tones separate words); folded carries accent-less queries. */
export const QUERY_WEIGHTS = { accented: 1, foldedWhenAccented: 0.35, folded: 1, number: 2, bigram: 0.8 };

// Interrogatives are rare in prose, so their IDF is high and a passage that happens to hold "nào" or "gì" would
// win on them. They are left out of the query as syllables (and as pairs made only of them: "bao_nhiêu").
// Typed without accents, only the forms that are seldom other words ("dau" is also "đầu", "sao" a star).
const ASKED = new Set(['gì', 'nào', 'ai', 'đâu', 'mấy', 'bao', 'nhiêu', 'giờ', 'sao']);
const ASKED_FOLDED = new Set(['gi', 'nao', 'nhieu']);

// The syllables and pairs of `tokens` whose syllables (at the same positions in `asked`) are not all asked.
function withoutAsked(tokens: readonly string[], asked: readonly boolean[]): [string[], string[]] {
  const uni = tokens.filter((_, i) => !asked[i]);
  const pairs = bigrams(tokens).filter((_, i) => !(asked[i] && asked[i + 1]));
  return [uni, pairs];
}

/**
 * The weighted terms of a question. A question typed with accents searches the accented field first and the
 * folded field as a lighter second; one typed without accents can only be trusted in the folded field.
 */
export function queryTerms(question: string): QueryTerm[] {
  const tokens = syllables(question);
  const folded = tokens.map((t) => foldDiacritics(t));
  const accented = hasDiacritics(question);
  const out = new Map<string, number>();
  const add = (prefix: string, list: readonly string[], weight: number) => {
    for (const t of list) out.set(prefix + t, (out.get(prefix + t) ?? 0) + weight);
  };
  if (accented) {
    const asked = tokens.map((t) => ASKED.has(t));
    const [uni, bi] = withoutAsked(tokens, asked);
    add(FIELD.accented, uni, QUERY_WEIGHTS.accented);
    add(FIELD.accented, bi, QUERY_WEIGHTS.accented * QUERY_WEIGHTS.bigram);
    const [funi, fbi] = withoutAsked(folded, asked);
    add(FIELD.folded, funi, QUERY_WEIGHTS.foldedWhenAccented);
    add(FIELD.folded, fbi, QUERY_WEIGHTS.foldedWhenAccented * QUERY_WEIGHTS.bigram);
  } else {
    const [uni, bi] = withoutAsked(
      folded,
      folded.map((t) => ASKED_FOLDED.has(t)),
    );
    add(FIELD.folded, uni, QUERY_WEIGHTS.folded);
    add(FIELD.folded, bi, QUERY_WEIGHTS.folded * QUERY_WEIGHTS.bigram);
  }
  add(FIELD.number, docNumberTokens(question), QUERY_WEIGHTS.number);
  return [...out].map(([term, weight]) => ({ term, weight }));
}
