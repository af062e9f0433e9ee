import { vi } from '../../../dialogs/strings.vi';
import type { Database } from '../../db/database';
import { appendEvent, claimOverdue, notifyAgency, updateTicket } from '../ticket.repository';

/** One escalation pass at `now`: marks open tickets past their deadline overdue and notifies the agency's supervisors. */
export async function performEscalation(
  input: { now: Date },
  deps: { db: Database; batchSize?: number },
): Promise<{ escalated: string[] }> {
  return deps.db.transaction(async (tx) => {
    const rows = await claimOverdue(tx, input.now, deps.batchSize ?? 100);
    for (const t of rows) {
      await updateTicket(tx, t.id, input.now, { overdue_at: input.now });
      await appendEvent(tx, {
        ticketId: t.id,
        at: input.now,
        actor: 'system',
        type: 'overdue',
        agencyId: t.agency_id,
        data: { dueAt: t.resolve_due_at },
      });
      await notifyAgency(tx, {
        agencyId: t.agency_id,
        ticketId: t.id,
        // One notification per deadline: a reopened ticket that runs late again notifies again.
        type: `overdue:${t.resolve_due_at.toISOString()}`,
        text: vi.tickets.overdue(t.tracking_code),
        now: input.now,
      });
    }
    return { escalated: rows.map((r) => r.tracking_code) };
  });
}
