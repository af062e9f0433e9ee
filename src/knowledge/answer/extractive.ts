import type { AskResult, Citation } from '../../ports';
import { foldDiacritics } from '../../text/normalize';
import { vi } from '../../i18n/strings.vi';
import { splitSentences } from '../ingest/chunker';
import type { RetrievedPassage } from '../retrieve/hybrid.retriever';
import { contentTerms } from '../retrieve/confidence';
import { FIELD, indexTerms } from '../retrieve/terms';

interface Candidate {
  sentence: string;
  passage: RetrievedPassage;
  score: number;
}

/** A citation of a passage, quoting the given sentence. */
export function citationOf(passage: RetrievedPassage, quote: string): Citation {
  return {
    documentId: passage.documentId,
    title: passage.title,
    source: passage.source,
    date: passage.date,
    quote,
  };
}

// Sentences are compared with the question in the folded field, so accent-less questions score the same.
function folded(terms: readonly string[]): string[] {
  return terms.map((t) => (t.startsWith(FIELD.number) ? t : FIELD.folded + foldDiacritics(t.slice(2))));
}

// Long sentences (lists joined by semicolons) are also offered clause by clause, so the quote stays short.
function quoteUnits(text: string): string[] {
  return splitSentences(text).flatMap((s) =>
    s.length > 300 ? [s, ...s.split(/;\s+/).filter((c) => c.length >= 20)] : [s],
  );
}

function scoreSentences(question: string, passages: readonly RetrievedPassage[]): Candidate[] {
  const wanted = folded(contentTerms(question));
  const out: Candidate[] = [];
  passages.forEach((passage, rank) => {
    for (const sentence of quoteUnits(passage.text)) {
      if (sentence.length < 20) continue;
      const have = indexTerms(sentence).tf;
      // Bigram hits count double: a matched phrase says more than scattered syllables.
      let hits = 0;
      for (const t of wanted) if (have.has(t)) hits += t.includes('_') ? 2 : 1;
      // Passages lower in the ranking need more evidence; very long sentences are poorer quotes.
      const score = hits / (1 + 0.35 * rank) - sentence.length / 2000;
      out.push({ sentence, passage, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/** The polite "I don't know, shall I forward it?" answer. */
export function notFoundAnswer(): AskResult {
  return { answer: vi.knowledge.notFound, grounded: false, citations: [] };
}

/**
 * The extractive answer: the best one to three sentences of the top passages, quoted verbatim with their source.
 * A second or third sentence is added only when it scores nearly as well as the first.
 */
export function extractiveAnswer(question: string, passages: readonly RetrievedPassage[]): AskResult {
  const ranked = scoreSentences(question, passages.slice(0, 3));
  const best = ranked[0];
  if (!best || best.score <= 0) return notFoundAnswer();
  const chosen = [best];
  for (const c of ranked.slice(1)) {
    if (chosen.length === 3 || c.score < best.score * 0.8) break;
    // A clause of a sentence already quoted (or the sentence around a quoted clause) adds nothing.
    if (chosen.some((q) => q.sentence.includes(c.sentence) || c.sentence.includes(q.sentence))) continue;
    chosen.push(c);
  }
  const byPassage = new Map<string, Candidate[]>();
  for (const c of chosen) byPassage.set(c.passage.documentId, [...(byPassage.get(c.passage.documentId) ?? []), c]);
  const parts: string[] = [];
  const citations: Citation[] = [];
  for (const group of byPassage.values()) {
    const p = (group[0] as Candidate).passage;
    const quote = group.map((c) => c.sentence).join(' ');
    parts.push(`${vi.knowledge.answerIntro(p.title, p.date)} "${quote}"`);
    citations.push(citationOf(p, quote));
  }
  return { answer: parts.join('\n'), grounded: true, citations };
}
