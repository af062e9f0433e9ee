import { vi } from '../../../dialogs/strings.vi';
import type { Database } from '../../db/database';
import { conversationTranscript, type TranscriptLine } from '../../channels/transcript.repository';
import { appError } from '../../http/errors';
import { redactPersonalData } from '../../logger';
import { enqueueMessage } from '../../tickets/notify/outbox.repository';
import * as tickets from '../../tickets/ticket.repository';
import type { TicketWorkflowService } from '../../tickets/ticket-workflow.service';
import { assertAgencyAccess, requireRole } from '../access';
import type { StaffPrincipal } from '../auth.service';
import { CaseworkRepository, type CaseRow, type QueueFilter } from './casework.repository';
import { systemClock, type Clock } from '../../reference/clock';

const OPEN = new Set(['new', 'assigned', 'in_progress', 'reopened', 'transferred']);

/** Everything the case page shows. */
export interface CaseView {
  ticket: CaseRow;
  history: Awaited<ReturnType<CaseworkRepository['history']>>;
  agencies: Array<{ id: string; name: string }>;
  canned: Array<{ id: number; title: string; body: string }>;
  /** The conversation the ticket came from (personal data redacted); null for channels without one. */
  transcript: TranscriptLine[] | null;
}

/**
 * What staff do in the portal, with the agency rule applied here (not only in the pages): staff and supervisors act
 * on their own agency's tickets, administrators on all. Every action is a ticket event naming the user.
 */
export class CaseworkService {
  private readonly repo: CaseworkRepository;

  constructor(
    private readonly db: Database,
    private readonly workflow: TicketWorkflowService,
    private readonly clock: Clock = systemClock,
  ) {
    this.repo = new CaseworkRepository(db);
  }

  /** The user's queue; non-administrators always see only their agency. */
  queue(user: StaffPrincipal, filter: Omit<QueueFilter, 'agencyId'> & { agencyId?: string | null }) {
    const agencyId = user.role === 'admin' ? (filter.agencyId ?? null) : user.agencyId;
    return this.repo.queue(this.clock(), { ...filter, agencyId });
  }

  /** Unread missed-deadline notifications for supervisors (their agency) and administrators (all); none for staff. */
  notifications(user: StaffPrincipal) {
    if (user.role === 'staff') return Promise.resolve([]);
    return this.repo.unreadNotifications(user.role === 'admin' ? null : user.agencyId);
  }

  /** Marks the notifications the user has seen (up to the newest id shown) as read. */
  async markNotificationsRead(user: StaffPrincipal, upTo: number): Promise<void> {
    requireRole(user, 'supervisor');
    await this.repo.markNotificationsRead(user.role === 'admin' ? null : user.agencyId, upTo, this.clock());
  }

  /** The communes the user's queue has tickets from (for the filter). */
  queueCommunes(user: StaffPrincipal): Promise<Map<string, string>> {
    return this.repo.queueCommunes(user.role === 'admin' ? null : user.agencyId);
  }

  /** A ticket with its history; 404 when unknown, 403 when another agency's. */
  async view(user: StaffPrincipal, id: string): Promise<CaseView> {
    const ticket = await this.load(user, id);
    const [history, agencies, canned, lines] = await Promise.all([
      this.repo.history(ticket.id),
      this.repo.agencies(),
      this.repo.cannedAnswers(ticket.category),
      conversationTranscript(this.db, {
        channel: ticket.origin_channel,
        conversationId: ticket.origin_conversation_id,
        createdAt: ticket.created_at,
      }),
    ]);
    const transcript = lines?.map((l) => ({ ...l, text: redactPersonalData(l.text) })) ?? null;
    return { ticket, history, agencies, canned, transcript };
  }

  /** Takes the ticket into work (status in_progress). */
  async start(user: StaffPrincipal, id: string): Promise<void> {
    await this.change(user, id, 'in_progress', 'started');
  }

  /** Answers the citizen (through the outbox, on their channel). */
  async answer(user: StaffPrincipal, id: string, text: string): Promise<void> {
    await this.load(user, id);
    await this.workflow.answer(id, { text, actor: actor(user) });
  }

  /** Asks the citizen for more information. */
  async requestInfo(user: StaffPrincipal, id: string, question: string): Promise<void> {
    await this.load(user, id);
    await this.workflow.requestInfo(id, { question, actor: actor(user) });
  }

  /** Moves the ticket to another agency, with a reason. */
  async transfer(user: StaffPrincipal, id: string, toAgencyId: string, reason: string): Promise<void> {
    const t = await this.load(user, id);
    if (toAgencyId === t.agency_id)
      throw appError('validation_failed', 400, [{ path: 'toAgencyId', message: 'same agency' }]);
    await this.workflow.transfer(id, { toAgencyId, reason, actor: actor(user) });
  }

  /** Declines the ticket with a reason the citizen receives. */
  async reject(user: StaffPrincipal, id: string, reason: string): Promise<void> {
    const text = reason.trim();
    if (!text) throw appError('validation_failed', 400, [{ path: 'reason', message: 'required' }]);
    await this.change(user, id, 'rejected', 'rejected', text, (t) =>
      vi.portal.rejectedMessage(t.tracking_code, text),
    );
  }

  /** Adds an internal note (never shown to the public). */
  async note(user: StaffPrincipal, id: string, text: string): Promise<void> {
    const note = text.trim();
    if (!note) throw appError('validation_failed', 400, [{ path: 'note', message: 'required' }]);
    const t = await this.load(user, id);
    await tickets.appendEvent(this.db, {
      ticketId: t.id,
      at: this.clock(),
      actor: actor(user),
      type: 'note',
      note: note.slice(0, 4000),
    });
  }

  /** Erases the citizen's contact details on their request. */
  async deleteContact(user: StaffPrincipal, id: string): Promise<void> {
    await this.load(user, id);
    await this.workflow.deleteContact(id, actor(user));
  }

  private async load(user: StaffPrincipal, id: string): Promise<CaseRow> {
    const ticket = await this.repo.findCase(this.clock(), id);
    if (!ticket) throw appError('ticket_not_found', 404);
    assertAgencyAccess(user, ticket.agency_id);
    return ticket;
  }

  private async change(
    user: StaffPrincipal,
    id: string,
    status: string,
    type: string,
    note?: string,
    message?: (t: CaseRow) => string,
  ) {
    const t = await this.load(user, id);
    const now = this.clock();
    await this.db.transaction(async (tx) => {
      // Re-read under a row lock: another user may have answered or moved it since the page was loaded.
      const current = await tickets.findByTrackingCode(tx, t.tracking_code, true);
      if (!current || !OPEN.has(current.status) || current.agency_id !== t.agency_id)
        throw appError('invalid_transition', 409);
      await tickets.updateTicket(tx, t.id, now, { status });
      await tickets.appendEvent(tx, {
        ticketId: t.id,
        at: now,
        actor: actor(user),
        type,
        status,
        agencyId: t.agency_id,
        note: note ?? null,
      });
      if (message) {
        const origin = await tickets.findTicketById(tx, t.id);
        await enqueueMessage(tx, {
          eventKey: `ticket:${t.id}:${type}:${now.toISOString()}`,
          ticketId: t.id,
          to: {
            channel: origin!.origin_channel,
            conversationId: origin!.origin_conversation_id,
            userId: origin!.origin_user_id,
          },
          text: message(t),
          now,
        });
      }
    });
  }
}

function actor(user: StaffPrincipal): string {
  return `staff:${user.username}`;
}
