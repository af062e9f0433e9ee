import type { AskResult, Citation } from '../../ports';
import { foldDiacritics } from '../../text/normalize';
import { vi } from '../../i18n/strings.vi';
import { provinceTerms } from '../entities/agreement';
import { extractEntities } from '../entities/entities';
import { splitSentences } from '../ingest/chunker';
import type { RetrievedPassage } from '../retrieve/hybrid.retriever';
import { contentTerms } from '../retrieve/confidence';
import { FIELD, indexTerms } from '../retrieve/terms';
import { answerType, holdsAnswer, isBoilerplate, leadClause, MAX_ANSWER_CHARS, withParaphrases, yearFactor, askedYearsIn, type AnswerType } from './shape';

/** The sentence (or clause) of a passage that answers best, and whether it holds the kind of fact asked for. */
export interface Quote {
  text: string;
  passage: RetrievedPassage;
  holds: boolean;
  score: number;
}

/** A citation of a passage, quoting the given sentence. */
export function citationOf(passage: RetrievedPassage, quote: string): Citation {
  return { documentId: passage.documentId, title: passage.title, source: passage.source, date: passage.date, quote };
}

// Sentences are compared with the question in the folded field, so accent-less questions score the same.
function folded(terms: readonly string[]): string[] {
  return terms.map((t) => (t.startsWith(FIELD.number) ? t : FIELD.folded + foldDiacritics(t.slice(2))));
}

function hitsOf(text: string, wanted: readonly string[]): number {
  const have = withParaphrases(text, indexTerms(text).tf);
  // Bigram hits count double: a matched phrase says more than scattered syllables.
  let hits = 0;
  for (const t of wanted) if (have.has(t)) hits += t.includes('_') ? 2 : 1;
  return hits;
}

function scoreQuotes(question: string, passages: readonly RetrievedPassage[], type: AnswerType): Quote[] {
  // The named province is the document's business (agreement); the sentence must match the rest of the question.
  const named = provinceTerms(extractEntities(question));
  const wanted = folded(contentTerms(question)).filter((t) => !named(t));
  const out: Quote[] = [];
  passages.forEach((passage, rank) => {
    for (const sentence of splitSentences(passage.text)) {
      if (sentence.length < 20 || isBoilerplate(sentence)) continue;
      const clauseScore = (c: string) => hitsOf(c, wanted) + (holdsAnswer(c, type, question) ? 2 : 0);
      const text = leadClause(sentence, clauseScore);
      const holds = holdsAnswer(text, type, question);
      // Passages lower in the ranking need more evidence; a sentence without the asked kind of fact is a poor answer.
      const fit = (holds ? 1 : 0.35) * yearFactor(text, question);
      const hits = hitsOf(text, wanted) + 2 * askedYearsIn(text, question);
      const score = (hits / (1 + 0.35 * rank)) * fit - text.length / 2000;
      out.push({ text, passage, holds, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/** The best quotes for the question among the first passages, best first (at most `n`, one passage). */
export function bestQuotes(question: string, passages: readonly RetrievedPassage[], n = 2): Quote[] {
  const ranked = scoreQuotes(question, passages.slice(0, 3), answerType(question));
  const best = ranked[0];
  if (!best || best.score <= 0) return [];
  const chosen = [best];
  let length = best.text.length;
  for (const q of ranked.slice(1)) {
    if (chosen.length === n || q.score < best.score * 0.8) break;
    if (q.passage.chunkId !== best.passage.chunkId || length + q.text.length + 1 > MAX_ANSWER_CHARS) continue;
    if (chosen.some((c) => c.text.includes(q.text) || q.text.includes(c.text))) continue;
    chosen.push(q);
    length += q.text.length + 1;
  }
  return chosen;
}

/** The source line under an answer: title, date, and the link when the source is one. */
export function sourceLine(passage: RetrievedPassage): string {
  const link = passage.source && /^https?:\/\//.test(passage.source) ? passage.source : null;
  return vi.knowledge.sourceLine(passage.title, passage.date, link ?? passage.source, link !== null);
}

/** The polite "I don't know, shall I forward it?" answer. */
export function notFoundAnswer(): AskResult {
  return { answer: vi.knowledge.notFound, grounded: false, citations: [] };
}

/** An answer that leads with the quoted fact, then its source line; the quote is given once. */
export function quotedAnswer(quotes: readonly Quote[]): AskResult {
  const first = quotes[0] as Quote;
  const quote = quotes.map((q) => q.text).join(' ');
  return {
    answer: `“${quote}”\n\n${sourceLine(first.passage)}`,
    grounded: true,
    citations: [citationOf(first.passage, quote)],
  };
}
