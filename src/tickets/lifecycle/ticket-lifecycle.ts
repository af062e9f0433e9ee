import { vi } from '../../i18n/strings.vi';
import type { Queryable } from '../../db/database';
import { appError } from '../../http/errors';
import type { ConversationRef } from '../../ports';
import { enqueueMessage } from '../notify/outbox.repository';
import type { Clock } from '../../reference/clock';
import { formatVnDate } from '../../reference/vn-time';
import { appendEvent, lockTicketById, updateTicket, type TicketRow } from '../ticket.repository';
import { canTransition, TRANSITIONS, type TicketAction } from './ticket-transitions';

/** What each action needs besides the ticket and the actor. */
export interface ActionPayloads {
  start: Record<string, never>;
  answer: { text: string };
  requestInfo: { question: string };
  transfer: { to: { id: string; name: string }; reason: string };
  reject: { reason: string };
  close: { rating: number; comment: string | null };
  reopen: { rating: number; comment: string | null; resolveDueAt: Date };
}

/** A history entry without a status change (a note, a rating, erased contact details, a missed deadline). */
export interface EventDetail {
  agencyId?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
}

/** What an action writes besides the status: columns, event details, and the citizen's message. */
interface Effect<P> {
  columns?(t: TicketRow, p: P, now: Date): Record<string, unknown>;
  event?(t: TicketRow, p: P): EventDetail;
  message?(t: TicketRow, p: P, now: Date): { key: string; text: string; suggestedActions?: string[] };
}

type Effects = { [A in TicketAction]: Effect<ActionPayloads[A]> };

const at = (now: Date) => now.toISOString();

const EFFECTS: Effects = {
  start: { event: (t) => ({ agencyId: t.agency_id }) },
  answer: {
    columns: (_t, p, now) => ({ answer: p.text, answered_at: now }),
    event: (t) => ({ agencyId: t.agency_id }),
    message: (t, p, now) => ({
      key: `answered:${at(now)}`,
      text: vi.tickets.answered(t.tracking_code, t.agency_name, p.text),
      suggestedActions: vi.tickets.ratingButtons(t.tracking_code),
    }),
  },
  requestInfo: {
    message: (t, p, now) => ({
      key: `info:${at(now)}`,
      text: vi.tickets.infoRequested(t.tracking_code, p.question),
    }),
  },
  transfer: {
    columns: (_t, p) => ({ agency_id: p.to.id }),
    event: (t, p) => ({ agencyId: p.to.id, note: p.reason, data: { from: t.agency_id } }),
    message: (t, p, now) => ({
      key: `transferred:${at(now)}`,
      text: vi.tickets.transferred(t.tracking_code, p.to.name),
    }),
  },
  reject: {
    event: (t, p) => ({ agencyId: t.agency_id, note: p.reason }),
    message: (t, p, now) => ({
      key: `rejected:${at(now)}`,
      text: vi.portal.rejectedMessage(t.tracking_code, p.reason),
    }),
  },
  close: { columns: (_t, p) => ({ rating: p.rating, rating_comment: p.comment }) },
  reopen: {
    columns: (_t, p) => ({
      rating: p.rating,
      rating_comment: p.comment,
      resolve_due_at: p.resolveDueAt,
      overdue_at: null,
    }),
    event: (t) => ({ agencyId: t.agency_id }),
    // Keyed by the answer it reopens: a retried rating does not tell the citizen twice.
    message: (t, p) => ({
      key: `reopened:${t.answered_at?.toISOString()}`,
      text: vi.tickets.reopened(t.tracking_code, formatVnDate(p.resolveDueAt)),
    }),
  },
};

/** How to reach the citizen who filed a ticket. */
function originOf(t: TicketRow): ConversationRef {
  return { channel: t.origin_channel, conversationId: t.origin_conversation_id, userId: t.origin_user_id };
}

/**
 * The one owner of a ticket's status: every status change checks the transition table, updates the row, appends
 * the history entry and queues the citizen's message, all in the caller's transaction.
 */
export class TicketLifecycle {
  constructor(private readonly clock: Clock) {}

  /** Locks a ticket for a change in this transaction; 404 when unknown. */
  async lock(tx: Queryable, ticketId: string): Promise<TicketRow> {
    const row = await lockTicketById(tx, ticketId);
    if (!row) throw appError('ticket_not_found', 404);
    return row;
  }

  /** Refuses an action the transition table does not allow from the ticket's status (409, stable code). */
  assertAllowed(ticket: TicketRow, action: TicketAction): void {
    if (!canTransition(ticket.status, action))
      throw appError(TRANSITIONS[action].refusal, 409, { action, status: ticket.status });
  }

  /** Applies `action` to a ticket locked in `tx`; an action the table does not allow is refused and writes nothing. */
  async transition<A extends TicketAction>(
    tx: Queryable,
    ticket: TicketRow,
    action: A,
    actor: string,
    payload: ActionPayloads[A],
  ): Promise<void> {
    this.assertAllowed(ticket, action);
    const rule = TRANSITIONS[action];
    const effect = EFFECTS[action] as Effect<ActionPayloads[A]>;
    const now = this.clock();
    const columns = { status: rule.to, ...effect.columns?.(ticket, payload, now) };
    await updateTicket(tx, ticket.id, now, columns);
    const detail = effect.event?.(ticket, payload) ?? {};
    await appendEvent(tx, {
      ticketId: ticket.id,
      at: now,
      actor,
      type: rule.event,
      status: rule.to,
      ...detail,
    });
    const message = effect.message?.(ticket, payload, now);
    if (message)
      await enqueueMessage(tx, {
        eventKey: `ticket:${ticket.id}:${message.key}`,
        ticketId: ticket.id,
        to: originOf(ticket),
        text: message.text,
        ...(message.suggestedActions ? { suggestedActions: message.suggestedActions } : {}),
        now,
      });
  }

  /** Appends a history entry that changes no status. */
  async record(tx: Queryable, ticketId: string, type: string, actor: string, detail: EventDetail = {}) {
    await appendEvent(tx, { ticketId, at: this.clock(), actor, type, ...detail });
  }
}
