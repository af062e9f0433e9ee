import { vi } from '../../i18n/strings.vi';
import type { Database, Queryable } from '../../db/database';
import {
  appendEvent,
  claimOverdue,
  claimUnacknowledged,
  notifyAgency,
  updateTicket,
  type TicketRow,
} from '../ticket.repository';

/** The two deadlines a ticket can miss: taking it into work, and answering it. */
const DEADLINES = [
  {
    claim: claimUnacknowledged,
    column: 'ack_overdue_at',
    event: 'ack_overdue',
    dueAt: (t: TicketRow) => t.acknowledge_due_at,
    text: (t: TicketRow) => vi.tickets.ackOverdue(t.tracking_code),
  },
  {
    claim: claimOverdue,
    column: 'overdue_at',
    event: 'overdue',
    dueAt: (t: TicketRow) => t.resolve_due_at,
    text: (t: TicketRow) => vi.tickets.overdue(t.tracking_code),
  },
] as const;

async function escalate(tx: Queryable, now: Date, limit: number, d: (typeof DEADLINES)[number]) {
  const rows = await d.claim(tx, now, limit);
  for (const t of rows) {
    await updateTicket(tx, t.id, now, { [d.column]: now });
    await appendEvent(tx, {
      ticketId: t.id,
      at: now,
      actor: 'system',
      type: d.event,
      agencyId: t.agency_id,
      data: { dueAt: d.dueAt(t) },
    });
    // One notification per deadline: a reopened ticket that runs late again notifies again.
    const type = `${d.event}:${d.dueAt(t).toISOString()}`;
    await notifyAgency(tx, { agencyId: t.agency_id, ticketId: t.id, type, text: d.text(t), now });
  }
  return rows.map((r) => r.tracking_code);
}

/**
 * One escalation pass at `now`: marks new tickets nobody took into work by the acknowledgement deadline, and open
 * tickets past the answer deadline, each once, and notifies the agency's supervisors.
 */
export async function performEscalation(
  input: { now: Date },
  deps: { db: Database; batchSize?: number },
): Promise<{ unacknowledged: string[]; escalated: string[] }> {
  const limit = deps.batchSize ?? 100;
  return deps.db.transaction(async (tx) => ({
    unacknowledged: await escalate(tx, input.now, limit, DEADLINES[0]),
    escalated: await escalate(tx, input.now, limit, DEADLINES[1]),
  }));
}
