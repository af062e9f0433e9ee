import { appError } from '../http/errors';
import type { NewTicketInput, TicketReceipt, TicketService, TicketStatusView } from '../ports';
import type { TicketLifecycle } from './lifecycle/ticket-lifecycle';
import { loadCalendar, resolveDue, statusView, type TicketContext } from './ticket.context';
import { TicketFiling } from './ticket-filing';
import * as repo from './ticket.repository';
import { canonicalTrackingCode, isTrackingCode, verifyPin } from './tracking-code';

const LOOKUP_FAILURES_BEFORE_LOCK = 5;
const LOOKUP_LOCK_MS = 15 * 60_000;

/** What citizens do with tickets (the `TicketService` port): file, look up by code and PIN, rate, erase contacts. */
export class CitizenTicketService implements TicketService {
  private readonly filing: TicketFiling;

  constructor(
    private readonly ctx: TicketContext,
    private readonly lifecycle: TicketLifecycle,
  ) {
    this.filing = new TicketFiling(ctx);
  }

  /** Creates a ticket (or returns the one already created for this idempotency key). */
  create(input: NewTicketInput): Promise<TicketReceipt> {
    return this.filing.create(input);
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
      for (const ticketId of ids) await this.lifecycle.record(tx, ticketId, 'contact_deleted', 'citizen');
      return ids.length;
    });
  }

  /** Records the citizen's 1–5 rating of the answer; 3–5 closes the ticket, 1–2 reopens it with a new deadline. */
  async rate(trackingCode: string, pin: string, rating: number, comment?: string): Promise<TicketStatusView> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw appError('validation_failed', 400, [{ path: 'rating', message: 'must be an integer 1–5' }]);
    const found = await this.verified(trackingCode, pin);
    if (!found) throw appError('ticket_not_found', 404);
    const { db } = this.ctx;
    await db.transaction(async (tx) => {
      const t = await this.lifecycle.lock(tx, found.id);
      const action = rating >= 3 ? 'close' : 'reopen';
      this.lifecycle.assertAllowed(t, action);
      await this.lifecycle.record(tx, t.id, 'rated', 'citizen', { data: { rating } });
      const ratingNote = { rating, comment: comment?.slice(0, 1000) ?? null };
      if (action === 'close') return this.lifecycle.transition(tx, t, 'close', 'citizen', ratingNote);
      const resolveDueAt = resolveDue(this.ctx, await loadCalendar(tx), t.kind, this.ctx.clock());
      await this.lifecycle.transition(tx, t, 'reopen', 'citizen', { ...ratingNote, resolveDueAt });
    });
    return statusView(db, (await repo.findTicketById(db, found.id)) as repo.TicketRow);
  }
}
