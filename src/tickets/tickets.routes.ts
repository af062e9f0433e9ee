import { Router, type Request } from 'express';
import { z } from 'zod';
import { appError } from '../http/errors';
import { validationError } from './validation';
import type { TicketService, TriageService } from '../ports';

/** A fixed-window counter per key; one process's view (replicas each allow the limit, the per-code lock is shared). */
export class WindowLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts a hit; false when the key is over its limit in the current window. */
  allow(key: string): boolean {
    const t = this.now();
    const w = this.hits.get(key);
    if (!w || t - w.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.hits.clear();
      this.hits.set(key, { start: t, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= this.limit;
  }
}

const lookupSchema = z.object({ trackingCode: z.string().min(1).max(20), pin: z.string().regex(/^\d{6}$/) });
const ratingSchema = lookupSchema.extend({
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(1000).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

/** `POST /api/triage`, `POST /api/tickets/lookup`, `POST /api/tickets/rating`. */
export function ticketRoutes(deps: {
  triage: TriageService;
  tickets: TicketService;
  limiter: WindowLimiter;
}): Router {
  const router = Router();
  const clientKey = (req: Request) => req.ip ?? 'unknown';
  router.post('/api/triage', async (req, res) => {
    const { text } = parse(z.object({ text: z.string().trim().min(1).max(4000) }), req.body);
    res.json(await deps.triage.triage(text));
  });
  router.post('/api/tickets/lookup', async (req, res) => {
    if (!deps.limiter.allow(clientKey(req))) throw appError('rate_limited', 429);
    const body = parse(lookupSchema, req.body);
    const view = await deps.tickets.lookup(body.trackingCode, body.pin);
    if (!view) throw appError('ticket_not_found', 404);
    res.json(view);
  });
  router.post('/api/tickets/rating', async (req, res) => {
    if (!deps.limiter.allow(clientKey(req))) throw appError('rate_limited', 429);
    const body = parse(ratingSchema, req.body);
    res.json(await deps.tickets.rate(body.trackingCode, body.pin, body.rating, body.comment));
  });
  return router;
}
