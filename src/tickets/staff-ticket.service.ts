import type { Database, Transaction } from '../db/database';
import { appError } from '../http/errors';
import type { ActionPayloads, TicketLifecycle } from './lifecycle/ticket-lifecycle';
import type { TicketAction } from './lifecycle/ticket-transitions';
import { findAgency } from './routing/routing.repository';
import type { Clock } from '../reference/clock';
import { updateTicket, type TicketRow } from './ticket.repository';

/** Who acts; from the portal also the agency the ticket belonged to when they opened it (refused if it moved since). */
export interface StaffActor {
  actor: string;
  agencyId?: string;
}

function required(value: string | undefined, path: string): string {
  const text = value?.trim();
  if (!text) throw appError('validation_failed', 400, [{ path, message: 'required' }]);
  return text;
}

/** What agency staff do to a ticket, each as a lifecycle transition or history entry (the portal calls these). */
export class StaffTicketService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: TicketLifecycle,
    private readonly clock: Clock,
  ) {}

  /** Takes the ticket into work (in_progress). */
  async start(ticketId: string, by: StaffActor): Promise<void> {
    await this.act(ticketId, by, 'start', () => ({}));
  }

  /** The agency answers: status answered, and the answer goes to the citizen with a rating request. */
  async answer(ticketId: string, input: StaffActor & { text: string }): Promise<void> {
    const text = required(input.text, 'text');
    await this.act(ticketId, input, 'answer', () => ({ text }));
  }

  /** Asks the citizen for more information on their channel. */
  async requestInfo(ticketId: string, input: StaffActor & { question: string }): Promise<void> {
    const question = required(input.question, 'question');
    await this.act(ticketId, input, 'requestInfo', () => ({ question }));
  }

  /** Moves the ticket to another agency with a reason; the citizen is told. */
  async transfer(
    ticketId: string,
    input: StaffActor & { toAgencyId: string; reason: string },
  ): Promise<void> {
    const reason = required(input.reason, 'reason');
    await this.act(ticketId, input, 'transfer', async (tx) => {
      const to = await findAgency(tx, input.toAgencyId);
      if (!to) throw appError('unknown_agency', 400);
      return { to: { id: to.id, name: to.name }, reason };
    });
  }

  /** Declines the ticket with a reason the citizen receives. */
  async reject(ticketId: string, input: StaffActor & { reason: string }): Promise<void> {
    const reason = required(input.reason, 'reason');
    await this.act(ticketId, input, 'reject', () => ({ reason }));
  }

  /** Adds an internal note (never shown to the public). */
  async note(ticketId: string, input: StaffActor & { text: string }): Promise<void> {
    const note = required(input.text, 'note').slice(0, 4000);
    await this.lifecycle.record(this.db, ticketId, 'note', input.actor, { note });
  }

  /**
   * Approves the anonymised summary published on /phan-anh (only for a citizen who agreed to publication); the
   * citizen's own text is never published.
   */
  async approvePublicSummary(ticketId: string, input: StaffActor & { text: string }): Promise<void> {
    const summary = required(input.text, 'summary').slice(0, 2000);
    await this.db.transaction(async (tx) => {
      const t = await this.lifecycle.lock(tx, ticketId);
      if (t.publish_consent !== true) throw appError('invalid_transition', 409);
      await updateTicket(tx, t.id, this.clock(), { public_summary: summary });
      await this.lifecycle.record(tx, t.id, 'summary_approved', input.actor, { note: summary });
    });
  }

  /** Erases the citizen's name and phone (consent withdrawn or deletion requested); the history keeps only the fact. */
  async deleteContact(ticketId: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = await this.lifecycle.lock(tx, ticketId);
      const fields = { contact_name: null, contact_phone: null, contact_consent_at: null };
      await updateTicket(tx, t.id, this.clock(), fields);
      await this.lifecycle.record(tx, t.id, 'contact_deleted', actor);
    });
  }

  private async act<A extends TicketAction>(
    ticketId: string,
    by: StaffActor,
    action: A,
    payload: (tx: Transaction, t: TicketRow) => ActionPayloads[A] | Promise<ActionPayloads[A]>,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Locked, then checked: another user may have answered or moved it since the page was loaded.
      const t = await this.lifecycle.lock(tx, ticketId);
      if (by.agencyId !== undefined && t.agency_id !== by.agencyId) throw appError('invalid_transition', 409);
      this.lifecycle.assertAllowed(t, action);
      await this.lifecycle.transition(tx, t, action, by.actor, await payload(tx, t));
    });
  }
}
