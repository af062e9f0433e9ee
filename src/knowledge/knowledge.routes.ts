import { Router, type Request } from 'express';
import { z } from 'zod';
import { appError } from '../http/errors';
import { rateLimiter } from '../http/rate-limit';
import type { AnswerService } from '../ports';

/** Longest question accepted, in characters (a question, not a document). */
export const MAX_QUESTION_CHARS = 2000;

const askSchema = z.object({ question: z.string().trim().min(1).max(MAX_QUESTION_CHARS) });

/** `POST /api/ask` `{question}` → `{answer, grounded, citations}`, rate limited per client address. */
export function knowledgeRoutes(deps: { answerService: AnswerService; askRateLimitPerMinute: number }): Router {
  const router = Router();
  const limiter = rateLimiter({ windowMs: 60_000, limit: deps.askRateLimitPerMinute });
  router.post('/api/ask', limiter, async (req: Request, res) => {
    const parsed = askSchema.safeParse(req.body);
    if (!parsed.success) throw appError('question_invalid', 400, parsed.error.issues.map((i) => i.message));
    res.json(await deps.answerService.ask(parsed.data.question));
  });
  return router;
}
