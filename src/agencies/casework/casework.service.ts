import type { Database } from '../../db/database';
import { ticketTranscript, type TranscriptLine } from './transcript.repository';
import { deliveryOf, type Delivery } from './delivery';
import { uploadIdOf } from '../../http/upload-url';
import { appError } from '../../http/errors';
import { redactPersonalData } from '../../text/redact';
import type { StaffTicketService } from '../../tickets/staff-ticket.service';
import { assertAgencyAccess, requireRole } from '../../http/access';
import type { StaffPrincipal } from '../auth.service';
import { CaseworkRepository, type CaseRow, type QueueFilter } from './casework.repository';
import { systemClock, type Clock } from '../../reference/clock';

/** Everything the case page shows. */
export interface CaseView {
  ticket: CaseRow;
  history: Awaited<ReturnType<CaseworkRepository['history']>>;
  agencies: Array<{ id: string; name: string }>;
  canned: Array<{ id: number; title: string; body: string }>;
  /** This ticket's part of its conversation (personal data and PINs masked); null for channels without one. */
  transcript: TranscriptLine[] | null;
  /** The messages sent (or still to be sent) to the citizen, oldest first, with their delivery state. */
  deliveries: Delivery[];
}

/**
 * What staff do in the portal, with the agency rule applied here (not only in the pages): staff and supervisors act
 * on their own agency's tickets, administrators on all. Every action is a ticket event naming the user.
 */
export class CaseworkService {
  private readonly repo: CaseworkRepository;

  constructor(
    private readonly db: Database,
    private readonly staff: StaffTicketService,
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
    const [history, agencies, canned, lines, messages] = await Promise.all([
      this.repo.history(ticket.id),
      this.repo.agencies(),
      this.repo.cannedAnswers(ticket.category),
      ticketTranscript(this.db, {
        channel: ticket.origin_channel,
        conversationId: ticket.origin_conversation_id,
        createdAt: ticket.created_at,
        trackingCode: ticket.tracking_code,
      }),
      this.repo.messages(ticket.id),
    ]);
    const transcript = lines?.map((l) => ({ ...l, text: redactPersonalData(l.text) })) ?? null;
    return { ticket, history, agencies, canned, transcript, deliveries: messages.map(deliveryOf) };
  }

  /** A ticket without its history, for pages about one action (confirmations); 404 / 403 as for view. */
  find(user: StaffPrincipal, id: string): Promise<CaseRow> {
    return this.load(user, id);
  }

  /**
   * An uploaded file of the ticket (its n-th attachment), for staff of the ticket's agency only; 404 for files that
   * are not our uploads or not from the ticket's own conversation.
   */
  async attachment(
    user: StaffPrincipal,
    id: string,
    n: number,
  ): Promise<{ contentType: string; data: Buffer }> {
    const ticket = await this.load(user, id);
    const url = ticket.attachments[n]?.url;
    const uploadId = url ? uploadIdOf(url) : undefined;
    const file = uploadId ? await this.repo.upload(uploadId) : null;
    if (!file || file.conversationId !== ticket.origin_conversation_id)
      throw appError('attachment_not_found', 404);
    return file;
  }

  /** Takes the ticket into work (status in_progress). */
  async start(user: StaffPrincipal, id: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.start(id, by(user, t));
  }

  /** Answers the citizen (through the outbox, on their channel). */
  async answer(user: StaffPrincipal, id: string, text: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.answer(id, { ...by(user, t), text });
  }

  /** Asks the citizen for more information. */
  async requestInfo(user: StaffPrincipal, id: string, question: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.requestInfo(id, { ...by(user, t), question });
  }

  /** Moves the ticket to another agency, with a reason. */
  async transfer(user: StaffPrincipal, id: string, toAgencyId: string, reason: string): Promise<void> {
    const t = await this.load(user, id);
    if (toAgencyId === t.agency_id)
      throw appError('validation_failed', 400, [{ path: 'toAgencyId', message: 'same agency' }]);
    await this.staff.transfer(id, { ...by(user, t), toAgencyId, reason });
  }

  /** Declines the ticket with a reason the citizen receives. */
  async reject(user: StaffPrincipal, id: string, reason: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.reject(id, { ...by(user, t), reason });
  }

  /** Adds an internal note (never shown to the public). */
  async note(user: StaffPrincipal, id: string, text: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.note(id, { ...by(user, t), text });
  }

  /** Approves the anonymised summary published on /phan-anh (only where the citizen agreed to publication). */
  async approvePublicSummary(user: StaffPrincipal, id: string, text: string): Promise<void> {
    const t = await this.load(user, id);
    await this.staff.approvePublicSummary(id, { ...by(user, t), text });
  }

  /** Erases the citizen's contact details on their request. */
  async deleteContact(user: StaffPrincipal, id: string): Promise<void> {
    await this.load(user, id);
    await this.staff.deleteContact(id, actor(user));
  }

  private async load(user: StaffPrincipal, id: string): Promise<CaseRow> {
    const ticket = await this.repo.findCase(this.clock(), id);
    if (!ticket) throw appError('ticket_not_found', 404);
    assertAgencyAccess(user, ticket.agency_id);
    return ticket;
  }
}

function actor(user: StaffPrincipal): string {
  return `staff:${user.username}`;
}

/** The acting user, and the agency they saw the ticket in (the change is refused if it moved since). */
function by(user: StaffPrincipal, t: CaseRow): { actor: string; agencyId: string } {
  return { actor: actor(user), agencyId: t.agency_id };
}
