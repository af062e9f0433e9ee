import { vi } from '../i18n/strings.vi';
import type { Transaction } from '../db/database';
import { appError } from '../http/errors';
import { enqueueMessage } from './notify/outbox.repository';
import { findAgency } from './routing/routing.repository';
import type { TicketContext } from './ticket.context';
import * as repo from './ticket.repository';

const OPEN = new Set(['new', 'assigned', 'in_progress', 'reopened', 'transferred']);

/** What agency staff do to a ticket (used by the agency portal): answer, transfer, ask for information, erase contact. */
export class TicketWorkflowService {
  constructor(private readonly ctx: TicketContext) {}

  private async locked(tx: Transaction, ticketId: string): Promise<repo.TicketRow> {
    const row = await repo.findTicketById(tx, ticketId);
    if (!row) throw appError('ticket_not_found', 404);
    return (await repo.findByTrackingCode(tx, row.tracking_code, true)) as repo.TicketRow;
  }

  private origin(t: repo.TicketRow) {
    return { channel: t.origin_channel, conversationId: t.origin_conversation_id, userId: t.origin_user_id };
  }

  /** The agency answers: status answered, and the answer goes to the citizen with a rating request. */
  async answer(ticketId: string, input: { text: string; actor: string }): Promise<void> {
    const text = input.text?.trim();
    if (!text) throw appError('validation_failed', 400, [{ path: 'text', message: 'required' }]);
    await this.ctx.db.transaction(async (tx) => {
      const t = await this.locked(tx, ticketId);
      if (!OPEN.has(t.status)) throw appError('invalid_transition', 409);
      const now = this.ctx.clock();
      await repo.updateTicket(tx, t.id, now, { status: 'answered', answer: text, answered_at: now });
      await repo.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: input.actor,
        type: 'answered',
        status: 'answered',
        agencyId: t.agency_id,
      });
      await enqueueMessage(tx, {
        eventKey: `ticket:${t.id}:answered:${now.toISOString()}`,
        ticketId: t.id,
        to: this.origin(t),
        text: vi.tickets.answered(t.tracking_code, t.agency_name, text),
        suggestedActions: [...vi.tickets.ratingChoices],
        now,
      });
    });
  }

  /** Moves the ticket to another agency with a reason; the citizen is told. */
  async transfer(
    ticketId: string,
    input: { toAgencyId: string; reason: string; actor: string },
  ): Promise<void> {
    if (!input.reason?.trim())
      throw appError('validation_failed', 400, [{ path: 'reason', message: 'required' }]);
    await this.ctx.db.transaction(async (tx) => {
      const t = await this.locked(tx, ticketId);
      if (!OPEN.has(t.status)) throw appError('invalid_transition', 409);
      const target = await findAgency(tx, input.toAgencyId);
      if (!target) throw appError('unknown_agency', 400);
      const now = this.ctx.clock();
      await repo.updateTicket(tx, t.id, now, { agency_id: target.id, status: 'transferred' });
      await repo.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: input.actor,
        type: 'transferred',
        status: 'transferred',
        agencyId: target.id,
        note: input.reason.trim(),
        data: { from: t.agency_id },
      });
      await enqueueMessage(tx, {
        eventKey: `ticket:${t.id}:transferred:${now.toISOString()}`,
        ticketId: t.id,
        to: this.origin(t),
        text: vi.tickets.transferred(t.tracking_code, target.name),
        now,
      });
    });
  }

  /** Asks the citizen for more information on their channel. */
  async requestInfo(ticketId: string, input: { question: string; actor: string }): Promise<void> {
    if (!input.question?.trim())
      throw appError('validation_failed', 400, [{ path: 'question', message: 'required' }]);
    await this.ctx.db.transaction(async (tx) => {
      const t = await this.locked(tx, ticketId);
      if (!OPEN.has(t.status)) throw appError('invalid_transition', 409);
      const now = this.ctx.clock();
      await repo.updateTicket(tx, t.id, now, { status: 'in_progress' });
      await repo.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: input.actor,
        type: 'info_requested',
        status: 'in_progress',
      });
      await enqueueMessage(tx, {
        eventKey: `ticket:${t.id}:info:${now.toISOString()}`,
        ticketId: t.id,
        to: this.origin(t),
        text: vi.tickets.infoRequested(t.tracking_code, input.question.trim()),
        now,
      });
    });
  }

  /** Erases the citizen's name and phone (consent withdrawn or deletion requested); the history keeps only the fact. */
  async deleteContact(ticketId: string, actor: string): Promise<void> {
    await this.ctx.db.transaction(async (tx) => {
      const t = await this.locked(tx, ticketId);
      const now = this.ctx.clock();
      await repo.updateTicket(tx, t.id, now, {
        contact_name: null,
        contact_phone: null,
        contact_consent_at: null,
      });
      await repo.appendEvent(tx, { ticketId: t.id, at: now, actor, type: 'contact_deleted' });
    });
  }
}
