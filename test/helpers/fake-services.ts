import { appError } from '../../src/http/errors';
import { vi } from '../../src/i18n/strings.vi';
import type {
  AnswerService,
  AskResult,
  LocatedCommune,
  MessageTriage,
  NewTicketInput,
  RatingSource,
  TicketReceipt,
  TicketService,
  TicketStatusView,
  TriageResult,
  TriageService,
} from '../../src/ports';
import { randomTrackingCode } from '../../src/tickets/tracking-code';
import { foldDiacritics } from '../../src/text/normalize';

/** The agency every fake ticket goes to. */
export const FAKE_AGENCY = { id: 'ubnd-tinh', name: 'UBND tỉnh' } as const;

/** A canned answer: questions matching `match` (accents folded, lower case) get it, with citations. */
export interface CannedAnswer {
  match: RegExp;
  result: AskResult;
}

/** Answers only the canned questions; anything else gets the knowledge area's "not found" reply. */
export class FakeAnswers implements AnswerService {
  readonly asked: string[] = [];
  constructor(private readonly canned: CannedAnswer[] = []) {}

  /** AnswerService: a canned answer, or the ungrounded "not found". */
  async ask(question: string): Promise<AskResult> {
    this.asked.push(question);
    const hit = this.canned.find((c) => c.match.test(fold(question)));
    return hit?.result ?? { answer: vi.knowledge.notFound, grounded: false, citations: [] };
  }
}

/** One triage rule: messages matching `match` (accents folded, lower case) are of this kind and category. */
export interface TriageRule {
  match: RegExp;
  kind: TriageResult['kind'];
  category: string;
  /** The message is a business writing about its own case. */
  submitter?: 'business';
}

/** A commune the fake knows, with the former names (before the 2025 merger) that now mean it. */
export interface FakeCommune {
  code: string;
  name: string;
  formerNames?: string[];
}

/** Classifies by a rule table and finds communes from a name list; the default is a question. */
export class FakeTriage implements TriageService {
  constructor(
    private readonly rules: TriageRule[] = [],
    private readonly communes: FakeCommune[] = [],
  ) {}

  /** TriageService: `analyze` (without the submitter, as the contract has it) plus the one agency of fake tickets. */
  async triage(text: string): Promise<TriageResult> {
    const { submitter: _submitter, ...analysis } = await this.analyze(text);
    return { ...analysis, agency: { ...FAKE_AGENCY } };
  }

  /** TriageService: the first matching rule (default: a question) and the commune the text names. */
  async analyze(text: string): Promise<MessageTriage> {
    const rule = this.rules.find((r) => r.match.test(fold(text)));
    return {
      kind: rule?.kind ?? 'question',
      category: rule?.category ?? 'khac',
      commune: await this.locate(text),
      ...(rule?.submitter ? { submitter: rule.submitter } : {}),
    };
  }

  /** TriageService: the first commune whose folded name or former name (without "xã"/"phường") the text contains. */
  async locate(text: string): Promise<LocatedCommune | null> {
    const folded = fold(text);
    const named = (name: string) => folded.includes(shortName(name));
    for (const c of this.communes) {
      if (named(c.name)) return { code: c.code, name: c.name, viaFormerName: null };
      const former = c.formerNames?.find(named);
      if (former) return { code: c.code, name: c.name, viaFormerName: former };
    }
    return null;
  }

  /** TriageService: the communes sharing a syllable with the typed place (after "xã"/"phường"). */
  async suggest(text: string, limit = 3): Promise<LocatedCommune[]> {
    const words = new Set(shortName(text).split(' '));
    return this.communes
      .filter((c) =>
        shortName(c.name)
          .split(' ')
          .some((w) => words.has(w)),
      )
      .slice(0, limit)
      .map(({ code, name }) => ({ code, name }));
  }
}

/** A ticket as the fake keeps it. */
export interface FakeTicket {
  input: NewTicketInput;
  receipt: TicketReceipt;
  status: string;
  answer: string | null;
  rating: number | null;
  /** Who rated, as the real service records it. */
  ratedBy?: RatingSource;
  comment?: string;
}

/** The tickets port in memory, keeping its contract: idempotent create, PIN-checked lookup, rating rules. */
export class FakeTickets implements TicketService {
  readonly tickets: FakeTicket[] = [];

  /** TicketService: files a ticket (the same idempotency key returns the same receipt). */
  async create(input: NewTicketInput): Promise<TicketReceipt> {
    const again = this.tickets.find((t) => t.input.idempotencyKey === input.idempotencyKey);
    if (again) return again.receipt;
    const n = this.tickets.length + 1;
    const receipt: TicketReceipt = {
      id: `ticket-${n}`,
      trackingCode: randomTrackingCode('TH'),
      pin: String(100000 + n),
      agency: { ...FAKE_AGENCY },
      status: 'assigned',
      acknowledgeDueAt: new Date('2026-01-05T10:00:00Z'),
      resolveDueAt: new Date('2026-01-20T16:59:59Z'),
    };
    this.tickets.push({ input, receipt, status: 'assigned', answer: null, rating: null });
    return receipt;
  }

  /** TicketService: the public view, or null for an unknown code or a wrong PIN. */
  async lookup(trackingCode: string, pin: string): Promise<TicketStatusView | null> {
    const t = this.find(trackingCode, pin);
    return t ? view(t) : null;
  }

  /** TicketService: stores a rating of an answered ticket; 1–2 reopens it. */
  async rate(
    trackingCode: string,
    pin: string,
    rating: number,
    by: RatingSource,
    comment?: string,
  ): Promise<TicketStatusView> {
    const t = this.find(trackingCode, pin);
    if (!t) throw appError('ticket_not_found', 404);
    if (t.status !== 'answered') throw appError('ticket_not_answered', 409);
    Object.assign(t, { rating, comment, ratedBy: by, status: rating <= 2 ? 'reopened' : 'answered' });
    return view(t);
  }

  /** TicketService: forgets name and phone on this account's tickets; counts those that had them. */
  async eraseContacts(origin: { channel: string; userId: string }): Promise<number> {
    let erased = 0;
    for (const t of this.tickets) {
      const o = t.input.origin;
      if (o.channel !== origin.channel || o.userId !== origin.userId || !t.input.contact) continue;
      t.input = { ...t.input, contact: undefined };
      erased++;
    }
    return erased;
  }

  /** What an agency does in the portal: answers the ticket. */
  answer(trackingCode: string, text: string): void {
    const t = this.tickets.find((x) => x.receipt.trackingCode === trackingCode);
    if (!t) throw new Error(`no ticket ${trackingCode}`);
    Object.assign(t, { status: 'answered', answer: text });
  }

  private find(trackingCode: string, pin: string): FakeTicket | undefined {
    const code = trackingCode.toUpperCase();
    return this.tickets.find((t) => t.receipt.trackingCode === code && t.receipt.pin === pin);
  }
}

function view(t: FakeTicket): TicketStatusView {
  return {
    trackingCode: t.receipt.trackingCode,
    kind: t.input.kind,
    category: t.input.category ?? 'khac',
    status: t.status,
    agency: t.receipt.agency,
    createdAt: new Date('2026-01-02T03:00:00Z'),
    resolveDueAt: t.receipt.resolveDueAt,
    answer: t.answer,
    answeredAt: t.answer ? new Date('2026-01-10T03:00:00Z') : null,
    rating: t.rating,
    timeline: [],
  };
}

function shortName(name: string): string {
  return fold(name)
    .replace(/^(xa|phuong) /, '')
    .trim();
}

function fold(text: string): string {
  return foldDiacritics(text.normalize('NFC')).toLowerCase();
}
