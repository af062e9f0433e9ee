import { randomBytes } from 'node:crypto';
import { appError } from '../http/errors';
import type { NewTicketInput, RatingSource, TicketReceipt, TicketService, TicketStatusView } from '../ports';
import type { TicketLifecycle } from './lifecycle/ticket-lifecycle';
import { loadCalendar, resolveDue, statusView, type TicketContext } from './ticket.context';
import { TicketFiling } from './ticket-filing';
import * as repo from './ticket.repository';
import { canonicalTrackingCode, hashPin, isTrackingCode, verifyPin } from './tracking-code';
import type { LookupGuard } from './lookup-guard';

// A hash no PIN matches, checked for unknown codes so they take as long as a wrong PIN.
const UNKNOWN_CODE_HASH = hashPin(randomBytes(8).toString('hex'));

/** What citizens do with tickets (the `TicketService` port): file, look up by code and PIN, rate, erase contacts. */
export class CitizenTicketService implements TicketService {
  private readonly filing: TicketFiling;

  constructor(
    private readonly ctx: TicketContext,
    private readonly lifecycle: TicketLifecycle,
    private readonly guard: LookupGuard,
  ) {
    this.filing = new TicketFiling(ctx);
  }

  /** Creates a ticket (or returns the one already created for this idempotency key). */
  create(input: NewTicketInput): Promise<TicketReceipt> {
    return this.filing.create(input);
  }

  /**
   * The public status for a code and PIN asked by `source` (a chat user or a hashed address); null when either is
   * wrong or this (code, source) is held back after repeated failures. Unknown codes cost the same hash check as
   * wrong PINs, so timing does not tell which codes exist.
   */
  async lookup(trackingCode: string, pin: string, source: string): Promise<TicketStatusView | null> {
    const row = await this.verified(trackingCode, pin, source);
    return row ? statusView(this.ctx.db, row) : null;
  }

  private async verified(trackingCode: string, pin: string, source: string): Promise<repo.TicketRow | null> {
    const code = canonicalTrackingCode(String(trackingCode ?? ''));
    if (!isTrackingCode(code) || !/^\d{6}$/.test(String(pin ?? ''))) return null;
    if (!(await this.guard.admit(code, source))) return null;
    const row = await repo.findByTrackingCode(this.ctx.db, code);
    const matches = verifyPin(pin, row?.pin_hash ?? UNKNOWN_CODE_HASH);
    if (!row || !matches) {
      await this.guard.failed(code, source);
      return null;
    }
    await this.guard.succeeded(code, source);
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
  async rate(
    trackingCode: string,
    pin: string,
    rating: number,
    by: RatingSource,
    comment?: string,
  ): Promise<TicketStatusView> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw appError('validation_failed', 400, [{ path: 'rating', message: 'must be an integer 1–5' }]);
    const found = await this.verified(trackingCode, pin, `${by.channel}:${by.rater}`);
    if (!found) throw appError('ticket_not_found', 404);
    const { db } = this.ctx;
    await db.transaction(async (tx) => {
      const t = await this.lifecycle.lock(tx, found.id);
      const action = rating >= 3 ? 'close' : 'reopen';
      this.lifecycle.assertAllowed(t, action);
      const source = { channel: by.channel.slice(0, 40), rater: by.rater.slice(0, 200) };
      await this.lifecycle.record(tx, t.id, 'rated', 'citizen', { data: { rating, ...source } });
      const ratingNote = { rating, comment: comment?.slice(0, 1000) ?? null };
      if (action === 'close') return this.lifecycle.transition(tx, t, 'close', 'citizen', ratingNote);
      const resolveDueAt = resolveDue(this.ctx, await loadCalendar(tx), t.kind, this.ctx.clock());
      await this.lifecycle.transition(tx, t, 'reopen', 'citizen', { ...ratingNote, resolveDueAt });
    });
    return statusView(db, (await repo.findTicketById(db, found.id)) as repo.TicketRow);
  }
}
