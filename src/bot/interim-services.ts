/**
 * INTERIM implementations of the ports the bot needs, used by `npm start` and the bot's tests until the
 * knowledge and tickets areas are merged. They are deliberately small and honest:
 * - answers: always `grounded: false` with the "not known" message (no retrieval here);
 * - triage: a handful of keyword rules, no commune recognition;
 * - tickets: stored in the bot's own `bot_interim_ticket` table with a tracking code and PIN, no routing, no SLA.
 * main.ts (or the lead at merge) replaces them by passing the real services to createBot().
 */
import { randomInt, randomUUID } from 'node:crypto';
import { vi } from '../../dialogs/strings.vi';
import type { Database } from '../db/database';
import { AppError } from '../http/errors';
import type {
  AnswerService,
  AskResult,
  MessageKind,
  NewTicketInput,
  TicketReceipt,
  TicketService,
  TicketStatusView,
  TriageResult,
  TriageService,
} from '../ports';
import { foldDiacritics, normalizeForMatch } from '../text/normalize';
import { InterimTicketRepository, type InterimTicketRow } from './interim-ticket.repository';

/** INTERIM AnswerService: the knowledge base is not wired in yet, so it never claims to know. */
export class InterimAnswerService implements AnswerService {
  /** Always answers "not known". */
  async ask(_question: string): Promise<AskResult> {
    return { answer: vi.bot.interim.notKnown, grounded: false, citations: [] };
  }
}

const KIND_RULES: Array<[MessageKind, RegExp]> = [
  ['track', /\b(tra cuu|ma tra cuu|[a-z]{2}-[a-z0-9]{5})\b/],
  ['denunciation', /\bto cao\b/],
  ['complaint', /\bkhieu nai\b/],
  [
    'feedback',
    /\b(phan anh|kien nghi|o ga|rac thai|o nhiem|hu hong|sut lun|ngap|tieng on|vuong mac|lan chiem)\b/,
  ],
];

const CATEGORY_RULES: Array<[string, RegExp]> = [
  ['giao-thong', /\b(duong|o ga|giao thong|cau|den tin hieu)\b/],
  ['moi-truong', /\b(rac|o nhiem|mui hoi|nuoc thai|khoi bui)\b/],
  ['dat-dai', /\b(dat dai|so do|giai phong mat bang|boi thuong|lan chiem)\b/],
  ['an-ninh-trat-tu', /\b(tieng on|an ninh|trom|karaoke)\b/],
  ['dien-nuoc', /\b(mat dien|cup dien|nuoc sinh hoat|den duong|chieu sang)\b/],
  ['doanh-nghiep-dau-tu', /\b(doanh nghiep|dau tu|thue|vuong mac)\b/],
  ['hanh-chinh-cong', /\b(thu tuc|ho so|can bo|mot cua)\b/],
];

/** INTERIM TriageService: keyword rules on the folded text; no commune recognition, one default agency. */
export class InterimTriageService implements TriageService {
  /** Classifies by keywords. */
  async triage(text: string): Promise<TriageResult> {
    const folded = foldDiacritics(normalizeForMatch(text));
    const kind = KIND_RULES.find(([, re]) => re.test(folded))?.[0] ?? 'question';
    const category = CATEGORY_RULES.find(([, re]) => re.test(folded))?.[0] ?? 'khac';
    const inspectorate = kind === 'complaint' || kind === 'denunciation';
    return {
      kind,
      category,
      commune: null,
      agency: inspectorate
        ? { id: 'thanh-tra-tinh', name: vi.bot.interim.inspectorate }
        : { id: 'van-phong-ubnd-tinh', name: vi.bot.interim.agency },
    };
  }
}

// Unambiguous alphabet: no 0/O, 1/I/L.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;

/** INTERIM TicketService: stores tickets in the bot's own table; calendar-day due dates, no routing. */
export class InterimTicketService implements TicketService {
  private readonly repo: InterimTicketRepository;

  constructor(
    db: Database,
    private readonly codePrefix = 'TH',
  ) {
    this.repo = new InterimTicketRepository(db);
  }

  /** Files a ticket (idempotent on the input's key). */
  async create(input: NewTicketInput): Promise<TicketReceipt> {
    const code = `${this.codePrefix}-${Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
    const row = await this.repo.insert({
      id: randomUUID(),
      trackingCode: code,
      pin: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      idempotencyKey: input.idempotencyKey,
      kind: input.kind,
      category: input.category ?? 'khac',
      payload: { ...input, contact: input.contact ? { ...input.contact } : undefined },
    });
    return this.receipt(row);
  }

  /** Looks a ticket up by code and PIN. */
  async lookup(trackingCode: string, pin: string): Promise<TicketStatusView | null> {
    const row = await this.repo.findByCode(trackingCode);
    if (!row || row.pin !== pin) return null;
    return this.view(row);
  }

  /** Rates a ticket; only answered or closed tickets can be rated, 1–2 reopens. */
  async rate(trackingCode: string, pin: string, rating: number): Promise<TicketStatusView> {
    const row = await this.repo.findByCode(trackingCode);
    if (!row || row.pin !== pin) throw new AppError('ticket_not_found', 404, vi.bot.rate.failed);
    if (row.status !== 'answered' && row.status !== 'closed')
      throw new AppError('ticket_not_answered', 409, vi.bot.rate.notAnswered);
    const status = rating <= 2 ? 'reopened' : 'closed';
    await this.repo.rate(row.id, rating, status);
    return this.view({ ...row, rating, status });
  }

  private agency(row: InterimTicketRow): { id: string; name: string } {
    return row.kind === 'complaint' || row.kind === 'denunciation'
      ? { id: 'thanh-tra-tinh', name: vi.bot.interim.inspectorate }
      : { id: 'van-phong-ubnd-tinh', name: vi.bot.interim.agency };
  }

  private dueDays(kind: string): number {
    return kind === 'complaint' || kind === 'denunciation' ? 30 : kind === 'question' ? 7 : 14;
  }

  private receipt(row: InterimTicketRow): TicketReceipt {
    return {
      id: row.id,
      trackingCode: row.trackingCode,
      pin: row.pin,
      agency: this.agency(row),
      status: row.status,
      acknowledgeDueAt: new Date(row.createdAt.getTime() + DAY_MS),
      resolveDueAt: new Date(row.createdAt.getTime() + this.dueDays(row.kind) * DAY_MS),
    };
  }

  private view(row: InterimTicketRow): TicketStatusView {
    return {
      trackingCode: row.trackingCode,
      kind: row.kind,
      category: row.category,
      status: row.status,
      agency: this.agency(row),
      createdAt: row.createdAt,
      resolveDueAt: this.receipt(row).resolveDueAt,
      answer: null,
      answeredAt: null,
      rating: row.rating,
      timeline: [{ at: row.createdAt, status: 'new' }],
    };
  }
}

/** INTERIM: the three services the bot needs, until main.ts passes the real ones. */
export function createInterimServices(db: Database): {
  answers: AnswerService;
  triage: TriageService;
  tickets: TicketService;
} {
  return {
    answers: new InterimAnswerService(),
    triage: new InterimTriageService(),
    tickets: new InterimTicketService(db),
  };
}
