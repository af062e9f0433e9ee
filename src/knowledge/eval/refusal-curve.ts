import type { Database } from '../../db/database';
import { decide } from '../answer/decide';
import type { EmbeddingModel } from '../embeddings/embeddings.factory';
import { collectFiles, ingestFiles } from '../ingest/ingest.service';
import { HybridSearch } from '../retrieve/hybrid.retriever';
import { turnsOf, type AnswerItem } from './answers-eval';

/** One point of the no-answer curve: at this threshold, how many answerable questions are refused and vice versa. */
export interface RefusalPoint {
  threshold: number;
  answerableRefused: number;
  unanswerableAnswered: number;
  answerable: number;
  unanswerable: number;
}

/**
 * The no-answer decision measured both ways over the single-question items of answer sets (follow-ups need the
 * bot's memory and are left out): the knowledge folder is ingested into `db`, each question searched once, and
 * the decision taken at every threshold.
 */
export async function refusalCurve(
  db: Database,
  model: EmbeddingModel,
  knowledgeDir: string,
  items: readonly AnswerItem[],
  thresholds: readonly number[],
): Promise<RefusalPoint[]> {
  await ingestFiles(await collectFiles([knowledgeDir]), { db, embeddings: model.embeddings, modelName: model.name });
  const search = new HybridSearch(db, model.embeddings);
  const single = items.filter((i) => turnsOf(i).length === 1);
  const results = await Promise.all(
    single.map(async (i) => ({ item: i, result: await search.search(turnsOf(i)[0]?.say ?? '', 10) })),
  );
  return thresholds.map((threshold) => {
    const point = { threshold, answerableRefused: 0, unanswerableAnswered: 0, answerable: 0, unanswerable: 0 };
    for (const { item, result } of results) {
      const answered = decide(turnsOf(item)[0]?.say ?? '', result, threshold).kind === 'answer';
      if (item.answerable === false) {
        point.unanswerable++;
        if (answered) point.unanswerableAnswered++;
      } else {
        point.answerable++;
        if (!answered) point.answerableRefused++;
      }
    }
    return point;
  });
}
