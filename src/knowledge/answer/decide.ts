import { conflicts, provinceTerms, type Conflict } from '../entities/agreement';
import { extractEntities, type Entities } from '../entities/entities';
import { passageCoverage, type RetrievalResult, type RetrievedPassage } from '../retrieve/hybrid.retriever';
import { bestQuotes, type Quote } from './extractive';
import { answerType, holdsAnswer } from './shape';

/** What the knowledge base can say to a question. */
export type Decision =
  | { kind: 'answer'; passages: RetrievedPassage[]; quotes: Quote[]; confidence: number }
  | { kind: 'other'; quotes: Quote[]; conflicts: Conflict[]; confidence: number }
  | { kind: 'none'; confidence: number };

interface Judged {
  passage: RetrievedPassage;
  conflicts: Conflict[];
  coverage: number;
}

/** True when the question names an entity an answer must agree with. */
export function namesEntity(e: Entities): boolean {
  return e.provinces.length + e.congresses.length + e.terms.length + e.communes.length > 0;
}

// The asked entity's best sentence loses to another entity's when it lacks the kind of fact asked for (or is much
// weaker) and the other's has it: "Thanh Hóa thu ngân sách năm 2020" is then told Thái Nguyên's figure, as such.
function otherWins(own: Quote | undefined, other: Quote | undefined): boolean {
  if (!own || !other?.holds) return false;
  return !own.holds || other.score > 1.5 * own.score;
}

// A question that asks for a number, a date, a person or a place is answered only by a sentence that states one,
// or by a document whose title does (the source line shows it: "Kết luận … (ngày 5/11/2021)").
function statesKind(question: string, quotes: readonly Quote[]): boolean {
  const type = answerType(question);
  return type === null || quotes.some((q) => q.holds || holdsAnswer(q.passage.title, type, question));
}

function unique(list: ReadonlyArray<RetrievedPassage | undefined>): RetrievedPassage[] {
  const seen = new Set<number>();
  return list.filter((p): p is RetrievedPassage => p !== undefined && !seen.has(p.chunkId) && Boolean(seen.add(p.chunkId)));
}

function best(list: readonly Judged[]): Judged | undefined {
  return [...list].sort((a, b) => b.coverage - a.coverage)[0];
}

/**
 * Decides from a search whether the knowledge base answers the question. A passage that names another province,
 * congress or term than the question is not an answer; when only such passages cover the question, the decision
 * is "other" (the caller says whose fact it is), and when even those do not, "none".
 */
export function decide(question: string, result: RetrievalResult, minConfidence: number): Decision {
  const asked = extractEntities(question);
  if (!namesEntity(asked)) {
    const confidence = result.confidence;
    if (result.passages.length === 0 || confidence < minConfidence) return { kind: 'none', confidence };
    const quotes = bestQuotes(question, result.passages);
    return statesKind(question, quotes)
      ? { kind: 'answer', passages: result.passages, quotes, confidence }
      : { kind: 'none', confidence };
  }
  const named = provinceTerms(asked);
  const judged: Judged[] = result.passages.map((passage) => {
    const found = conflicts(asked, passage);
    // An agreeing passage is about the named province even where it does not repeat its name; a conflicting one
    // is judged on the rest of the question.
    const given = found.length === 0 ? { matched: named } : { ignore: named };
    return { passage, conflicts: found, coverage: passageCoverage(question, passage, result.stats, given) };
  });
  const agreeing = judged.filter((j) => j.conflicts.length === 0);
  const top = best(agreeing.slice(0, 3));
  const other = best(judged.filter((j) => j.conflicts.length > 0));
  const ranked = unique([top?.passage, ...agreeing.map((j) => j.passage)]);
  const quotes = top && top.coverage >= minConfidence ? bestQuotes(question, ranked) : [];
  const otherQuotes = other && other.coverage >= minConfidence ? bestQuotes(question, [other.passage]) : [];
  if (quotes.length > 0 && statesKind(question, quotes) && !otherWins(quotes[0], otherQuotes[0]))
    return { kind: 'answer', passages: ranked, quotes, confidence: top?.coverage ?? 0 };
  if (otherQuotes.length > 0 && other)
    return { kind: 'other', quotes: otherQuotes, conflicts: other.conflicts, confidence: other.coverage };
  return { kind: 'none', confidence: Math.max(top?.coverage ?? 0, other?.coverage ?? 0) };
}
