import { z } from 'zod';
import type { Database } from '../../db/database';
import { appError } from '../../http/errors';
import type { TriageResult, TriageService } from '../../ports';
import { routeTicket } from '../routing/router';
import type { TriageModel } from './triage.model';

/** The `/api/triage` body. */
export const triageRequestSchema = z.object({ text: z.string().trim().min(1).max(4000) });

/** What the bot would do with a message: kind, category, commune, agency; reads the routing table, writes nothing. */
export class TicketTriageService implements TriageService {
  constructor(
    private readonly db: Database,
    private readonly model: TriageModel,
  ) {}

  /** Triage of one message. */
  async triage(text: string): Promise<TriageResult> {
    const parsed = triageRequestSchema.safeParse({ text });
    if (!parsed.success)
      throw appError('validation_failed', 400, [{ path: 'text', message: 'required, 1–4000 characters' }]);
    const a = this.model.analyze(parsed.data.text);
    const commune = a.commune.match;
    const agency = await routeTicket(this.db, {
      kind: a.kind,
      category: a.category,
      communeCode: commune?.code ?? null,
    });
    return {
      kind: a.kind,
      category: a.category,
      commune: commune ? { code: commune.code, name: commune.name } : null,
      agency: { id: agency.id, name: agency.name },
    };
  }
}
