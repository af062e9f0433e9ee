import { z } from 'zod';
import type { Database } from '../../db/database';
import { appError } from '../../http/errors';
import type { LocatedCommune, MessageTriage, TriageResult, TriageService } from '../../ports';
import { routeTicket } from '../routing/router';
import { TRACKING_CODE_IN_TEXT } from './message.classifier';
import type { MessageAnalyzer } from './message.analyzer';

/** The `/api/triage` body. */
export const triageRequestSchema = z.object({ text: z.string().trim().min(1).max(4000) });

/** What a triage of one message adds for the bot to ask back. */
interface TriageDetails {
  communeCandidates: Array<{ code: string; name: string }>;
  trackingCode: string | null;
}

const UNIT_WORD = /^\s*(xã|xa|phường|phuong|thị trấn|thi tran|p\.|tt)\s/i;

function validText(text: string): string {
  const parsed = triageRequestSchema.safeParse({ text });
  if (!parsed.success)
    throw appError('validation_failed', 400, [{ path: 'text', message: 'required, 1–4000 characters' }]);
  return parsed.data.text;
}

/** The tickets area's `TriageService`: analyses a message and routes it with the routing table; writes nothing. */
export class TicketTriageService implements TriageService {
  constructor(
    private readonly db: Database,
    private readonly analyzer: MessageAnalyzer,
  ) {}

  /** Triage of one message (the `/api/triage` contract). */
  async triage(text: string): Promise<TriageResult> {
    const {
      communeCandidates: _candidates,
      trackingCode: _code,
      submitter: _submitter,
      ...result
    } = await this.triageDetailed(text);
    return result;
  }

  /** Kind, category and commune, not routed: what the bot carries from the first message to filing. */
  async analyze(text: string): Promise<MessageTriage> {
    const { communeCandidates: _candidates, trackingCode: _code, ...result } = this.analyzeDetailed(text);
    return result;
  }

  /** The commune a place description names, if exactly one (no classification, no routing). */
  async locate(text: string): Promise<LocatedCommune | null> {
    const place = validText(text);
    // A reply to "where?" is a place even without "xã" before it ("thieu chinh").
    const match =
      this.analyzer.locate(place).match ??
      (UNIT_WORD.test(place) ? null : this.analyzer.locate(`xã ${place}`).match);
    return match ? { code: match.code, name: match.name, viaFormerName: match.viaFormerName } : null;
  }

  /** The communes a place could mean (an ambiguous name's candidates, else the closest names), best first. */
  async suggest(text: string, limit = 3): Promise<LocatedCommune[]> {
    const place = validText(text);
    const found = [...this.analyzer.locate(place).candidates, ...this.analyzer.closest(place, limit)];
    const seen = new Set<string>();
    return found
      .filter((m) => !seen.has(m.code) && seen.add(m.code))
      .slice(0, limit)
      .map((m) => ({ code: m.code, name: m.name, viaFormerName: m.viaFormerName }));
  }

  /**
   * Triage plus what the bot needs to ask back: the communes a name could mean when it is ambiguous, and a
   * tracking code found in the message.
   */
  async triageDetailed(text: string): Promise<TriageResult & TriageDetails> {
    const analysis = this.analyzeDetailed(text);
    const agency = await routeTicket(this.db, {
      kind: analysis.kind,
      category: analysis.category,
      communeCode: analysis.commune?.code ?? null,
    });
    return { ...analysis, agency: { id: agency.id, name: agency.name } };
  }

  private analyzeDetailed(raw: string): MessageTriage & TriageDetails {
    const text = validText(raw);
    const a = this.analyzer.analyze(text);
    const commune = a.commune.match;
    return {
      kind: a.kind,
      category: a.category,
      commune: commune ? { code: commune.code, name: commune.name } : null,
      ...(a.business ? { submitter: 'business' as const } : {}),
      communeCandidates: commune ? [] : a.commune.candidates.map((c) => ({ code: c.code, name: c.name })),
      trackingCode: extractTrackingCode(text),
    };
  }
}

/** The tracking code a message mentions ("mã th-7k3q9 của tôi…" → "TH-7K3Q9"), if any. */
export function extractTrackingCode(text: string): string | null {
  const m = TRACKING_CODE_IN_TEXT.exec(text);
  return m ? m[0].toUpperCase() : null;
}
