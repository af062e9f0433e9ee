import { z } from 'zod';
import type { Database } from '../../db/database';
import { appError } from '../../http/errors';
import type { TriageResult, TriageService } from '../../ports';
import { routeTicket } from '../routing/router';
import { TRACKING_CODE_IN_TEXT } from './message.classifier';
import type { TriageModel } from './triage.model';

/** The `/api/triage` body. */
export const triageRequestSchema = z.object({ text: z.string().trim().min(1).max(4000) });

/** What the bot would do with a message: kind, category, commune, agency; reads the routing table, writes nothing. */
export class TicketTriageService implements TriageService {
  constructor(
    private readonly db: Database,
    private readonly model: TriageModel,
  ) {}

  /** Triage of one message (the `/api/triage` contract). */
  async triage(text: string): Promise<TriageResult> {
    const {
      communeCandidates: _candidates,
      trackingCode: _code,
      ...result
    } = await this.triageDetailed(text);
    return result;
  }

  /**
   * Triage plus what the bot needs to ask back: the communes a name could mean when it is ambiguous, and a
   * tracking code found in the message.
   */
  async triageDetailed(
    text: string,
  ): Promise<
    TriageResult & { communeCandidates: Array<{ code: string; name: string }>; trackingCode: string | null }
  > {
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
      communeCandidates: commune ? [] : a.commune.candidates.map((c) => ({ code: c.code, name: c.name })),
      trackingCode: extractTrackingCode(parsed.data.text),
    };
  }
}

/** The tracking code a message mentions ("mã th-7k3q9 của tôi…" → "TH-7K3Q9"), if any. */
export function extractTrackingCode(text: string): string | null {
  const m = TRACKING_CODE_IN_TEXT.exec(text);
  return m ? m[0].toUpperCase() : null;
}
