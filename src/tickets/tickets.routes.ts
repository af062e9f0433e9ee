import { addressTag } from '../http/client-address';
import { Router } from 'express';
import { z } from 'zod';
import { appError } from '../http/errors';
import { validationError } from './validation';
import type { TicketService, TriageService } from '../ports';

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
export function ticketRoutes(deps: { triage: TriageService; tickets: TicketService }): Router {
  const router = Router();
  router.post('/api/triage', async (req, res) => {
    const { text } = parse(z.object({ text: z.string().trim().min(1).max(4000) }), req.body);
    res.json(await deps.triage.triage(text));
  });
  router.post('/api/tickets/lookup', async (req, res) => {
    const body = parse(lookupSchema, req.body);
    const view = await deps.tickets.lookup(body.trackingCode, body.pin, addressTag(req));
    if (!view) throw appError('ticket_not_found', 404);
    res.json(view);
  });
  router.post('/api/tickets/rating', async (req, res) => {
    const body = parse(ratingSchema, req.body);
    const by = { channel: 'api', rater: addressTag(req) };
    res.json(await deps.tickets.rate(body.trackingCode, body.pin, body.rating, by, body.comment));
  });
  return router;
}
