import { z } from 'zod';

/** Every status a ticket can be in (the `tickets.status` check constraint holds the same list). */
export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'reopened',
  'transferred',
  'rejected',
] as const;

/** A ticket's status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Validates a status at an edge (query strings, forms). */
export const ticketStatusSchema = z.enum(TICKET_STATUSES);

/** Statuses in which the agency still owes the citizen an answer: staff can act, deadlines run. */
export const OPEN_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'reopened',
  'transferred',
] as const satisfies readonly TicketStatus[];

/** Statuses out of the agency's hands (answered, closed, rejected): every status that is not open. */
export const SETTLED_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (s) => !(OPEN_STATUSES as readonly string[]).includes(s),
);

/** Open statuses in which nobody has taken the ticket into work yet (the acknowledgement deadline runs). */
export const UNTAKEN_STATUSES = ['new', 'assigned'] as const satisfies readonly TicketStatus[];

/** Whether a stored status is open. */
export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A parenthesised SQL list of status literals, e.g. `('new', 'assigned')` (the values are our constants). */
function sqlList(statuses: readonly TicketStatus[]): string {
  return `(${statuses.map((s) => `'${s}'`).join(', ')})`;
}

/** `status IN ${sqlOpenStatuses}`: the open set as SQL. */
export const sqlOpenStatuses = sqlList(OPEN_STATUSES);

/** `status NOT IN ${sqlSettledStatuses}`: the form the partial indexes of migration 0201 use. */
export const sqlSettledStatuses = sqlList(SETTLED_STATUSES);

/** `status IN ${sqlUntakenStatuses}`: tickets still waiting to be taken into work. */
export const sqlUntakenStatuses = sqlList(UNTAKEN_STATUSES);
