import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Queryable } from '../../db/database';
import { hasDiacritics } from '../../text/normalize';
import { toColumnVector } from '../embeddings/embeddings.factory';
import type { SearchRow } from '../knowledge.repository';
import { coverage, type TermJudgement } from './confidence';
import { proximityTerms, windowCoverage } from './proximity';
import { hybridSearch } from './search.repository';
import { indexTerms, queryTerms, type QueryTerm } from './terms';

/** A retrieved passage with its fused score; `confidence` is set on the first hit only. */
export interface RetrievedPassage extends SearchRow {
  score: number;
}

/** Corpus statistics of one search's query terms, for scoring how well any of its passages covers the question. */
export interface SearchStats {
  df: ReadonlyMap<string, number>;
  chunks: number;
}

/** The outcome of one search: passages best first and a calibrated 0–1 confidence that the first answers. */
export interface RetrievalResult {
  passages: RetrievedPassage[];
  confidence: number;
  stats: SearchStats;
}

/** How much of the question a passage covers (0–1); `given` sets aside terms judged separately (entities). */
export function passageCoverage(
  question: string,
  passage: RetrievedPassage,
  stats: SearchStats,
  given?: TermJudgement,
): number {
  const terms = new Set(indexTerms(`${passage.title}\n${passage.text}`).tf.keys());
  return coverage(question, terms, stats.df, stats.chunks, given);
}

/** Expands a question with extra weighted terms (e.g. the new commune a former commune was merged into). */
export type QueryExpander = (question: string) => Promise<QueryTerm[]>;

/** Tuning of the hybrid search. */
export interface HybridOptions {
  /** Candidates each signal contributes. */
  candidates: number;
  /** BM25 saturation and length normalisation. */
  k1: number;
  b: number;
  /** On corpora of `pruneFrom` chunks or more, terms in more than this share of chunks are left out (speed). */
  maxDfRatio: number;
  pruneFrom: number;
  /**
   * Weight of the vector signal in the fused score. Scores, not ranks, are fused: BM25 divided by the best
   * BM25 of the query, plus this weight times cosine similarity. Rank fusion (RRF) treats rank 1 and 2 alike and
   * let a weak vector signal overturn clear lexical winners.
   */
  vectorWeight: number;
  /**
   * Weight of term proximity in the fused score: the square root of the share of the question the passage's best
   * window holds (a window with half the question's words is worth more than half of one with all of them).
   */
  proximityWeight: number;
  /** Syllables in more than this share of chunks are left out of the proximity window (they are everywhere). */
  proximityMaxDfRatio: number;
}

/** Defaults (BM25-heavy, as reference/retrieval.md recommends). */
export const DEFAULT_HYBRID: HybridOptions = { candidates: 40, k1: 1.2, b: 0.75, maxDfRatio: 0.3, pruneFrom: 1000, vectorWeight: 0.1, proximityWeight: 0.9, proximityMaxDfRatio: 0.3 };

function fuse(rows: SearchRow[], o: HybridOptions, proximity: (row: SearchRow) => number): RetrievedPassage[] {
  const maxLex = Math.max(1e-9, ...rows.map((r) => r.lexScore));
  return rows
    .map((r) => ({
      ...r,
      score: r.lexScore / maxLex + o.vectorWeight * (r.vecSim ?? 0) + (r.lexScore > 0 ? o.proximityWeight * Math.sqrt(proximity(r)) : 0),
    }))
    .sort((a, b) => b.score - a.score || b.lexScore - a.lexScore);
}

function mergeTerms(base: QueryTerm[], extra: QueryTerm[]): QueryTerm[] {
  const out = new Map(base.map((t) => [t.term, t.weight]));
  for (const t of extra) out.set(t.term, (out.get(t.term) ?? 0) + t.weight);
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/** Hybrid search over the knowledge base: BM25 + vectors fused, with a confidence for "no answer". */
export class HybridSearch {
  constructor(
    private readonly db: Queryable,
    private readonly embeddings: Embeddings | null,
    private readonly expand: QueryExpander | null = null,
    private readonly options: HybridOptions = DEFAULT_HYBRID,
  ) {}

  /** Searches and returns up to `k` passages, best first. */
  async search(question: string, k = 10): Promise<RetrievalResult> {
    let terms = queryTerms(question);
    if (this.expand) terms = mergeTerms(terms, await this.expand(question));
    if (terms.length === 0) return { passages: [], confidence: 0, stats: { df: new Map(), chunks: 0 } };
    const vector = this.embeddings ? toColumnVector(await this.embeddings.embedQuery(question)) : null;
    const o = this.options;
    const result = await hybridSearch(this.db, terms, vector, o.candidates, { k1: o.k1, b: o.b, maxDfRatio: o.maxDfRatio, pruneFrom: o.pruneFrom });
    const stats = { df: result.df, chunks: result.chunks };
    const folded = !hasDiacritics(question);
    const weighted = o.proximityWeight > 0 ? proximityTerms(terms, stats.df, stats.chunks, folded, o.proximityMaxDfRatio) : new Map<string, number>();
    const proximity = (r: SearchRow) => (weighted.size > 0 ? windowCoverage(`${r.title}\n${r.text}`, weighted, folded) : 0);
    const passages = fuse(result.rows, this.options, proximity).slice(0, k);
    const top = passages[0];
    return { passages, stats, confidence: top ? passageCoverage(question, top, stats) : 0 };
  }
}

/** Fields of the LangChain documents the retriever returns. */
export type PassageMetadata = Omit<RetrievedPassage, 'text'>;

/** The hybrid search as a LangChain retriever (for chains and agents). */
export class KnowledgeRetriever extends BaseRetriever {
  override lc_namespace = ['tiepdan', 'knowledge'];

  constructor(
    private readonly hybrid: HybridSearch,
    private readonly k = 5,
  ) {
    super();
  }

  /** Returns the top passages as LangChain documents. */
  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const { passages } = await this.hybrid.search(query, this.k);
    return passages.map(({ text, ...metadata }) => new Document({ pageContent: text, metadata }));
  }
}
