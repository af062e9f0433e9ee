import { Router, type Request } from 'express';
import { z } from 'zod';
import { appError } from '../http/errors';
import { memoryRateCounters } from '../http/rate-counter';
import { countedBy } from '../http/rate-limit';
import type { RateCounters } from '../http/rate-counter';
import type { AnswerService } from '../ports';

/** Longest question accepted, in characters (a question, not a document). */
export const MAX_QUESTION_CHARS = 2000;

const askSchema = z.object({ question: z.string().trim().min(1).max(MAX_QUESTION_CHARS) });

/** What the ask route needs; with shared counters (a Postgres server) the limit holds across replicas. */
export interface KnowledgeRouteDeps {
  answerService: AnswerService;
  askRateLimitPerMinute: number;
  rateCounters?: RateCounters;
}

/** `POST /api/ask` `{question}` → `{answer, grounded, citations}`, rate limited per client address. */
export function knowledgeRoutes(deps: KnowledgeRouteDeps): Router {
  const router = Router();
  const counters = deps.rateCounters ?? memoryRateCounters;
  const limiter = countedBy(counters('ask', deps.askRateLimitPerMinute, 60_000));
  router.post('/api/ask', limiter, async (req: Request, res) => {
    const parsed = askSchema.safeParse(req.body);
    if (!parsed.success) throw appError('question_invalid', 400, parsed.error.issues.map((i) => i.message));
    res.json(await deps.answerService.ask(parsed.data.question));
  });
  return router;
}
