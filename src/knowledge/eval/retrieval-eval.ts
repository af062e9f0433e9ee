import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../../db/database';
import { foldDiacritics } from '../../text/normalize';
import type { EmbeddingModel } from '../embeddings/embeddings.factory';
import { ingestDocuments, type SourceDocument } from '../ingest/ingest.service';
import { DEFAULT_HYBRID, HybridSearch, type HybridOptions, type QueryExpander } from '../retrieve/hybrid.retriever';

const passageSchema = z.object({ id: z.string(), title: z.string().optional(), text: z.string() });
const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  positive_ids: z.array(z.string()),
  answerable: z.boolean().optional(),
});

/** The figures `npm run eval:retrieval` prints. */
export interface EvalFigures {
  n: number;
  hit1: number;
  hit5: number;
  mrr10: number;
}

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));
}

/** Loads a set's passages as source documents (title from the set; no date or source). */
export async function loadPassages(dir: string): Promise<SourceDocument[]> {
  const passages = await readJsonl(path.join(dir, 'passages.jsonl'), passageSchema);
  return passages.map((p) => ({
    id: p.id,
    text: p.text,
    metadata: { title: p.title ?? '', date: null, source: null, issuer: null, number: null },
  }));
}

/** Options of one evaluation run. */
export interface EvalOptions {
  foldQueries: boolean;
  /** Evaluate only the first N questions (quick checks). */
  limit?: number;
  /** Overrides of the search tuning (comparisons). */
  hybrid?: Partial<HybridOptions>;
  onProgress?: (done: number, total: number) => void;
}

/** Ingests a set into the (fresh) database and scores every answerable question: hit@1, hit@5, MRR@10. */
export async function evaluateRetrieval(
  db: Database,
  model: EmbeddingModel,
  expander: QueryExpander | null,
  dir: string,
  options: EvalOptions,
): Promise<EvalFigures> {
  await ingestDocuments(await loadPassages(dir), { db, embeddings: model.embeddings, modelName: model.name });
  let questions = (await readJsonl(path.join(dir, 'questions.jsonl'), questionSchema)).filter(
    (q) => q.answerable !== false && q.positive_ids.length > 0,
  );
  if (options.limit) questions = questions.slice(0, options.limit);
  const search = new HybridSearch(db, model.embeddings, expander, { ...DEFAULT_HYBRID, ...options.hybrid });
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  for (const [i, q] of questions.entries()) {
    const text = options.foldQueries ? foldDiacritics(q.question) : q.question;
    const { passages } = await search.search(text, 30);
    const docs = [...new Set(passages.map((p) => p.documentId))].slice(0, 10);
    const gold = new Set(q.positive_ids);
    const rank = docs.findIndex((d) => gold.has(d)) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 5) hit5++;
    if (rank >= 1) mrr += 1 / rank;
    options.onProgress?.(i + 1, questions.length);
  }
  const n = questions.length;
  const r = (x: number) => (n === 0 ? 0 : Math.round((x / n) * 10000) / 10000);
  return { n, hit1: r(hit1), hit5: r(hit5), mrr10: r(mrr) };
}
