import { vi } from '../i18n/strings.vi';
import type { Transaction } from '../db/database';
import { appError } from '../http/errors';
import type { ConversationRef, NewTicketInput, TicketReceipt } from '../ports';
import { newTicketSchema, type NewTicket, type ResolvedTicket } from './new-ticket.schema';
import { enqueueMessage } from './notify/outbox.repository';
import { routeTicket } from './routing/router';
import { categoryExists, communeExists } from './routing/routing.repository';
import { formatVnDate } from '../reference/vn-time';
import { loadCalendar, resolveDue, type TicketContext } from './ticket.context';
import * as repo from './ticket.repository';
import { derivePin, hashPin } from './tracking-code';
import { validationError } from './validation';

const CODE_ATTEMPTS = 8;
const DUPLICATE_SIMILARITY = 0.6;

/** The columns of a new ticket that come straight from the input; it is filed already routed (`assigned`). */
function ticketColumns(input: ResolvedTicket, now: Date) {
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
    publishConsent: input.publish ?? null,
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
  to: ConversationRef | null,
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
  // A chat that showed the receipt in the same turn is not told again (a second notice would also drop its buttons).
  if (!to) return;
  const text = duplicateOf
    ? vi.tickets.duplicate(row.tracking_code, duplicateOf)
    : vi.tickets.created(row.tracking_code, row.agency_name, formatVnDate(row.resolve_due_at));
  await enqueueMessage(tx, { eventKey: `ticket:${row.id}:created`, ticketId: row.id, to, text, now });
}

/** Files tickets: settles category and commune, routes once, links near-duplicates, draws a code and a PIN. */
export class TicketFiling {
  constructor(private readonly ctx: TicketContext) {}

  /** Creates a ticket (or returns the one already created for this idempotency key). */
  async create(raw: NewTicketInput): Promise<TicketReceipt> {
    const parsed = newTicketSchema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const input = this.resolve(parsed.data);
    const { db } = this.ctx;
    if (!(await categoryExists(db, input.category))) throw appError('unknown_category', 400);
    if (input.communeCode && !(await communeExists(db, input.communeCode)))
      throw appError('unknown_commune', 400);
    return db.transaction(async (tx) => {
      await repo.lockIdempotencyKey(tx, input.origin.channel, input.idempotencyKey);
      const existing = await repo.findByIdempotencyKey(tx, input.origin.channel, input.idempotencyKey);
      if (!existing) return this.insert(tx, input);
      const duplicate = existing.duplicate_of ? await repo.findTicketById(tx, existing.duplicate_of) : null;
      return this.receipt(existing, duplicate);
    });
  }

  /** Category and commune as given, else as carried from triage, else from analysing the text (only then). */
  private resolve(input: NewTicket): ResolvedTicket {
    const { triage, communeCode, ...rest } = input;
    if (input.category && communeCode) return { ...rest, category: input.category, communeCode };
    const known = triage ?? this.analyze(input.description);
    return {
      ...rest,
      category: input.category ?? known.category,
      communeCode: communeCode ?? known.commune?.code ?? null,
    };
  }

  private analyze(text: string): { category: string; commune: { code: string } | null } {
    const a = this.ctx.analyzer.analyze(text);
    return { category: a.category, commune: a.commune.match };
  }

  private async insert(tx: Transaction, input: ResolvedTicket): Promise<TicketReceipt> {
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
    const to = input.acknowledged ? null : input.origin;
    await recordCreation(tx, row, to, duplicate?.tracking_code ?? null, now);
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
}
