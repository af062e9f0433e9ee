import { foldDiacritics, syllables } from '../../text/normalize';
import { FIELD, type QueryTerm } from './terms';

/** The window a question's words must fall in together, in syllables, and the step it slides by. */
export const PROXIMITY_WINDOW = { size: 25, step: 8 };

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * The syllables of a query in one field, each with its IDF weight (those absent from the corpus drop out). Pairs
 * are left to BM25: counted here too they favoured the passage that repeats one phrase (measured: viquad1-dev
 * hit@1 .782 with pairs at 0.8, .794 without, in the prototype).
 */
export function proximityTerms(
  terms: readonly QueryTerm[],
  df: ReadonlyMap<string, number>,
  chunks: number,
  folded: boolean,
  /** Syllables in more than this share of the chunks are left out (1: none). */
  maxDfRatio = 1,
): Map<string, number> {
  const prefix = folded ? FIELD.folded : FIELD.accented;
  const out = new Map<string, number>();
  for (const { term, weight } of terms) {
    const seen = df.get(term) ?? 0;
    if (!term.startsWith(prefix) || term.includes('_') || seen === 0 || weight <= 0) continue;
    if (seen > maxDfRatio * chunks) continue;
    out.set(term.slice(prefix.length), idf(seen, chunks));
  }
  return out;
}

/**
 * Term proximity: the IDF-weighted share of the query's syllables that the best window of the passage
 * holds together (0–1). A passage that states the asked fact has the question's words close to each other; one
 * of the same article that only shares its topic words has them spread out.
 */
export function windowCoverage(text: string, weighted: ReadonlyMap<string, number>, folded: boolean): number {
  let total = 0;
  for (const w of weighted.values()) total += w;
  if (total === 0) return 0;
  const tokens = folded ? syllables(text).map((t) => foldDiacritics(t)) : syllables(text);
  const { size, step } = PROXIMITY_WINDOW;
  let best = 0;
  for (let start = 0; ; start += step) {
    const window = tokens.slice(start, start + size);
    const present = new Set(window);
    let sum = 0;
    for (const [term, w] of weighted) if (present.has(term)) sum += w;
    if (sum > best) best = sum;
    if (start + size >= tokens.length) break;
  }
  return best / total;
}
