import { z } from 'zod';
import { vi } from '../../dialogs/strings.vi';
import type { Transaction } from '../db/database';
import { appError } from '../http/errors';
import { validationError } from './validation';
import type {
  ConversationRef,
  NewTicketInput,
  TicketReceipt,
  TicketService,
  TicketStatusView,
} from '../ports';
import { enqueueMessage } from './notify/outbox.repository';
import { routeTicket } from './routing/router';
import { categoryExists, communeExists } from './routing/routing.repository';
import { formatVnDate } from '../reference/vn-time';
import { loadCalendar, resolveDue, statusView, type TicketContext } from './ticket.context';
import * as repo from './ticket.repository';
import { canonicalTrackingCode, derivePin, hashPin, isTrackingCode, verifyPin } from './tracking-code';

const conversation = z.object({
  channel: z.string().min(1).max(40),
  conversationId: z.string().min(1).max(300),
  userId: z.string().min(1).max(300),
});

/** Input validation for ticket creation (the bot and API clients are both untrusted edges). */
export const newTicketSchema = z.object({
  kind: z.enum(['question', 'feedback', 'complaint', 'denunciation']),
  category: z.string().min(1).max(60).optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  description: z.string().trim().min(5).max(4000),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      address: z.string().max(500).optional(),
    })
    .optional(),
  attachments: z
    .array(
      z.object({
        url: z.string().url().max(2000),
        contentType: z.string().min(1).max(100),
        name: z.string().max(300).optional(),
      }),
    )
    .max(10)
    .optional(),
  contact: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 .-]{8,15}$/)
        .optional(),
      consentAt: z.coerce.date(),
    })
    .optional(),
  origin: conversation,
  idempotencyKey: z.string().min(1).max(200),
});

const CODE_ATTEMPTS = 8;
const DUPLICATE_SIMILARITY = 0.6;
const LOOKUP_FAILURES_BEFORE_LOCK = 5;
const LOOKUP_LOCK_MS = 15 * 60_000;

/** Validated input with category and commune settled (given, or found by triage). */
type ResolvedInput = Omit<z.infer<typeof newTicketSchema>, 'communeCode'> & {
  category: string;
  communeCode: string | null;
};

/** The columns of a new ticket that come straight from the input. */
function ticketColumns(input: ResolvedInput, now: Date) {
  return {
    kind: input.kind,
    category: input.category,
    communeCode: input.communeCode,
    description: input.description,
    attachments: input.attachments ?? [],
    location: input.location ?? null,
    contactName: input.contact?.name ?? null,
    contactPhone: input.contact?.phone ?? null,
    contactConsentAt: input.contact?.consentAt ?? null,
    channel: input.origin.channel,
    conversationId: input.origin.conversationId,
    userId: input.origin.userId,
    idempotencyKey: input.idempotencyKey,
    status: 'assigned',
    now,
  };
}

/** History of a new ticket (created, assigned, maybe linked) and the message telling the citizen. */
async function recordCreation(
  tx: Transaction,
  row: repo.TicketRow,
  to: ConversationRef,
  duplicateOf: string | null,
  now: Date,
): Promise<void> {
  const base = { ticketId: row.id, at: now };
  await repo.appendEvent(tx, { ...base, actor: 'citizen', type: 'created', status: 'new' });
  await repo.appendEvent(tx, {
    ...base,
    actor: 'system',
    type: 'assigned',
    status: 'assigned',
    agencyId: row.agency_id,
    note: row.agency_name,
  });
  if (duplicateOf)
    await repo.appendEvent(tx, { ...base, actor: 'system', type: 'linked_duplicate', data: { duplicateOf } });
  const text = duplicateOf
    ? vi.tickets.duplicate(row.tracking_code, duplicateOf)
    : vi.tickets.created(row.tracking_code, row.agency_name, formatVnDate(row.resolve_due_at));
  await enqueueMessage(tx, { eventKey: `ticket:${row.id}:created`, ticketId: row.id, to, text, now });
}

/** Files tickets, looks them up by code and PIN, and records ratings. */
export class TicketsService implements TicketService {
  constructor(private readonly ctx: TicketContext) {}

  /** Creates a ticket (or returns the one already created for this idempotency key). */
  async create(raw: NewTicketInput): Promise<TicketReceipt> {
    const parsed = newTicketSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    const { db } = this.ctx;
    const analysis = this.ctx.model.analyze(input.description);
    const category = input.category ?? analysis.category;
    const communeCode = input.communeCode ?? analysis.commune.match?.code ?? null;
    if (!(await categoryExists(db, category))) throw appError('unknown_category', 400);
    if (communeCode && !(await communeExists(db, communeCode))) throw appError('unknown_commune', 400);
    return db.transaction(async (tx) => {
      await repo.lockIdempotencyKey(tx, input.origin.channel, input.idempotencyKey);
      const existing = await repo.findByIdempotencyKey(tx, input.origin.channel, input.idempotencyKey);
      if (existing)
        return this.receipt(
          existing,
          existing.duplicate_of ? await repo.findTicketById(tx, existing.duplicate_of) : null,
        );
      return this.insert(tx, { ...input, category, communeCode });
    });
  }

  private async insert(tx: Transaction, input: ResolvedInput): Promise<TicketReceipt> {
    const now = this.ctx.clock();
    const agency = await routeTicket(tx, input);
    const calendar = await loadCalendar(tx);
    const duplicate = input.communeCode
      ? await repo.findOpenDuplicate(
          tx,
          input.communeCode,
          input.category,
          input.description,
          DUPLICATE_SIMILARITY,
        )
      : null;
    const id = await this.insertWithFreshCode(tx, {
      ...ticketColumns(input, now),
      agencyId: agency.id,
      duplicateOf: duplicate?.id ?? null,
      acknowledgeDueAt: calendar.dueAfterWorkingDays(now, this.ctx.config.tickets.ackWorkingDays),
      resolveDueAt: resolveDue(this.ctx, calendar, input.kind, now),
    });
    const row = (await repo.findTicketById(tx, id)) as repo.TicketRow;
    await recordCreation(tx, row, input.origin, duplicate?.tracking_code ?? null, now);
    this.ctx.logger.info(
      { ticketId: id, kind: row.kind, category: row.category, agencyId: agency.id },
      'ticket created',
    );
    return this.receipt(row, duplicate ? { tracking_code: duplicate.tracking_code } : null);
  }

  private async insertWithFreshCode(
    tx: Transaction,
    base: Omit<repo.TicketInsert, 'trackingCode' | 'pinHash'>,
  ): Promise<string> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const trackingCode = this.ctx.nextCode();
      // The PIN derives from the code; it is hashed here and re-derived for a retried creation.
      const id = await repo.insertTicket(tx, {
        ...base,
        trackingCode,
        pinHash: hashPin(derivePin(this.ctx.pinSecret, trackingCode)),
      });
      if (id) return id;
    }
    throw new Error(`No free tracking code after ${CODE_ATTEMPTS} attempts`);
  }

  private receipt(row: repo.TicketRow, duplicate: { tracking_code: string } | null): TicketReceipt {
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      pin: derivePin(this.ctx.pinSecret, row.tracking_code),
      agency: { id: row.agency_id, name: row.agency_name },
      status: row.status,
      acknowledgeDueAt: row.acknowledge_due_at,
      resolveDueAt: row.resolve_due_at,
      ...(duplicate ? { duplicateOf: duplicate.tracking_code } : {}),
    };
  }

  /** The public status for a code and PIN; null when either is wrong or the code is locked after repeated failures. */
  async lookup(trackingCode: string, pin: string): Promise<TicketStatusView | null> {
    const row = await this.verified(trackingCode, pin);
    return row ? statusView(this.ctx.db, row) : null;
  }

  private async verified(trackingCode: string, pin: string): Promise<repo.TicketRow | null> {
    const code = canonicalTrackingCode(String(trackingCode ?? ''));
    if (!isTrackingCode(code) || !/^\d{6}$/.test(String(pin ?? ''))) return null;
    const row = await repo.findByTrackingCode(this.ctx.db, code);
    if (!row) return null;
    const now = this.ctx.clock();
    if (row.lookup_locked_until && row.lookup_locked_until > now) return null;
    if (!verifyPin(pin, row.pin_hash)) {
      await repo.recordFailedLookup(
        this.ctx.db,
        row.id,
        LOOKUP_FAILURES_BEFORE_LOCK,
        new Date(now.getTime() + LOOKUP_LOCK_MS),
      );
      return null;
    }
    await repo.resetFailedLookups(this.ctx.db, row.id);
    return row;
  }

  /** Erases the contact details of every ticket a channel account filed (consent withdrawn), each with an event. */
  async eraseContacts(origin: { channel: string; userId: string }): Promise<number> {
    const now = this.ctx.clock();
    return this.ctx.db.transaction(async (tx) => {
      const ids = await repo.eraseContactsOf(tx, origin.channel, origin.userId, now);
      for (const ticketId of ids)
        await repo.appendEvent(tx, { ticketId, at: now, actor: 'citizen', type: 'contact_deleted' });
      return ids.length;
    });
  }

  /** Records the citizen's 1–5 rating of the answer; 1–2 reopens the ticket with a new deadline. */
  async rate(trackingCode: string, pin: string, rating: number, comment?: string): Promise<TicketStatusView> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw appError('validation_failed', 400, [{ path: 'rating', message: 'must be an integer 1–5' }]);
    const found = await this.verified(trackingCode, pin);
    if (!found) throw appError('ticket_not_found', 404);
    const { db } = this.ctx;
    const now = this.ctx.clock();
    await db.transaction(async (tx) => {
      const t = (await repo.findByTrackingCode(tx, found.tracking_code, true)) as repo.TicketRow;
      if (t.status !== 'answered') throw appError('ticket_not_answered', 409);
      const ratingNote = comment?.slice(0, 1000) ?? null;
      await repo.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: 'citizen',
        type: 'rated',
        data: { rating },
      });
      if (rating >= 3) {
        await repo.updateTicket(tx, t.id, now, { rating, rating_comment: ratingNote, status: 'closed' });
        await repo.appendEvent(tx, {
          ticketId: t.id,
          at: now,
          actor: 'citizen',
          type: 'closed',
          status: 'closed',
        });
        return;
      }
      const due = resolveDue(this.ctx, await loadCalendar(tx), t.kind, now);
      await repo.updateTicket(tx, t.id, now, {
        rating,
        rating_comment: ratingNote,
        status: 'reopened',
        resolve_due_at: due,
        overdue_at: null,
      });
      await repo.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: 'citizen',
        type: 'reopened',
        status: 'reopened',
        agencyId: t.agency_id,
      });
      const to = {
        channel: t.origin_channel,
        conversationId: t.origin_conversation_id,
        userId: t.origin_user_id,
      };
      await enqueueMessage(tx, {
        eventKey: `ticket:${t.id}:reopened:${t.answered_at?.toISOString()}`,
        ticketId: t.id,
        to,
        text: vi.tickets.reopened(t.tracking_code, formatVnDate(due)),
        now,
      });
    });
    return statusView(db, (await repo.findTicketById(db, found.id)) as repo.TicketRow);
  }
}
